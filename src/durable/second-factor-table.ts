/**
 * The SessionRegistry's second-factor tables: the newest authenticator time step used (a code works once),
 * the recovery codes' hashes (each works once), and one wrong-code budget per surface (docs/design.md,
 * "Attempt budgets, and how the owner gets back in"): sign-in (with the changes on /account) and the reset,
 * so a password holder who spends sign-in's codes cannot keep the owner out of the reset. The key itself is
 * in D1, sealed (core/secret-box.ts).
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../core/time";

export const SECOND_FACTOR_SCHEMA = `
CREATE TABLE IF NOT EXISTS second_factor (id INTEGER PRIMARY KEY CHECK (id = 1), last_step INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS recovery_codes (hash TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS second_factor_budgets (
  surface TEXT PRIMARY KEY, failures INTEGER NOT NULL, since INTEGER NOT NULL,
  locks INTEGER NOT NULL, locked_until INTEGER NOT NULL, last_lock_at INTEGER NOT NULL);`;

/**
 * Where a code is typed. "sign_in": after a right password (the API's tfa_token, the pages' second step) and
 * the changes on /account (a session and the password: no more than sign-in proves). "reset": after a reset
 * link or code, so the mailbox is proved too.
 */
export type CodeSurface = "sign_in" | "reset";

/** Wrong codes a surface may take before it locks; the count starts over after a lock, or a day after its first. */
export const MAX_WRONG_CODES = 5;
export const WRONG_CODE_WINDOW_MS = DAY_MS;
/** Each lock of a surface lasts longer than the one before; the fourth and every later one a day. */
export const LOCK_STEPS_MS = [15 * MINUTE_MS, HOUR_MS, 4 * HOUR_MS, DAY_MS] as const;
/** A surface with no lock for this long starts again at the shortest lock. */
export const LOCKS_FORGOTTEN_MS = 30 * DAY_MS;

/** A second factor as the Worker checked it: the authenticator step its code matched (null: none), or a recovery code. */
export type SecondFactorProof = { totpStep: number | null } | { recoveryHash: string };

export type SecondFactorResult =
  | { ok: true; recoveryCodesLeft: number }
  | { ok: false; reason: "wrong"; lockedNow: boolean }
  | { ok: false; reason: "locked"; retryAfterMs: number };

interface BudgetRow extends Record<string, SqlStorageValue> {
  failures: number;
  since: number;
  locks: number;
  locked_until: number;
  last_lock_at: number;
}

const NO_BUDGET_USED: BudgetRow = { failures: 0, since: 0, locks: 0, locked_until: 0, last_lock_at: 0 };

/** Statements on one object's second-factor tables. */
export class SecondFactorTable {
  constructor(private readonly sql: SqlStorage) {}

  /**
   * Uses a second factor once: a step newer than any used before, or a recovery code not used before. While
   * `surface` is locked every code is refused unchecked; a wrong one is counted against `surface` only, and
   * the MAX_WRONG_CODES-th locks it for the next of LOCK_STEPS_MS.
   */
  use(proof: SecondFactorProof, now: number, surface: CodeSurface): SecondFactorResult {
    const budget = this.budget(surface, now);
    if (budget.locked_until > now) return { ok: false, reason: "locked", retryAfterMs: budget.locked_until - now };
    if (this.accept(proof)) return { ok: true, recoveryCodesLeft: this.recoveryCodesLeft() };
    const failures = budget.failures + 1;
    const lockedNow = failures >= MAX_WRONG_CODES;
    const next: BudgetRow = lockedNow
      ? {
          failures: 0,
          since: now,
          locks: budget.locks + 1,
          locked_until: now + LOCK_STEPS_MS[Math.min(budget.locks, LOCK_STEPS_MS.length - 1)]!,
          last_lock_at: now,
        }
      : { ...budget, failures, since: budget.failures === 0 ? now : budget.since };
    this.sql.exec(
      "INSERT OR REPLACE INTO second_factor_budgets (surface, failures, since, locks, locked_until, last_lock_at) VALUES (?, ?, ?, ?, ?, ?)",
      surface,
      next.failures,
      next.since,
      next.locks,
      next.locked_until,
      next.last_lock_at,
    );
    // This wrong code started the lock: the owner is told (someone who has the password, or more, is guessing).
    return { ok: false, reason: "wrong", lockedNow };
  }

  /** A surface's budget as it stands at `now`: a count older than its window, and locks long forgotten, start over. */
  private budget(surface: CodeSurface, now: number): BudgetRow {
    const row =
      this.sql
        .exec<BudgetRow>(
          "SELECT failures, since, locks, locked_until, last_lock_at FROM second_factor_budgets WHERE surface = ?",
          surface,
        )
        .toArray()[0] ?? NO_BUDGET_USED;
    const fresh = row.since <= now - WRONG_CODE_WINDOW_MS ? { ...row, failures: 0 } : row;
    return fresh.locks > 0 && fresh.last_lock_at <= now - LOCKS_FORGOTTEN_MS ? { ...fresh, locks: 0 } : fresh;
  }

