/**
 * SessionRegistry: one Durable Object per user, the single place where "all sessions of this user" and
 * "the user's credential version" are one strongly consistent, single-threaded thing.
 *
 * It is also the authority on reset tokens (KV cannot make a token single-use): only the newest token
 * works, only once, only within 60 minutes, and only if issued after the last password change.
 * Every method runs without intervening awaits on non-storage I/O, so each is atomic (input gates).
 *
 * Revoking all sessions is O(1): sessions carry the epoch they were created in and only the current
 * epoch is live, so "sign out everywhere" and a reset bump one number; the alarm deletes the dead rows.
 */
import { DurableObject } from "cloudflare:workers";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";
import { readConfig } from "../config";
import { deriveResetToken, isResetTokenExpired } from "../domain/reset-token";
import { constantTimeEqualText, hashSecret } from "../domain/secrets";
import { createSessionToken } from "../domain/session-token";
import { SIGN_OUT_CLOSE_CODE, type SignOutReason, acceptLiveSocket, notifySignedOut } from "./live-sign-out";

/** Do not write last_seen_at more often than this: validation stays a read on the hot path. */
const LAST_SEEN_RESOLUTION_MS = 60_000;
/** Rows of revoked epochs are deleted this long after the revocation (they are already dead). */
const PURGE_DELAY_MS = 1000;
/** SQL condition for a session of the current epoch, without a separate read of the state row. */
const LIVE = "epoch = (SELECT session_epoch FROM state WHERE id = 1)";

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
  location: string | null;
}

export interface SessionInfo extends SessionMeta {
  id: string;
  createdAt: number;
  lastSeenAt: number;
}

export type CreateSessionResult = { token: string; sessionId: string } | { refused: "stale_credentials" };

export type BeginResetResult = { ok: true; credentialVersion: number } | { ok: false; reason: "invalid" | "expired" };

interface State {
  credential_version: number;
  session_epoch: number;
  password_changed_at: number;
  token_key: string;
  reset_request_id: string | null;
  reset_token_hash: string | null;
  reset_issued_at: number | null;
  reset_pending_version: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, epoch INTEGER NOT NULL, created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL, ip TEXT, user_agent TEXT, location TEXT);
