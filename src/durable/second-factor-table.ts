/**
 * The SessionRegistry's second-factor tables: the newest authenticator time step used (a code works once),
 * the recovery codes' hashes (each works once), and the wrong codes of the last 15 minutes (every surface
 * counts here: sign-in, reset, the account page). The key itself is in D1, sealed (core/secret-box.ts).
 */
import { MINUTE_MS } from "../core/time";

export const SECOND_FACTOR_SCHEMA = `
CREATE TABLE IF NOT EXISTS second_factor (id INTEGER PRIMARY KEY CHECK (id = 1), last_step INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS recovery_codes (hash TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS second_factor_failures (at INTEGER NOT NULL);`;

/** Wrong codes an account may send per window, across every surface; the next is refused (429). */
export const MAX_WRONG_CODES = 5;
export const WRONG_CODE_WINDOW_MS = 15 * MINUTE_MS;

/** A second factor as the Worker checked it: the authenticator step its code matched (null: none), or a recovery code. */
export type SecondFactorProof = { totpStep: number | null } | { recoveryHash: string };

export type SecondFactorResult =
  | { ok: true; recoveryCodesLeft: number }
  | { ok: false; reason: "wrong"; lockedNow: boolean }
  | { ok: false; reason: "locked"; retryAfterMs: number };

/** Statements on one object's second-factor tables. */
export class SecondFactorTable {
  constructor(private readonly sql: SqlStorage) {}

  /**
   * Uses a second factor once: a step newer than any used before, or a recovery code not used before. A
   * wrong one is counted; with MAX_WRONG_CODES counted in the window, even a right one is refused.
   */
  use(proof: SecondFactorProof, now: number): SecondFactorResult {
    this.sql.exec("DELETE FROM second_factor_failures WHERE at <= ?", now - WRONG_CODE_WINDOW_MS);
    const failures = this.sql.exec<{ at: number }>("SELECT at FROM second_factor_failures ORDER BY at").toArray();
    if (failures.length >= MAX_WRONG_CODES) {
      return { ok: false, reason: "locked", retryAfterMs: failures[0]!.at + WRONG_CODE_WINDOW_MS - now };
    }
    if (this.accept(proof)) return { ok: true, recoveryCodesLeft: this.recoveryCodesLeft() };
    this.sql.exec("INSERT INTO second_factor_failures (at) VALUES (?)", now);
    // This wrong code started the lock: the owner is told (someone who knows the password is guessing).
    return { ok: false, reason: "wrong", lockedNow: failures.length + 1 >= MAX_WRONG_CODES };
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
   * codes. False (nothing changed) if that step was already used: the same confirming code sent twice.
   */
  enable(step: number, recoveryHashes: string[]): boolean {
    if (step <= this.lastStep()) return false;
    this.sql.exec("INSERT OR REPLACE INTO second_factor (id, last_step) VALUES (1, ?)", step);
    this.sql.exec("DELETE FROM second_factor_failures");
    this.replaceRecoveryCodes(recoveryHashes);
    return true;
  }

  replaceRecoveryCodes(hashes: string[]): void {
    this.sql.exec("DELETE FROM recovery_codes");
    for (const hash of hashes) this.sql.exec("INSERT INTO recovery_codes (hash) VALUES (?)", hash);
  }

  /**
   * Two-factor turned off: the codes and the count go. The newest step stays: time only moves on, so a next
   * key's codes are later steps anyway, and an old code can never come back.
   */
  disable(): void {
    this.sql.exec("DELETE FROM recovery_codes");
    this.sql.exec("DELETE FROM second_factor_failures");
  }

  recoveryCodesLeft(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM recovery_codes").one().n;
  }
}
