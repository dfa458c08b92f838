/**
 * The SessionRegistry's reset concept: the user's credential version and the reset-token authority (KV
 * cannot make a token single-use). A password changes here first (beginReset, beginPasswordChange: a new
 * credential version and the sessions it ends, in one atomic step), then in D1, then
 * completeCredentialChange. A plain class over the object's tables; each method reads, decides
 * (password-reset-rules.ts) and writes with no await in between.
 */

import { decodeBase64 } from "@oslojs/encoding";
import { readConfig } from "../core/config";
import { deriveResetCode, deriveResetSecret } from "../core/password-reset-token";
import { constantTimeEqualText, hashSecret } from "../core/secrets";
import { withRevokedCount } from "../core/webhook-events";
import { notifySignedOut } from "./live-sign-out";
import {
  decideBeginReset,
  decideIssue,
  decidePasswordChange,
  pendingResetCommitted,
  type ResetTokenStatus,
  resetTokenProblem,
  resetTokenStatus,
  withinLimits,
} from "./password-reset-rules";
import type { RegistryStorage } from "./registry-storage";
import { SecondFactorTable } from "./second-factor-table";
import type {
  BeginResetResult,
  IssueResult,
  LimitWindow,
  PasswordChangeResult,
  RedeemResult,
} from "./session-registry-schema";

/** Reset tokens, credential versions and password changes of one registry. */
export class RegistryPasswordReset {
  constructor(private readonly store: RegistryStorage) {}

  /**
   * The token of one forgot-password request; the newest request voids older tokens (invariant 2). With
   * `limits`, a request over any window is refused and not counted; a request already counted (a retried
   * queue message) is never refused by its own count.
   */
  issueResetToken(requestId: string, issuedAt: number, limits: LimitWindow[] = []): IssueResult {
    this.store.ensureStorage();
    if (limits.length > 0 && !this.store.resetRequests.has(requestId)) {
      this.store.resetRequests.prune(issuedAt - Math.max(...limits.map((w) => w.ms)));
      if (!withinLimits(this.store.resetRequests.times(), issuedAt, limits)) return { ok: false, reason: "limited" };
      this.store.resetRequests.add(requestId, issuedAt);
    }
    const state = this.store.state();
    const decision = decideIssue(state, requestId, issuedAt);
    if (!decision.ok) return decision;
    const key = decodeBase64(state.token_key);
    const secret = deriveResetSecret(key, requestId);
    const tokenHash = hashSecret(secret);
    if (decision.store) {
      this.store.stateRow.storeIssuedToken(requestId, tokenHash, issuedAt);
      this.store.resetLinks.issued(tokenHash, issuedAt);
    }
    return { ok: true, secret, tokenHash, code: deriveResetCode(key, requestId) };
  }

  /**
   * Read-only: the code mailed beside the newest link, exchanged for that link's secret while the link
   * works, so a code and its link are one credential: newest only, single use, the same lifetime. Wrong
   * codes are counted by the caller, per address, in D1 (so an address without an account counts alike).
   */
  redeemResetCode(code: string, now: number): RedeemResult {
    if (!this.store.initialized) return { ok: false };
    const state = this.store.state();
    if (state.reset_request_id === null) return { ok: false };
    const key = decodeBase64(state.token_key);
    if (!constantTimeEqualText(deriveResetCode(key, state.reset_request_id), code)) return { ok: false };
    const secret = deriveResetSecret(key, state.reset_request_id);
    if (resetTokenProblem(state, hashSecret(secret), now, readConfig(this.store.env).resetLinkMs) !== null) {
      return { ok: false };
    }
    return { ok: true, secret };
  }

  /** Read-only: what this registry knows of a link (judged together with D1's version by `linkFate`). */
  resetTokenStatus(tokenHash: string, now: number): ResetTokenStatus {
    if (!this.store.initialized) {
      return { problem: "invalid", pendingVersion: null, pendingAt: null, history: null, passwordChangedAt: 0 };
    }
    const history = this.store.resetLinks.find(tokenHash);
    return resetTokenStatus(this.store.state(), tokenHash, now, readConfig(this.store.env).resetLinkMs, history);
  }

