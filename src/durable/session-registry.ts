/**
 * SessionRegistry: one Durable Object per user, the single place where "all sessions of this user" and
 * "the user's credential version" are one strongly consistent, single-threaded thing. It is also the
 * authority on reset tokens (KV cannot make a token single-use).
 *
 * Storage, RPC and alarms only: every decision is a pure rule in session-registry-rules.ts. Each RPC
 * method reads, decides and writes with no await in between, so it is atomic (input gates). Revoking all
 * sessions is O(1): sessions carry the epoch they were created in and only the current epoch is live.
 */
import { DurableObject } from "cloudflare:workers";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";
import { readConfig } from "../core/config";
import { deriveResetToken } from "../core/reset-token";
import { hashSecret } from "../core/secrets";
import { createSessionToken } from "../core/session-token";
import { SECOND_MS } from "../core/time";
import { acceptLiveSocket, answerSocketClose, notifySignedOut, type SignOutReason } from "./live-sign-out";
import {
  decideBeginReset,
  decideCreateSession,
  decideIssue,
  type ResetTokenProblem,
  resetTokenProblem,
  sessionFreshness,
} from "./session-registry-rules";
import {
  INSERT_INITIAL_STATE,
  REGISTRY_SCHEMA,
  type SessionInfo,
  type SessionMeta,
  type StateRow,
  toSessionInfo,
} from "./session-registry-schema";
import { SessionTable } from "./session-table";

export type { SessionInfo, SessionMeta } from "./session-registry-schema";

/** Rows of revoked epochs are deleted this long after the revocation (they are already dead). */
const PURGE_DELAY_MS = SECOND_MS;

export type CreateSessionResult =
  | { ok: true; token: string; sessionId: string }
  | { ok: false; reason: "stale_credentials" };
export type IssueResult = { ok: true; token: string; tokenHash: string } | { ok: false; reason: "superseded" };
export type BeginResetResult = { ok: true; credentialVersion: number } | { ok: false; reason: ResetTokenProblem };

/** The user's registry stub: the token or record names the user, so no lookup is needed. */
export function sessionRegistry(env: Env, userId: string): DurableObjectStub<SessionRegistry> {
  return env.SESSION_REGISTRY.getByName(userId);
}

/** Per-user session registry and reset-token authority. Addressed with `getByName(userId)`. */
export class SessionRegistry extends DurableObject<Env> {
  protected readonly sql: SqlStorage;
  private readonly sessions: SessionTable;

