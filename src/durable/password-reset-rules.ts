/**
 * The SessionRegistry's decisions on reset tokens and password changes, as pure functions of its state row.
 * No I/O, no clock: `now` is passed in, so each rule is unit-tested with known answers
 * (test/unit/session-registry-rules.test.ts) and registry-password-reset.ts only reads, decides and writes.
 * (The second factor's replay and lockout are decided in SQL instead: second-factor-table.ts.)
 */
import { isResetTokenExpired, RESET_LINK_TTL_MS } from "../core/password-reset-token";
import { constantTimeEqualText } from "../core/secrets";
import type { LinkHistory } from "./password-reset-link-table";
import type { LimitWindow, ResetTokenProblem, StateRow } from "./session-registry-schema";

/**
 * Whether `tokenHash` is the newest token, issued after the last password change and less than 60
 * minutes ago (invariants 1–3).
 */
export function resetTokenProblem(
  state: StateRow,
  tokenHash: string,
  now: number,
  ttlMs = RESET_LINK_TTL_MS,
): ResetTokenProblem | null {
  if (state.reset_token_hash === null || state.reset_issued_at === null) return "invalid";
  if (!constantTimeEqualText(state.reset_token_hash, tokenHash)) return "invalid";
  if (state.reset_issued_at < state.password_changed_at) return "invalid";
  if (isResetTokenExpired(state.reset_issued_at, now, ttlMs)) return "expired";
  return null;
}

/**
 * Issuing the token of a forgot-password request made at `issuedAt`: the same request again re-derives the
 * same token without writing (a retried queue message); an older request than the newest, or one made
 * before the last password change, is outdated.
 */
export type IssueDecision = { ok: true; store: boolean } | { ok: false; reason: "superseded" };

export function decideIssue(state: StateRow, requestId: string, issuedAt: number): IssueDecision {
  if (state.reset_request_id === requestId) return { ok: true, store: false };
  if (issuedAt < state.password_changed_at) return { ok: false, reason: "superseded" };
  if (state.reset_issued_at !== null && state.reset_issued_at > issuedAt) return { ok: false, reason: "superseded" };
  return { ok: true, store: true };
}

/** Whether one more request at `at` stays inside every window, given when the counted ones were made. */
export function withinLimits(times: number[], at: number, windows: LimitWindow[]): boolean {
  return windows.every((w) => times.filter((t) => t > at - w.ms).length < w.max);
}

/** Whether a pending reset is already in D1 (D1's credential version reached it): it only needs finishing. */
export function pendingResetCommitted(state: StateRow, d1Version: number): boolean {
  return state.reset_pending_version !== null && state.reset_pending_version <= d1Version;
}

/**
 * What the registry knows of a link: its problem, if any, and the version of the pending reset begun with
 * it, if one is. Read-only, and needs nothing from D1, so the caller can ask the registry and D1 at once.
 */
export interface ResetTokenStatus {
  problem: ResetTokenProblem | null;
  pendingVersion: number | null;
  /** When the pending reset begun with this link began. */
  pendingAt: number | null;
  /** What became of the link, if this registry issued it in the last week. */
  history: LinkHistory | null;
  passwordChangedAt: number;
}

export function resetTokenStatus(
  state: StateRow,
  tokenHash: string,
  now: number,
  ttlMs: number,
  history: LinkHistory | null,
): ResetTokenStatus {
  const own = state.reset_pending_token_hash === tokenHash;
  return {
    problem: resetTokenProblem(state, tokenHash, now, ttlMs),
    pendingVersion: own ? state.reset_pending_version : null,
    pendingAt: own ? state.reset_pending_at : null,
    history,
    passwordChangedAt: state.password_changed_at,
  };
}

/**
 * Why a link works or not, for the page its holder sees (the API answers every refusal alike). "committed":
 * its reset is in D1 though the registry never completed it; a retry with the same password finishes it.
 */
export type LinkFate =
  | { fate: "usable" }
  | { fate: "committed" | "used" | "replaced" | "password_changed" | "expired"; at: number }
  | { fate: "invalid" };

export function linkFate(status: ResetTokenStatus, d1Version: number, ttlMs: number): LinkFate {
  if (status.pendingVersion !== null && status.pendingVersion <= d1Version) {
    return { fate: "committed", at: status.pendingAt ?? status.passwordChangedAt };
  }
  if (status.problem === null) return { fate: "usable" };
  const link = status.history;
  if (link === null) return { fate: "invalid" };
  if (link.usedAt !== null) return { fate: "used", at: link.usedAt };
  if (link.replacedAt !== null) return { fate: "replaced", at: link.replacedAt };
  if (link.issuedAt < status.passwordChangedAt) return { fate: "password_changed", at: status.passwordChangedAt };
  return { fate: "expired", at: link.issuedAt + ttlMs };
}

/**
 * The first half of a reset. A fresh begin bumps the credential version and revokes every session; a
 * retry of a begun reset (its D1 write failed) reuses the pending version and revokes nothing more, since
 * no session can have been created since (invariant 10).
 */
export type BeginDecision =
  | { ok: true; credentialVersion: number; fresh: boolean }
  | { ok: false; reason: ResetTokenProblem };

export function decideBeginReset(
  state: StateRow,
  tokenHash: string,
  now: number,
  d1Version = 0,
  ttlMs = RESET_LINK_TTL_MS,
): BeginDecision {
  const problem = resetTokenProblem(state, tokenHash, now, ttlMs);
  if (problem !== null) return { ok: false, reason: problem };
  return { ok: true, ...decidePasswordChange(state, d1Version) };
}

/**
 * The credential version a password change begins at: the pending one if a change (by link or on
 * /account) is already begun and not yet in D1, else one above both the object's and D1's version.
 */
export function decidePasswordChange(
  state: StateRow,
  d1Version: number,
): { credentialVersion: number; fresh: boolean } {
  if (state.reset_pending_version !== null) return { credentialVersion: state.reset_pending_version, fresh: false };
  return { credentialVersion: Math.max(state.credential_version, d1Version) + 1, fresh: true };
}