  /**
   * First half of a reset, before the new hash is written to D1: checks the token, bumps the credential
   * version and revokes every session in one atomic step. Repeatable with the same token until
   * completeCredentialChange, so a reset that failed at the D1 step can be retried.
   */
  beginReset(tokenHash: string, now: number, d1Version = 0, notice?: unknown): BeginResetResult {
    if (!this.store.initialized) return { ok: false, reason: "invalid" };
    this.finishIfCommitted(d1Version, now);
    const state = this.store.state();
    const decision = decideBeginReset(state, tokenHash, now, d1Version, readConfig(this.store.env).resetLinkMs);
    if (!decision.ok) return decision;
    // A retry of a pending reset with another (newer) link: the pending reset is now this link's, so that
    // finishing it later uses this link up (and not only the first one).
    if (!decision.fresh && state.reset_pending_token_hash !== tokenHash)
      this.store.stateRow.adoptPendingReset(tokenHash);
    if (decision.fresh) this.store.stateRow.beginReset(decision.credentialVersion, tokenHash, now);
    // The reset proved the mailbox (and the second factor, if on) and replaces the password: whoever spent
    // sign-in's codes with the old password no longer has it, so sign-in's lock ends (docs/design.md).
    new SecondFactorTable(this.store.sql).endSignInLock();
    // Every time, fresh or not: a pending change begun on /account kept its own session alive, and a reset
    // by link must end that one too. Ending no sessions twice is harmless.
    const ended = this.store.sessions.liveCount();
    this.store.startNewEpoch(now);
    // password_updated_at is about to change in D1: the profile's copy goes (a copy read from D1 before the
    // new hash lands is refused by its credential version).
    this.store.profile.changed();
    notifySignedOut(this.store.ctx, "password_reset", () => true);
    if (notice !== undefined) this.store.outbox.hold(withRevokedCount(notice, ended), decision.credentialVersion);
    return { ok: true, credentialVersion: decision.credentialVersion };
  }

  /**
   * Second half, once D1 holds the new hash of credential version `version`: voids every outstanding token,
   * rotates the token key, and releases the "password changed" notice held since the change began. Does
   * nothing unless that version is the pending one, so a late call cannot finish a newer change.
   */
  async completeCredentialChange(now: number, version: number): Promise<void> {
    if (!this.store.initialized) return;
    const state = this.store.state();
    if (state.reset_pending_version !== version) return;
    if (state.reset_pending_token_hash !== null) this.store.resetLinks.used(state.reset_pending_token_hash, now);
    this.store.stateRow.completeCredentialChange(now);
    this.store.outbox.release(version, now);
    await this.store.alarmBy(now);
  }

  /** The credential version sessions must carry (for tests and diagnostics). */
  credentialVersion(): number {
    return this.store.initialized ? this.store.state().credential_version : 0;
  }

  /**
   * First half of a password change by a signed-in person (/account): a new credential version, and every
   * session but `keepSessionId` ended, in one atomic step; the kept session joins the new epoch. Refused
   * unless that session is live now. Repeatable like beginReset until completeCredentialChange.
   */
  beginPasswordChange(keepSessionId: string, now: number, d1Version: number, notice?: unknown): PasswordChangeResult {
    if (!this.store.initialized) return { ok: false, reason: "not_signed_in" };
    this.finishIfCommitted(d1Version, now);
    const kept = this.store.sessions.live(keepSessionId);
    if (kept === undefined) return { ok: false, reason: "not_signed_in" };
    const decision = decidePasswordChange(this.store.state(), d1Version);
    if (decision.fresh) this.store.stateRow.beginReset(decision.credentialVersion, null, now);
    const ended = this.store.sessions.liveCount() - 1;
    this.store.sessions.moveToEpoch(keepSessionId, kept.epoch, this.store.startNewEpoch(now));
    this.store.profile.changed();
    notifySignedOut(this.store.ctx, "password_changed", (tag) => tag !== keepSessionId);
    if (notice !== undefined) this.store.outbox.hold(withRevokedCount(notice, ended), decision.credentialVersion);
    return { ok: true, credentialVersion: decision.credentialVersion };
  }

  /**
   * An earlier password change reached D1 but never completed here (a lost reply, a failed or dropped
   * completeCredentialChange): finish it, and send the notice it held. Called with D1's version by the next
   * reset, password change and sign-in, so a change is finished by whatever comes next (invariant 10).
   */
  finishIfCommitted(d1Version: number, now: number): void {
    const state = this.store.state();
    if (!pendingResetCommitted(state, d1Version)) return;
    if (state.reset_pending_token_hash !== null) {
      this.store.resetLinks.used(state.reset_pending_token_hash, state.reset_pending_at ?? now);
    }
    this.store.stateRow.finishCommittedReset(state);
    // Its notice was held since the change began; the change is in D1, so it goes out now.
    if (this.store.outbox.release(d1Version, now) > 0) void this.store.alarmBy(now);
  }
}
