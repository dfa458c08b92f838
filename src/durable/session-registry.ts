/**
 * SessionRegistry: one Durable Object per user, the single place where "all sessions of this user" and
 * "the user's credential version" are one strongly consistent, single-threaded thing. It is also the
 * authority on reset tokens (KV cannot make a token single-use).
 *
 * RPC only: storage, alarms and sockets are in registry-storage.ts, every decision is a pure rule in
 * session-registry-rules.ts. Each RPC method reads, decides and writes with no await in between, so it is
 * atomic (input gates). Revoking all sessions is O(1): sessions carry the epoch they were created in and
 * only the current epoch is live.
 */
import { decodeBase64 } from "@oslojs/encoding";
import { readConfig } from "../core/config";
import { deriveResetSecret } from "../core/reset-token";
import { hashSecret } from "../core/secrets";
import { createSessionToken } from "../core/session-token";
import { notifySignedOut, type SignOutReason } from "./live-sign-out";
import { RegistryStorage } from "./registry-storage";
import {
  decideBeginReset,
  decideCreateSession,
  decideIssue,
  judgeResetLink,
  pendingResetCommitted,
  type ResetTokenStatus,
  resetTokenStatus,
  sessionFreshness,
  withinLimits,
} from "./session-registry-rules";
import {
  type BeginResetResult,
  type CreateSessionResult,
  type IssueResult,
  type LimitWindow,
  type SessionInfo,
  type SessionMeta,
  toSessionInfo,
} from "./session-registry-schema";

export type { ResetTokenStatus } from "./session-registry-rules";
export type { BeginResetResult, LimitWindow, SessionInfo, SessionMeta } from "./session-registry-schema";

/** The user's registry stub: the token or record names the user, so no lookup is needed. */
export function sessionRegistry(env: Env, userId: string): DurableObjectStub<SessionRegistry> {
  return env.SESSION_REGISTRY.getByName(userId);
}

/** Per-user session registry and reset-token authority: its RPC methods. Addressed with `getByName(userId)`. */
export class SessionRegistry extends RegistryStorage {
  /** Creates a session for a sign-in that verified the password of `credentialVersion` (invariant 4). */
  createSession(userId: string, credentialVersion: number, meta: SessionMeta, now: number): CreateSessionResult {
    this.ensureStorage();
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

  /**
   * The token of one forgot-password request; the newest request voids older tokens (invariant 2). With
   * `limits`, a request over any window is refused and not counted; a request already counted (a retried
   * queue message) is never refused by its own count.
   */
  issueResetToken(requestId: string, issuedAt: number, limits: LimitWindow[] = []): IssueResult {
    this.ensureStorage();
    if (limits.length > 0 && !this.resetRequests.has(requestId)) {
      this.resetRequests.prune(issuedAt - Math.max(...limits.map((w) => w.ms)));
      if (!withinLimits(this.resetRequests.times(), issuedAt, limits)) return { ok: false, reason: "limited" };
      this.resetRequests.add(requestId, issuedAt);
    }
    const state = this.state();
    const decision = decideIssue(state, requestId, issuedAt);
    if (!decision.ok) return decision;
    const secret = deriveResetSecret(decodeBase64(state.token_key), requestId);
    const tokenHash = hashSecret(secret);
    if (decision.store) this.stateRow.storeIssuedToken(requestId, tokenHash, issuedAt);
    return { ok: true, secret, tokenHash };
  }

  /** Read-only: what this registry knows of a link (judged together with D1's version by `judgeResetLink`). */
  resetTokenStatus(tokenHash: string, now: number): ResetTokenStatus {
    if (!this.initialized) return { problem: "invalid", pendingVersion: null };
    return resetTokenStatus(this.state(), tokenHash, now);
  }

  /**
   * Read-only: would beginReset accept this token now? `d1Version` is the user's credential version in D1:
   * a token whose reset D1 already holds is used up.
   */
  checkResetToken(tokenHash: string, now: number, d1Version = 0): boolean {
    return judgeResetLink(this.resetTokenStatus(tokenHash, now), d1Version) === "usable";
  }

  /**
   * First half of a reset, before the new hash is written to D1: checks the token, bumps the credential
   * version and revokes every session in one atomic step. Repeatable with the same token until
   * completeReset, so a reset that failed at the D1 step can be retried.
   */
  beginReset(tokenHash: string, now: number, d1Version = 0): BeginResetResult {
    if (!this.initialized) return { ok: false, reason: "invalid" };
    let state = this.state();
    // An earlier reset reached D1 but never completed here (a lost reply, a failed completeReset): finish
    // it first, or this one would take its pending branch, revoke nothing and lose at D1 (invariant 10).
    if (pendingResetCommitted(state, d1Version)) {
      this.stateRow.finishCommittedReset(state);
      state = this.state();
    }
    const decision = decideBeginReset(state, tokenHash, now, d1Version);
    if (!decision.ok) return decision;
    // A retry of a pending reset with another (newer) link: the pending reset is now this link's, so that
    // finishing it later uses this link up (and not only the first one).
    if (!decision.fresh && state.reset_pending_token_hash !== tokenHash) this.stateRow.adoptPendingReset(tokenHash);
    if (decision.fresh) {
      this.stateRow.beginReset(decision.credentialVersion, tokenHash, now);
      this.startNewEpoch(now);
      notifySignedOut(this.ctx, "password_reset", () => true);
    }
    return { ok: true, credentialVersion: decision.credentialVersion };
  }

  /**
   * Second half, once D1 holds the new hash: voids every outstanding token and rotates the token key; and
   * keeps `notice` (the "password changed" email) in the outbox until the queue takes it, in the same step.
   */
  async completeReset(now: number, notice?: { id: string; message: unknown }): Promise<void> {
    if (!this.initialized) return;
    this.stateRow.completeReset(now);
    if (notice === undefined) return;
    this.outbox.add(notice.id, notice.message, now);
    await this.alarmBy(now);
  }

  /** The credential version sessions must carry (for tests and diagnostics). */
  credentialVersion(): number {
    return this.initialized ? this.state().credential_version : 0;
  }
}
