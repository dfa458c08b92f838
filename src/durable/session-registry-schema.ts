/**
 * The SessionRegistry's SQLite schema, row shapes and RPC answers (docs/storage.md tables the storage).
 * Created on the first write for a real user, never by a read, so a forged user id costs nothing at rest.
 */

/** Why a reset token is refused. The API tells both apart from nothing else (one public message). */
export type ResetTokenProblem = "invalid" | "expired";

/** What createSession answers: a new token, or a refusal for a password that changed since it was verified. */
export type CreateSessionResult =
  | { ok: true; token: string; sessionId: string }
  | { ok: false; reason: "stale_credentials" }
  | ResetRequired;
/**
 * What issueResetToken answers: the request's token secret and its hash, or a refusal for an outdated
 * request or one over the per-address limits.
 */
export type IssueResult =
  | { ok: true; secret: string; tokenHash: string; code: string }
  | { ok: false; reason: "superseded" | "limited" };

/** What createSession answers for an account whose lock-down asks for a reset first. */
export type ResetRequired = { ok: false; reason: "reset_required" };

/** What beginPasswordChange answers: the version the new hash must carry, or that the session is gone. */
export type PasswordChangeResult = { ok: true; credentialVersion: number } | { ok: false; reason: "not_signed_in" };

/** What redeemResetCode answers: the secret of the link the code was mailed with, or nothing. */
export type RedeemResult = { ok: true; secret: string } | { ok: false };

/** A sliding window of a limit: at most `max` requests in any `ms` milliseconds. */
export interface LimitWindow {
  ms: number;
  max: number;
}
/** What beginReset answers: the credential version the new hash must carry, or why the token is refused. */
export type BeginResetResult = { ok: true; credentialVersion: number } | { ok: false; reason: ResetTokenProblem };

/** How a session was created, shown on /account (null: before sessions recorded it). */
export type SessionMethod = "password" | "password_code" | "password_passkey" | "passkey";

/** Where a session was created, shown on /account, and how (a password sign-in unless said). */
export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
  location: string | null;
  method?: SessionMethod | null;
}

/** A session that ended, as it was presented, for its overall limit (NIST SP 800-63B section 2.1.3). */
export interface SessionEnded {
  ended: "too_old";
}

/** A live session as callers see it; `id` is the SHA-256 of the token's secret. */
export interface SessionInfo extends SessionMeta {
  id: string;
  createdAt: number;
  lastSeenAt: number;
  method: SessionMethod | null;
}

/** The one `state` row: credential version, session epoch and the reset-token authority. */
export interface StateRow extends Record<string, SqlStorageValue> {
  credential_version: number;
  session_epoch: number;
  password_changed_at: number;
  token_key: string;
  reset_request_id: string | null;
  reset_token_hash: string | null;
  reset_issued_at: number | null;
  reset_pending_version: number | null;
  /** The token whose reset is pending, and when it began: a pending reset D1 already holds can be finished. */
  reset_pending_token_hash: string | null;
  reset_pending_at: number | null;
  /** 1 while a lock-down's hold asks for a reset before any sign-in; a completed reset by link clears it. */
  reset_required: number;
  /** When the account was last locked down ("this wasn't me", a revert): links issued before it are spent. */
  locked_down_at: number;
}

/** A row of `sessions`. */
export interface SessionRow extends Record<string, SqlStorageValue> {
  id: string;
  epoch: number;
  created_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
  location: string | null;
  method: string | null;
}

export const REGISTRY_SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, epoch INTEGER NOT NULL, created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL, ip TEXT, user_agent TEXT, location TEXT, method TEXT);
CREATE INDEX IF NOT EXISTS sessions_by_epoch ON sessions (epoch, created_at);
CREATE TABLE IF NOT EXISTS state (
  id INTEGER PRIMARY KEY CHECK (id = 1), credential_version INTEGER NOT NULL, session_epoch INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL,
  token_key TEXT NOT NULL, reset_request_id TEXT, reset_token_hash TEXT, reset_issued_at INTEGER,
  reset_pending_version INTEGER, reset_pending_token_hash TEXT, reset_pending_at INTEGER,
  reset_required INTEGER NOT NULL DEFAULT 0, locked_down_at INTEGER NOT NULL DEFAULT 0);`;

/** Columns added after the first release, for registries created before them: [name, SQL type]. */
export const ADDED_STATE_COLUMNS = [
  ["reset_pending_token_hash", "TEXT"],
  ["reset_pending_at", "INTEGER"],
  ["reset_required", "INTEGER NOT NULL DEFAULT 0"],
  ["locked_down_at", "INTEGER NOT NULL DEFAULT 0"],
] as const;

/** Columns added to `sessions` after the first release: [name, SQL type]. */
export const ADDED_SESSION_COLUMNS = [["method", "TEXT"]] as const;

/** The state row every new registry starts with; `?` is a fresh token key. */
export const INSERT_INITIAL_STATE =
  "INSERT OR IGNORE INTO state (id, credential_version, session_epoch, password_changed_at, token_key) VALUES (1, 0, 0, 0, ?)";

/** SQL condition for a session of the current epoch, without a separate read of the state row. */
export const LIVE_SESSION = "epoch = (SELECT session_epoch FROM state WHERE id = 1)";

/** Maps a stored row to what callers see. */
export function toSessionInfo(row: SessionRow): SessionInfo {
  return {
    id: row.id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    ip: row.ip,
    userAgent: row.user_agent,
    location: row.location,
    method: (row.method as SessionMethod | null) ?? null,
  };
}