  /**
   * A reset went through (mailbox and second factor proved, and the password that spent sign-in's codes is
   * no longer the password): sign-in's lock and count end. Its locks so far are kept, so the next lock is
   * as long as it would have been.
   */
  endSignInLock(): void {
    this.sql.exec("UPDATE second_factor_budgets SET failures = 0, locked_until = 0 WHERE surface = 'sign_in'");
  }

  /** The surfaces locked at `now`, and until when (the admin API's look-up). */
  lockedSurfaces(now: number): { surface: CodeSurface; lockedUntil: number }[] {
    return this.sql
      .exec<{ surface: CodeSurface; locked_until: number }>(
        "SELECT surface, locked_until FROM second_factor_budgets WHERE locked_until > ? ORDER BY surface",
        now,
      )
      .toArray()
      .map((row) => ({ surface: row.surface, lockedUntil: row.locked_until }));
  }

  /** An operator lifted the locks: every surface's lock and count end; the locks so far are kept, as a reset keeps them. */
  endEveryLock(): void {
    this.sql.exec("UPDATE second_factor_budgets SET failures = 0, locked_until = 0");
  }

  private accept(proof: SecondFactorProof): boolean {
    if ("recoveryHash" in proof) {
      return this.sql.exec("DELETE FROM recovery_codes WHERE hash = ?", proof.recoveryHash).rowsWritten > 0;
    }
    if (proof.totpStep === null || proof.totpStep <= this.lastStep()) return false;
    this.sql.exec("INSERT OR REPLACE INTO second_factor (id, last_step) VALUES (1, ?)", proof.totpStep);
    return true;
  }

  /** The newest step used; none yet (or the row lost to a failed set-up): any step is new. */
  private lastStep(): number {
    const row = this.sql.exec<{ last_step: number }>("SELECT last_step FROM second_factor WHERE id = 1").toArray()[0];
    return row?.last_step ?? Number.NEGATIVE_INFINITY;
  }

  /**
   * Two-factor turned on with a key whose code of `step` was just typed: that step is used; new recovery
   * codes. False (nothing changed) if that step was already used: the same confirming code sent twice, or
   * a code of the step in which two-factor was last used (turned off and on again within one step). A null
   * step: turned on with a passkey as the only second factor (no key, so no step to use up).
   */
  enable(step: number | null, recoveryHashes: string[]): boolean {
    if (step !== null) {
      if (step <= this.lastStep()) return false;
      this.sql.exec("INSERT OR REPLACE INTO second_factor (id, last_step) VALUES (1, ?)", step);
    }
    this.sql.exec("UPDATE second_factor_budgets SET failures = 0, locked_until = 0");
    this.replaceRecoveryCodes(recoveryHashes);
    return true;
  }

  replaceRecoveryCodes(hashes: string[]): void {
    this.sql.exec("DELETE FROM recovery_codes");
    for (const hash of hashes) this.sql.exec("INSERT INTO recovery_codes (hash) VALUES (?)", hash);
  }

  /**
   * Two-factor turned off: the codes go, and any lock ends (locks so far are kept: turning it on again does
   * not buy a password holder short locks). The newest step stays: time only moves on, so a next key's codes
   * are later steps anyway, and an old code can never come back.
   */
  disable(): void {
    this.sql.exec("DELETE FROM recovery_codes");
    this.sql.exec("UPDATE second_factor_budgets SET failures = 0, locked_until = 0");
  }

  recoveryCodesLeft(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM recovery_codes").one().n;
  }

  /**
   * A registry from before per-surface budgets kept one list of wrong codes' times for every surface: its
   * wrong codes of the last 15 minutes become sign-in's count (a lock in force then stays one, for the
   * rest of its 15 minutes), and the old table goes.
   */
  upgradeFromSharedWindow(now: number): void {
    const old = this.sql
      .exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'second_factor_failures'")
      .toArray();
    if (old.length === 0) return;
    const recent = this.sql
      .exec<{ at: number }>("SELECT at FROM second_factor_failures WHERE at > ? ORDER BY at", now - 15 * MINUTE_MS)
      .toArray();
    if (recent.length > 0) {
      const locked = recent.length >= MAX_WRONG_CODES;
      this.sql.exec(
        "INSERT OR IGNORE INTO second_factor_budgets (surface, failures, since, locks, locked_until, last_lock_at) VALUES ('sign_in', ?, ?, ?, ?, ?)",
        locked ? 0 : recent.length,
        recent[0]!.at,
        locked ? 1 : 0,
        locked ? recent[0]!.at + 15 * MINUTE_MS : 0,
        locked ? recent[0]!.at : 0,
      );
    }
    this.sql.exec("DROP TABLE second_factor_failures");
  }
}
