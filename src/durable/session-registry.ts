/**
 * SessionRegistry: one Durable Object per user, the single place where "all sessions of this user" and
 * "the user's credential version" are one strongly consistent, single-threaded thing. It is also the
 * authority on reset tokens (KV cannot make a token single-use).
 *
 * Sessions' RPC here; credentials and reset tokens in registry-credentials.ts; the second factor in
 * registry-second-factor.ts; storage, alarms and sockets
 * in registry-storage.ts; every decision is a pure rule in session-registry-rules.ts. Each RPC method reads, decides and writes with no await in between, so it is
 * atomic (input gates). Revoking all sessions is O(1): sessions carry the epoch they were created in and
 * only the current epoch is live.
 */
import { readConfig } from "../core/config";
import { createSessionToken } from "../core/session-token";
import { notifySignedOut, type SignOutReason } from "./live-sign-out";
import { RegistrySecondFactor } from "./registry-second-factor";
import { decideCreateSession, sessionFreshness } from "./session-registry-rules";
import { type CreateSessionResult, type SessionInfo, type SessionMeta, toSessionInfo } from "./session-registry-schema";

export type { SecondFactorProof, SecondFactorResult } from "./registry-second-factor";
export type { ResetTokenStatus } from "./session-registry-rules";
export type {
  BeginResetResult,
  LimitWindow,
  PasswordChangeResult,
  SessionInfo,
  SessionMeta,
} from "./session-registry-schema";

/** The user's registry stub: the token or record names the user, so no lookup is needed. */
export function sessionRegistry(env: Env, userId: string): DurableObjectStub<SessionRegistry> {
  return env.SESSION_REGISTRY.getByName(userId);
}

/** Per-user session registry and reset-token authority: its RPC methods. Addressed with `getByName(userId)`. */
export class SessionRegistry extends RegistrySecondFactor {
  /** Creates a session for a sign-in that verified the password of `credentialVersion` (invariant 4). */
  createSession(userId: string, credentialVersion: number, meta: SessionMeta, now: number): CreateSessionResult {
    this.ensureStorage();
    // The sign-in read D1's version: a change it shows committed is finished here (its notice sent).
    this.finishIfCommitted(credentialVersion, now);
    const state = this.state();
    const decision = decideCreateSession(state, credentialVersion);
    if (!decision.ok) return decision;
    if (decision.adoptVersion !== null) this.stateRow.setCredentialVersion(decision.adoptVersion);
    const { token, sessionId } = createSessionToken(userId, readConfig(this.env).pepper);
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
}
