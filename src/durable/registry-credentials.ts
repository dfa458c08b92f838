/**
 * The SessionRegistry's credential half: the user's credential version and the reset-token authority (KV
 * cannot make a token single-use). A password changes here first (beginReset, beginPasswordChange: a new
 * credential version and the sessions it ends, in one atomic step), then in D1, then completeReset.
 * Each method reads, decides (session-registry-rules.ts) and writes with no await in between.
 */
import { decodeBase64 } from "@oslojs/encoding";
import { readConfig } from "../core/config";
import { deriveResetCode, deriveResetSecret } from "../core/reset-token";
import { constantTimeEqualText, hashSecret } from "../core/secrets";
import { notifySignedOut } from "./live-sign-out";
import { RegistryStorage } from "./registry-storage";
import {
  decideBeginReset,
  decideIssue,
  decidePasswordChange,
  linkFate,
  pendingResetCommitted,
  type ResetTokenStatus,
  resetTokenProblem,
  resetTokenStatus,
  withinLimits,
} from "./session-registry-rules";
import type {
  BeginResetResult,
  IssueResult,
  LimitWindow,
  PasswordChangeResult,
  RedeemResult,
} from "./session-registry-schema";

/** Reset tokens, credential versions and password changes; the sessions' RPCs extend this. */
export abstract class RegistryCredentials extends RegistryStorage {
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
    const key = decodeBase64(state.token_key);
    const secret = deriveResetSecret(key, requestId);
    const tokenHash = hashSecret(secret);
    if (decision.store) {
      this.stateRow.storeIssuedToken(requestId, tokenHash, issuedAt);
      this.resetLinks.issued(tokenHash, issuedAt);
    }
    return { ok: true, secret, tokenHash, code: deriveResetCode(key, requestId) };
  }

  /**
   * Read-only: the code mailed beside the newest link, exchanged for that link's secret while the link
   * works, so a code and its link are one credential: newest only, single use, the same lifetime. Wrong
   * codes are counted by the caller, per address, in D1 (so an address without an account counts alike).
   */
  redeemResetCode(code: string, now: number): RedeemResult {
    if (!this.initialized) return { ok: false };
    const state = this.state();
    if (state.reset_request_id === null) return { ok: false };
    const key = decodeBase64(state.token_key);
    if (!constantTimeEqualText(deriveResetCode(key, state.reset_request_id), code)) return { ok: false };
    const secret = deriveResetSecret(key, state.reset_request_id);
    if (resetTokenProblem(state, hashSecret(secret), now, readConfig(this.env).resetLinkMs) !== null) {
      return { ok: false };
    }
    return { ok: true, secret };
  }

  /** Read-only: what this registry knows of a link (judged together with D1's version by `linkFate`). */
  resetTokenStatus(tokenHash: string, now: number): ResetTokenStatus {
    if (!this.initialized) {
      return { problem: "invalid", pendingVersion: null, pendingAt: null, history: null, passwordChangedAt: 0 };
    }
    const history = this.resetLinks.find(tokenHash);
    return resetTokenStatus(this.state(), tokenHash, now, readConfig(this.env).resetLinkMs, history);
  }

  /**
   * Read-only: would beginReset accept this token now? `d1Version` is the user's credential version in D1:
   * a token whose reset D1 already holds is used up.
   */
  checkResetToken(tokenHash: string, now: number, d1Version = 0): boolean {
    const status = this.resetTokenStatus(tokenHash, now);
    return linkFate(status, d1Version, readConfig(this.env).resetLinkMs).fate === "usable";
  }

  /**
   * First half of a reset, before the new hash is written to D1: checks the token, bumps the credential
   * version and revokes every session in one atomic step. Repeatable with the same token until
   * completeReset, so a reset that failed at the D1 step can be retried.
   */
  beginReset(tokenHash: string, now: number, d1Version = 0, notice?: unknown): BeginResetResult {
    if (!this.initialized) return { ok: false, reason: "invalid" };
    this.finishIfCommitted(d1Version, now);
    const state = this.state();
    const decision = decideBeginReset(state, tokenHash, now, d1Version, readConfig(this.env).resetLinkMs);
    if (!decision.ok) return decision;
    // A retry of a pending reset with another (newer) link: the pending reset is now this link's, so that
    // finishing it later uses this link up (and not only the first one).
    if (!decision.fresh && state.reset_pending_token_hash !== tokenHash) this.stateRow.adoptPendingReset(tokenHash);
    if (decision.fresh) this.stateRow.beginReset(decision.credentialVersion, tokenHash, now);
    // Every time, fresh or not: a pending change begun on /account kept its own session alive, and a reset
    // by link must end that one too. Ending no sessions twice is harmless.
    this.startNewEpoch(now);
    notifySignedOut(this.ctx, "password_reset", () => true);
    if (notice !== undefined) this.outbox.hold(notice, decision.credentialVersion);
    return { ok: true, credentialVersion: decision.credentialVersion };
  }

  /**
   * Second half, once D1 holds the new hash of credential version `version`: voids every outstanding token,
   * rotates the token key, and releases the "password changed" notice held since the change began. Does
   * nothing unless that version is the pending one, so a late call cannot finish a newer change.
   */
  async completeReset(now: number, version: number): Promise<void> {
    if (!this.initialized) return;
    const state = this.state();
    if (state.reset_pending_version !== version) return;
    if (state.reset_pending_token_hash !== null) this.resetLinks.used(state.reset_pending_token_hash, now);
    this.stateRow.completeReset(now);
    this.outbox.release(version, now);
    await this.alarmBy(now);
  }

  /** The credential version sessions must carry (for tests and diagnostics). */
  credentialVersion(): number {
    return this.initialized ? this.state().credential_version : 0;
  }

  /**
   * First half of a password change by a signed-in person (/account): a new credential version, and every
   * session but `keepSessionId` ended, in one atomic step; the kept session joins the new epoch. Refused
   * unless that session is live now. Repeatable like beginReset until completeReset.
   */
  beginPasswordChange(keepSessionId: string, now: number, d1Version: number, notice?: unknown): PasswordChangeResult {
    if (!this.initialized) return { ok: false, reason: "not_signed_in" };
    this.finishIfCommitted(d1Version, now);
    const kept = this.sessions.live(keepSessionId);
    if (kept === undefined) return { ok: false, reason: "not_signed_in" };
    const decision = decidePasswordChange(this.state(), d1Version);
    if (decision.fresh) this.stateRow.beginReset(decision.credentialVersion, null, now);
    this.sessions.moveToEpoch(keepSessionId, kept.epoch, this.startNewEpoch(now));
    notifySignedOut(this.ctx, "password_changed", (tag) => tag !== keepSessionId);
    if (notice !== undefined) this.outbox.hold(notice, decision.credentialVersion);
    return { ok: true, credentialVersion: decision.credentialVersion };
  }

  /**
   * An earlier password change reached D1 but never completed here (a lost reply, a failed or dropped
   * completeReset): finish it, and send the notice it held. Called with D1's version by the next reset,
   * password change, link check and sign-in, so a change is finished by whatever comes next (invariant 10).
   */
  protected finishIfCommitted(d1Version: number, now: number): void {
    const state = this.state();
    if (!pendingResetCommitted(state, d1Version)) return;
    if (state.reset_pending_token_hash !== null) {
      this.resetLinks.used(state.reset_pending_token_hash, state.reset_pending_at ?? now);
    }
    this.stateRow.finishCommittedReset(state);
    // Its notice was held since the change began; the change is in D1, so it goes out now.
    if (this.outbox.release(d1Version, now) > 0) void this.alarmBy(now);
  }
}
