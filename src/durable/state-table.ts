/**
 * The SessionRegistry's one-row `state` table: credential version, session epoch and the reset-token
 * authority. Every statement is synchronous, so the object's methods stay atomic.
 */
import { encodeBase64 } from "@oslojs/encoding";
import { EMAIL_CHANGE_SCHEMA } from "./email-change-table";
import { OUTBOX_HELD_COLUMN, OUTBOX_SCHEMA } from "./outbox-table";
import { PASSKEY_SCHEMA } from "./passkey-table";
import { RESET_LINK_SCHEMA } from "./password-reset-link-table";
import { RESET_REQUEST_SCHEMA } from "./password-reset-request-table";
import { PROFILE_SNAPSHOT_SCHEMA } from "./profile-snapshot-table";
import { SECOND_FACTOR_SCHEMA, SecondFactorTable } from "./second-factor-table";
import {
  ADDED_SESSION_COLUMNS,
  ADDED_STATE_COLUMNS,
  INSERT_INITIAL_STATE,
  REGISTRY_SCHEMA,
  type StateRow,
} from "./session-registry-schema";

/** Statements on one object's `state` row. */
export class StateTable {
  constructor(private readonly sql: SqlStorage) {}

  /** Whether the object has storage yet (reads never create it). */
  exists(): boolean {
    return this.sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'state'").toArray().length > 0;
  }

  /**
   * Adds the tables and columns a registry created by an older release lacks (SQLite has no ADD COLUMN IF NOT
   * EXISTS), and moves the shared wrong-code window into sign-in's budget.
   */
  upgrade(): void {
    this.sql.exec(OUTBOX_SCHEMA);
    this.sql.exec(RESET_REQUEST_SCHEMA);
    this.sql.exec(RESET_LINK_SCHEMA);
    this.sql.exec(SECOND_FACTOR_SCHEMA);
    this.sql.exec(PROFILE_SNAPSHOT_SCHEMA);
    this.sql.exec(PASSKEY_SCHEMA);
    this.sql.exec(EMAIL_CHANGE_SCHEMA);
    new SecondFactorTable(this.sql).upgradeFromSharedWindow(Date.now());
    const have = new Set(
      this.sql
        .exec<{ name: string }>("PRAGMA table_info(state)")
        .toArray()
        .map((c) => c.name),
    );
    for (const [name, type] of ADDED_STATE_COLUMNS) {
      if (!have.has(name)) this.sql.exec(`ALTER TABLE state ADD COLUMN ${name} ${type}`);
    }
    const sessionColumns = new Set(
      this.sql
        .exec<{ name: string }>("PRAGMA table_info(sessions)")
        .toArray()
        .map((c) => c.name),
    );
    for (const [name, type] of ADDED_SESSION_COLUMNS) {
      if (!sessionColumns.has(name)) this.sql.exec(`ALTER TABLE sessions ADD COLUMN ${name} ${type}`);
    }
    const outbox = this.sql.exec<{ name: string }>("PRAGMA table_info(outbox)").toArray();
    if (!outbox.some((c) => c.name === "held_version")) this.sql.exec(OUTBOX_HELD_COLUMN);
  }

  /** Creates the tables and the state row, with a fresh token key. */
  create(): void {
    this.sql.exec(REGISTRY_SCHEMA);
    this.sql.exec(OUTBOX_SCHEMA);
    this.sql.exec(RESET_REQUEST_SCHEMA);
    this.sql.exec(RESET_LINK_SCHEMA);
    this.sql.exec(SECOND_FACTOR_SCHEMA);
    this.sql.exec(PROFILE_SNAPSHOT_SCHEMA);
    this.sql.exec(PASSKEY_SCHEMA);
    this.sql.exec(EMAIL_CHANGE_SCHEMA);
    this.sql.exec(INSERT_INITIAL_STATE, newTokenKey());
  }

  read(): StateRow {
    return this.sql.exec<StateRow>("SELECT * FROM state WHERE id = 1").one();
  }