CREATE INDEX IF NOT EXISTS sessions_by_epoch ON sessions (epoch, created_at);
CREATE TABLE IF NOT EXISTS state (
  id INTEGER PRIMARY KEY CHECK (id = 1), credential_version INTEGER NOT NULL, session_epoch INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL,
  token_key TEXT NOT NULL, reset_request_id TEXT, reset_token_hash TEXT, reset_issued_at INTEGER,
  reset_pending_version INTEGER);`;

/** Per-user session registry and reset-token authority. Addressed with `getByName(userId)`. */
export class SessionRegistry extends DurableObject<Env> {
  protected readonly sql: SqlStorage;

  /** Whether this object has storage yet. Reads never create it, so a forged user id in a token costs nothing at rest. */
  private initialized: boolean;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.initialized = this.sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'state'").toArray().length > 0;
  }

  /** Creates the tables and the state row on the first write for a real user. */
  private ensureStorage(): void {
    if (this.initialized) return;
    this.sql.exec(SCHEMA);
    this.sql.exec(
      "INSERT OR IGNORE INTO state (id, credential_version, session_epoch, password_changed_at, token_key) VALUES (1, 0, 0, 0, ?)",
      newTokenKey(),
    );
    this.initialized = true;
  }

  /**
   * Creates a session for a sign-in that verified the password of `credentialVersion`. Refused when a
   * password change committed since (invariant 4). The 21st live session evicts the oldest.
   */
  createSession(userId: string, credentialVersion: number, meta: SessionMeta, now: number): CreateSessionResult {
    this.ensureStorage();
    const state = this.state();
    if (credentialVersion < state.credential_version) return { refused: "stale_credentials" };
    if (credentialVersion > state.credential_version) {
      this.sql.exec("UPDATE state SET credential_version = ?", credentialVersion);
    }
    const { token, sessionId } = createSessionToken(userId);
    this.sql.exec(
      "INSERT INTO sessions (id, epoch, created_at, last_seen_at, ip, user_agent, location) VALUES (?, ?, ?, ?, ?, ?, ?)",
      sessionId, state.session_epoch, now, now, meta.ip, meta.userAgent, meta.location,
    );
    const { maxSessionsPerUser } = readConfig(this.env);
    const evicted = this.sql
      .exec<{ id: string }>(
        `DELETE FROM sessions WHERE id IN
           (SELECT id FROM sessions WHERE epoch = ?1 ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?2) RETURNING id`,
        state.session_epoch, maxSessionsPerUser,
      )
      .toArray();
    for (const { id } of evicted) notifySignedOut(this.ctx, "session_limit", (tag) => tag === id);
    void this.scheduleCleanup(now);
    return { token, sessionId };
  }

  /** The live session with this id, touching last-seen; null if unknown, revoked or idle too long. */
  validateSession(sessionId: string, now: number): SessionInfo | null {
    if (!this.initialized) return null;
    const row = this.liveSession(sessionId);
    if (row === undefined) return null;
    if (now - row.last_seen_at >= readConfig(this.env).sessionIdleMs) {
      this.sql.exec("DELETE FROM sessions WHERE id = ?", sessionId);
      return null;
    }
    if (now - row.last_seen_at >= LAST_SEEN_RESOLUTION_MS) {
      this.sql.exec("UPDATE sessions SET last_seen_at = ? WHERE id = ?", now, sessionId);
      row.last_seen_at = now;
    }
    return toSessionInfo(row);
  }

  /** Live sessions, newest first. */
  listSessions(now: number): SessionInfo[] {
    if (!this.initialized) return [];
    const cutoff = now - readConfig(this.env).sessionIdleMs;
    return this.sql
      .exec<SessionRow>(`SELECT * FROM sessions WHERE ${LIVE} AND last_seen_at > ? ORDER BY created_at DESC`, cutoff)
      .toArray()
      .map(toSessionInfo);
  }

  /** Ends one session (sign out). Returns whether it existed. */
  revokeSession(sessionId: string, reason: SignOutReason): boolean {
    if (!this.initialized) return false;
    const removed = this.sql.exec(`DELETE FROM sessions WHERE id = ? AND ${LIVE} RETURNING id`, sessionId).toArray().length > 0;
    notifySignedOut(this.ctx, reason, (tag) => tag === sessionId);
    return removed;
  }

  /**
   * Ends every session but `keepSessionId` ("sign out other sessions"): a new epoch that only it joins.
   * Does nothing unless the kept session is live now: a reset or sign-out-everywhere that landed after the
   * caller's check must not be undone by carrying a revoked session into the new epoch.
   */
  revokeOtherSessions(keepSessionId: string): number {
    if (!this.initialized) return 0;
    const kept = this.liveSession(keepSessionId);
    if (kept === undefined) return 0;
    const ended = this.liveCount() - 1;
    const epoch = this.startNewEpoch();
    this.sql.exec("UPDATE sessions SET epoch = ? WHERE id = ? AND epoch = ?", epoch, keepSessionId, kept.epoch);
    notifySignedOut(this.ctx, "signed_out_elsewhere", (tag) => tag !== keepSessionId);
    return ended;
  }

  /** Ends every session of the user in one step, and tells every open tab. Returns how many ended. */
  revokeAllSessions(reason: SignOutReason): number {
    if (!this.initialized) return 0;
    const ended = this.liveCount();
    this.startNewEpoch();
    notifySignedOut(this.ctx, reason, () => true);
    return ended;
  }

  /**
   * Issues the reset token for one forgot-password request made at `issuedAt`. Idempotent per request
   * (a retried queue message gets the same token); the newest request voids older tokens. Null when the
   * request is outdated: a newer one exists, or the password changed after it was made.
   */
  issueResetToken(requestId: string, issuedAt: number): { token: string; tokenHash: string } | null {
    this.ensureStorage();
    const state = this.state();
    const key = decodeBase64(state.token_key);
    if (state.reset_request_id === requestId) {
      const token = deriveResetToken(key, requestId);
      return { token, tokenHash: hashSecret(token) };
    }
    if (issuedAt < state.password_changed_at) return null;
    if (state.reset_issued_at !== null && state.reset_issued_at > issuedAt) return null;
    const token = deriveResetToken(key, requestId);
    const tokenHash = hashSecret(token);
    this.sql.exec(
      "UPDATE state SET reset_request_id = ?, reset_token_hash = ?, reset_issued_at = ?",
      requestId, tokenHash, issuedAt,
    );
    return { token, tokenHash };
  }

  /** Read-only: would beginReset accept this token now? Lets the reset page say "expired" before any typing. */
  checkResetToken(tokenHash: string, now: number): boolean {
    if (!this.initialized) return false;
    return this.tokenProblem(this.state(), tokenHash, now) === null;
  }

  /**
   * First half of a reset, before the new hash is written to D1: checks the token, bumps the credential
   * version and revokes every older session in one atomic step. From here on no sign-in that verified
   * the old password can create a session. Repeatable with the same token until completeReset, so a
   * reset that failed at the D1 step can be retried; D1's conditional update lets exactly one writer win.
   */
  beginReset(tokenHash: string, now: number): BeginResetResult {
    if (!this.initialized) return { ok: false, reason: "invalid" };
    const state = this.state();
    const problem = this.tokenProblem(state, tokenHash, now);
    if (problem !== null) return { ok: false, reason: problem };
    if (state.reset_pending_version !== null) {
      // A retry: sessions were revoked by the first attempt, and none can have been created since
      // (createSession refuses the old version and D1 does not hold the new password yet).
      return { ok: true, credentialVersion: state.reset_pending_version };
    }
    const version = state.credential_version + 1;
    this.sql.exec("UPDATE state SET credential_version = ?, reset_pending_version = ?", version, version);
    this.startNewEpoch();
    notifySignedOut(this.ctx, "password_reset", () => true);
    return { ok: true, credentialVersion: version };
  }

  /**
   * Second half: the new hash is in D1 (or D1 shows another request already won). Voids every
   * outstanding token and rotates the key tokens are derived from, so no older link can ever work again.
   */
  completeReset(now: number): void {
    if (!this.initialized) return;
    this.sql.exec(
      `UPDATE state SET password_changed_at = ?, token_key = ?, reset_request_id = NULL, reset_token_hash = NULL,
       reset_issued_at = NULL, reset_pending_version = NULL`,
      now, newTokenKey(),
    );
  }

  /** The credential version sessions must carry (for tests and diagnostics). */
  credentialVersion(): number {
    if (!this.initialized) return 0;
    return this.state().credential_version;
  }

  /** WebSocket upgrade for live sign-out; the Worker has already authenticated the session. */
  override async fetch(request: Request): Promise<Response> {
    const sessionId = request.headers.get("x-session-id");
    if (request.headers.get("upgrade") !== "websocket" || sessionId === null) return new Response(null, { status: 400 });
    if (!this.initialized) return new Response(null, { status: 401 });
    if (this.liveSession(sessionId) === undefined) return new Response(null, { status: 401 });
    return acceptLiveSocket(this.ctx, sessionId);
  }

  override webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): void {
    if (message === "ping") ws.send("pong");
  }

  override webSocketClose(ws: WebSocket, code: number): void {
    // 1005/1006 are reserved and cannot be sent back (platform notes §2).
    ws.close(code === 1005 || code === 1006 ? 1000 : code === SIGN_OUT_CLOSE_CODE ? 1000 : code, "closing");
  }

  /** Deletes idle sessions; reschedules while any remain. */
  override async alarm(): Promise<void> {
    if (!this.initialized) return;
    const now = Date.now();
    const idleMs = readConfig(this.env).sessionIdleMs;
    this.sql.exec("DELETE FROM sessions WHERE epoch < ? OR last_seen_at <= ?", this.state().session_epoch, now - idleMs);
    const next = this.sql.exec<{ m: number | null }>("SELECT MIN(last_seen_at) AS m FROM sessions").one().m;
    if (next !== null) await this.ctx.storage.setAlarm(next + idleMs);
  }

  private liveSession(sessionId: string): SessionRow | undefined {
    return this.sql.exec<SessionRow>(`SELECT * FROM sessions WHERE id = ? AND ${LIVE}`, sessionId).toArray()[0];
  }

  private liveCount(): number {
    return this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM sessions WHERE ${LIVE}`).one().n;
  }

  /** Revokes every current session at once; their rows are deleted by the alarm shortly after. */
  private startNewEpoch(): number {
    const epoch = this.state().session_epoch + 1;
    this.sql.exec("UPDATE state SET session_epoch = ?", epoch);
    void this.ctx.storage.setAlarm(Date.now() + PURGE_DELAY_MS);
    return epoch;
  }

  private async scheduleCleanup(now: number): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(now + readConfig(this.env).sessionIdleMs);
    }
  }

  private tokenProblem(state: State, tokenHash: string, now: number): "invalid" | "expired" | null {
    if (state.reset_token_hash === null || state.reset_issued_at === null) return "invalid";
    if (!constantTimeEqualText(state.reset_token_hash, tokenHash)) return "invalid";
    if (state.reset_issued_at < state.password_changed_at) return "invalid";
    if (isResetTokenExpired(state.reset_issued_at, now)) return "expired";
    return null;
  }

  protected state(): State {
    return this.sql.exec<State & Record<string, SqlStorageValue>>("SELECT * FROM state WHERE id = 1").one();
  }
}

interface SessionRow extends Record<string, SqlStorageValue> {
  id: string;
  epoch: number;
  created_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
  location: string | null;
}

function toSessionInfo(row: SessionRow): SessionInfo {
  return {
    id: row.id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    ip: row.ip,
    userAgent: row.user_agent,
    location: row.location,
  };
}

function newTokenKey(): string {
  return encodeBase64(crypto.getRandomValues(new Uint8Array(32)));
}
