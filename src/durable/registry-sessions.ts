/**
 * The SessionRegistry's sessions: create (refused for a password changed since it was verified), validate
 * (overall and idle expiry, last-seen at most once a minute), list and revoke one, the others or all. Revoking is O(1):
 * sessions carry the epoch they were created in and only the current epoch is live. A plain class over the
 * object's tables; each method reads, decides (session-registry-rules.ts) and writes with no await between.
 */
import { readConfig } from "../core/config";
import { createSessionToken } from "../core/session-token";
import { isoTime } from "../core/time";
import { notifySignedOut, type SignOutReason } from "./live-sign-out";
import type { OutboxNotice } from "./outbox-table";
import type { RegistryPasswordReset } from "./registry-password-reset";
import type { RegistryStorage } from "./registry-storage";
import { decideCreateSession, SESSION_MAX_AGE_MS, sessionFreshness } from "./session-registry-rules";
import {
  type CreateSessionResult,
  type SessionEnded,
  type SessionInfo,
  type SessionMeta,
  toSessionInfo,
} from "./session-registry-schema";

/** The sessions of one registry. */
export class RegistrySessions {
  constructor(
    private readonly store: RegistryStorage,
    private readonly passwordReset: RegistryPasswordReset,
  ) {}

  /**
   * Creates a session for a sign-in that verified the password of `credentialVersion` (invariant 4); its
   * `notice` (a sign-in from a new device) goes into the outbox in the same step, and only with a session.
   */
  createSession(
    userId: string,
    credentialVersion: number,
    meta: SessionMeta,
    now: number,
    notice?: OutboxNotice,
  ): CreateSessionResult {
    const { store } = this;
    store.ensureStorage();
    // The sign-in read D1's version: a change it shows committed is finished here (its notice sent).
    this.passwordReset.finishIfCommitted(credentialVersion, now);
    const state = store.state();
    const decision = decideCreateSession(state, credentialVersion);
    if (!decision.ok) return decision;
    if (decision.adoptVersion !== null) store.stateRow.setCredentialVersion(decision.adoptVersion);
    const config = readConfig(store.env);
    const { token, sessionId } = createSessionToken(userId, config.pepper);
    store.sessions.insert(sessionId, state.session_epoch, meta, now);
    // D1's success batch sets last_login_at to this same time and clears the failures, beside this call.
    store.profile.signedIn(isoTime(now));
    // Past MAX_SESSIONS_PER_USER sessions in this epoch, the oldest are evicted (and their open tabs told).
    for (const id of store.sessions.evictBeyond(state.session_epoch, config.maxSessionsPerUser)) {
      notifySignedOut(store.ctx, "session_limit", (tag) => tag === id);
    }
    if (notice === undefined) {
      void store.scheduleCleanup(now);
    } else {
      // The alarm sends the notice now, and schedules the sessions' clean-up after it.
      store.outbox.add(notice.id, notice.message, now);
      void store.alarmBy(now);
    }
    return { ok: true, token, sessionId };
  }

  /**
   * The live session with this id, touching last-seen; null if unknown, revoked or idle too long; `too_old`
   * (once, as the row goes) past its overall limit, so the page can say why.
   */
  validateSession(sessionId: string, now: number): SessionInfo | SessionEnded | null {
    const { store } = this;
    if (!store.initialized) return null;
    const row = store.sessions.live(sessionId);
    if (row === undefined) return null;
    switch (sessionFreshness(row, now, readConfig(store.env).sessionIdleMs)) {
      case "too_old":
        store.sessions.delete(sessionId);
        return { ended: "too_old" };
      case "idle":
        store.sessions.delete(sessionId);
        return null;
      case "touch":
        store.sessions.touch(sessionId, now);
        return toSessionInfo({ ...row, last_seen_at: now });
      case "fresh":
        return toSessionInfo(row);
    }
  }

  /** Live sessions, newest first. */
  listSessions(now: number): SessionInfo[] {
    if (!this.store.initialized) return [];
    return this.store.sessions.listLive(now - readConfig(this.store.env).sessionIdleMs, now - SESSION_MAX_AGE_MS);
  }

  /** Ends one session (sign out). Returns whether it existed. */
  revokeSession(sessionId: string, reason: SignOutReason): boolean {
    if (!this.store.initialized) return false;
    const removed = this.store.sessions.deleteLive(sessionId);
    notifySignedOut(this.store.ctx, reason, (tag) => tag === sessionId);
    return removed;
  }

  /**
   * Ends every session but `keepSessionId`: a new epoch that only it joins. Does nothing unless the kept
   * session is live now, so a reset that landed after the caller's check is never undone.
   */
  revokeOtherSessions(keepSessionId: string, now: number): number {
    const { store } = this;
    if (!store.initialized) return 0;
    const kept = store.sessions.live(keepSessionId);
    if (kept === undefined) return 0;
    const ended = store.sessions.liveCount() - 1;
    store.sessions.moveToEpoch(keepSessionId, kept.epoch, store.startNewEpoch(now));
    notifySignedOut(store.ctx, "signed_out_elsewhere", (tag) => tag !== keepSessionId);
    return ended;
  }

  /** Ends every session of the user in one step, and tells every open tab. Returns how many ended. */
  revokeAllSessions(reason: SignOutReason, now: number): number {
    if (!this.store.initialized) return 0;
    const ended = this.store.sessions.liveCount();
    this.store.startNewEpoch(now);
    notifySignedOut(this.store.ctx, reason, () => true);
    return ended;
  }
}