  /** Whether this object has storage yet. Reads never create it, so a forged user id costs nothing at rest. */
  private initialized: boolean;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sessions = new SessionTable(this.sql);
    this.initialized =
      this.sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'state'").toArray().length > 0;
  }

  /** Creates a session for a sign-in that verified the password of `credentialVersion` (invariant 4). */
  createSession(userId: string, credentialVersion: number, meta: SessionMeta, now: number): CreateSessionResult {
    this.ensureStorage();
    const state = this.state();
    const decision = decideCreateSession(state, credentialVersion);
    if (!decision.ok) return decision;
    if (decision.adoptVersion !== null) this.sql.exec("UPDATE state SET credential_version = ?", decision.adoptVersion);
    const { token, sessionId } = createSessionToken(userId);
    this.sessions.insert(sessionId, state.session_epoch, meta, now);
    // The 21st live session evicts the oldest.
    for (const id of this.sessions.evictBeyond(state.session_epoch, readConfig(this.env).maxSessionsPerUser)) {
      notifySignedOut(this.ctx, "session_limit", (tag) => tag === id);
    }
    void this.scheduleCleanup(now);
    return { ok: true, token, sessionId };
  }

  /** The live session with this id, touching last-seen; null if unknown, revoked or idle too long. */
  validateSession(sessionId: string, now: number): SessionInfo | null {
    if (!this.initialized) return null;
    const row = this.sessions.live(sessionId);
    if (row === undefined) return null;
    switch (sessionFreshness(row.last_seen_at, now, readConfig(this.env).sessionIdleMs)) {
      case "idle":
        this.sessions.delete(sessionId);
        return null;
      case "touch":
        this.sessions.touch(sessionId, now);
        return toSessionInfo({ ...row, last_seen_at: now });
      case "fresh":
        return toSessionInfo(row);
    }
  }

  /** Live sessions, newest first. */
  listSessions(now: number): SessionInfo[] {
    if (!this.initialized) return [];
    return this.sessions.listLive(now - readConfig(this.env).sessionIdleMs);
  }

  /** Ends one session (sign out). Returns whether it existed. */
  revokeSession(sessionId: string, reason: SignOutReason): boolean {
    if (!this.initialized) return false;
    const removed = this.sessions.deleteLive(sessionId);
    notifySignedOut(this.ctx, reason, (tag) => tag === sessionId);
    return removed;
  }

  /**
   * Ends every session but `keepSessionId`: a new epoch that only it joins. Does nothing unless the kept
   * session is live now, so a reset that landed after the caller's check is never undone.
   */
  revokeOtherSessions(keepSessionId: string, now: number): number {
    if (!this.initialized) return 0;
    const kept = this.sessions.live(keepSessionId);
    if (kept === undefined) return 0;
    const ended = this.sessions.liveCount() - 1;
    this.sessions.moveToEpoch(keepSessionId, kept.epoch, this.startNewEpoch(now));
    notifySignedOut(this.ctx, "signed_out_elsewhere", (tag) => tag !== keepSessionId);
    return ended;
  }

  /** Ends every session of the user in one step, and tells every open tab. Returns how many ended. */
  revokeAllSessions(reason: SignOutReason, now: number): number {
    if (!this.initialized) return 0;
    const ended = this.sessions.liveCount();
    this.startNewEpoch(now);
    notifySignedOut(this.ctx, reason, () => true);
    return ended;
  }

  /** The token of one forgot-password request; the newest request voids older tokens (invariant 2). */
  issueResetToken(requestId: string, issuedAt: number): IssueResult {
    this.ensureStorage();
    const state = this.state();
    const decision = decideIssue(state, requestId, issuedAt);
    if (!decision.ok) return decision;
    const token = deriveResetToken(decodeBase64(state.token_key), requestId);
    const tokenHash = hashSecret(token);
    if (decision.store) {
      this.sql.exec(
        "UPDATE state SET reset_request_id = ?, reset_token_hash = ?, reset_issued_at = ?",
        requestId,
        tokenHash,
        issuedAt,
      );
    }
    return { ok: true, token, tokenHash };
  }

  /** Read-only: would beginReset accept this token now? Lets the reset page say "expired" before any typing. */
  checkResetToken(tokenHash: string, now: number): boolean {
    return this.initialized && resetTokenProblem(this.state(), tokenHash, now) === null;
  }

  /**
   * First half of a reset, before the new hash is written to D1: checks the token, bumps the credential
   * version and revokes every session in one atomic step. Repeatable with the same token until
   * completeReset, so a reset that failed at the D1 step can be retried.
   */
  beginReset(tokenHash: string, now: number): BeginResetResult {
    if (!this.initialized) return { ok: false, reason: "invalid" };
    const decision = decideBeginReset(this.state(), tokenHash, now);
    if (!decision.ok) return decision;
    if (decision.fresh) {
      this.sql.exec("UPDATE state SET credential_version = ?1, reset_pending_version = ?1", decision.credentialVersion);
      this.startNewEpoch(now);
      notifySignedOut(this.ctx, "password_reset", () => true);
    }
    return { ok: true, credentialVersion: decision.credentialVersion };
  }

  /** Second half, once D1 holds the new hash: voids every outstanding token and rotates the token key. */
  completeReset(now: number): void {
    if (!this.initialized) return;
    this.sql.exec(
      `UPDATE state SET password_changed_at = ?, token_key = ?, reset_request_id = NULL, reset_token_hash = NULL,
       reset_issued_at = NULL, reset_pending_version = NULL`,
      now,
      newTokenKey(),
    );
  }

  /** The credential version sessions must carry (for tests and diagnostics). */
  credentialVersion(): number {
    return this.initialized ? this.state().credential_version : 0;
  }

  /** WebSocket upgrade for live sign-out; the Worker has already authenticated the session. */
  override async fetch(request: Request): Promise<Response> {
    const sessionId = request.headers.get("x-session-id");
    if (request.headers.get("upgrade") !== "websocket" || sessionId === null)
      return new Response(null, { status: 400 });
    if (!this.initialized || this.sessions.live(sessionId) === undefined) return new Response(null, { status: 401 });
    return acceptLiveSocket(this.ctx, sessionId);
  }

  override webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): void {
    if (message === "ping") ws.send("pong");
  }

  override webSocketClose(ws: WebSocket, code: number): void {
    answerSocketClose(ws, code);
  }

  /** Deletes dead and idle sessions; reschedules while any remain. The alarm is this object's clock edge. */
  override async alarm(): Promise<void> {
    if (!this.initialized) return;
    const now = Date.now();
    const idleMs = readConfig(this.env).sessionIdleMs;
    const next = this.sessions.purge(this.state().session_epoch, now - idleMs);
    if (next !== null) await this.ctx.storage.setAlarm(next + idleMs);
  }

  protected state(): StateRow {
    return this.sql.exec<StateRow>("SELECT * FROM state WHERE id = 1").one();
  }

  /** Creates the tables and the state row on the first write for a real user. */
  private ensureStorage(): void {
    if (this.initialized) return;
    this.sql.exec(REGISTRY_SCHEMA);
    this.sql.exec(INSERT_INITIAL_STATE, newTokenKey());
    this.initialized = true;
  }

  /** Revokes every current session at once; their rows are deleted by the alarm shortly after. */
  private startNewEpoch(now: number): number {
    const epoch = this.state().session_epoch + 1;
    this.sql.exec("UPDATE state SET session_epoch = ?", epoch);
    void this.ctx.storage.setAlarm(now + PURGE_DELAY_MS);
    return epoch;
  }

  private async scheduleCleanup(now: number): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(now + readConfig(this.env).sessionIdleMs);
    }
  }
}

function newTokenKey(): string {
  return encodeBase64(crypto.getRandomValues(new Uint8Array(32)));
}