  setCredentialVersion(version: number): void {
    this.sql.exec("UPDATE state SET credential_version = ?", version);
  }

  /** Bumps the session epoch (revoking every session of the old one); returns the new epoch. */
  bumpEpoch(): number {
    return this.sql
      .exec<{ e: number }>("UPDATE state SET session_epoch = session_epoch + 1 RETURNING session_epoch AS e")
      .one().e;
  }

  /** Makes this request's token the only one that works. */
  storeIssuedToken(requestId: string, tokenHash: string, issuedAt: number): void {
    this.sql.exec(
      "UPDATE state SET reset_request_id = ?, reset_token_hash = ?, reset_issued_at = ?",
      requestId,
      tokenHash,
      issuedAt,
    );
  }

  /** A reset with this token (none: a change on /account) has begun at `version`: sessions must carry it from now on. */
  beginReset(version: number, tokenHash: string | null, now: number): void {
    this.sql.exec(
      "UPDATE state SET credential_version = ?1, reset_pending_version = ?1, reset_pending_token_hash = ?2, reset_pending_at = ?3",
      version,
      tokenHash,
      now,
    );
  }

  /** The pending reset continues under another link. */
  adoptPendingReset(tokenHash: string): void {
    this.sql.exec("UPDATE state SET reset_pending_token_hash = ?", tokenHash);
  }

  /**
   * A pending reset that D1 already holds (its request failed after the write, or lost the reply) is
   * finished: tokens issued before it stop working; its own token is used up; a newer token stays.
   */
  finishCommittedReset(state: StateRow): void {
    const ownTokenCurrent =
      state.reset_token_hash !== null && state.reset_token_hash === state.reset_pending_token_hash;
    this.sql.exec(
      `UPDATE state SET reset_required = CASE WHEN reset_pending_token_hash IS NULL THEN reset_required ELSE 0 END,
       password_changed_at = MAX(password_changed_at, ?), reset_pending_version = NULL,
       reset_pending_token_hash = NULL, reset_pending_at = NULL`,
      state.reset_pending_at ?? 0,
    );
    if (ownTokenCurrent) {
      this.sql.exec(
        "UPDATE state SET reset_request_id = NULL, reset_token_hash = NULL, reset_issued_at = NULL, token_key = ?",
        newTokenKey(),
      );
    }
  }

  /** The reset is done: every outstanding token void, the key they derive from rotated; a reset by link lifts a lock-down's hold. */
  completeCredentialChange(now: number): void {
    this.sql.exec(
      `UPDATE state SET reset_required = CASE WHEN reset_pending_token_hash IS NULL THEN reset_required ELSE 0 END,
       password_changed_at = MAX(password_changed_at, ?), token_key = ?, reset_request_id = NULL, reset_token_hash = NULL,
       reset_issued_at = NULL, reset_pending_version = NULL, reset_pending_token_hash = NULL, reset_pending_at = NULL`,
      now,
      newTokenKey(),
    );
  }
}

/** Statements of a lock-down on the state row (registry-recovery.ts). */
export class LockDownState {
  constructor(private readonly sql: SqlStorage) {}

  /** Every reset link and code void (their key rotated), and a reset asked for before the next sign-in. */
  lockDown(now: number): void {
    this.sql.exec(
      `UPDATE state SET token_key = ?, reset_request_id = NULL, reset_token_hash = NULL, reset_issued_at = NULL,
       reset_required = 1, locked_down_at = ?`,
      newTokenKey(),
      now,
    );
  }

  /**
   * An operator's "must change at next sign-in": the lock-down's hold alone. Earlier links and codes stay
   * as they are, and "this wasn't me" links stay usable (locked_down_at is untouched).
   */
  requireReset(): void {
    this.sql.exec("UPDATE state SET reset_required = 1");
  }
}

/** 256 random bits, base64: the key reset tokens are derived from. */
function newTokenKey(): string {
  return encodeBase64(crypto.getRandomValues(new Uint8Array(32)));
}
