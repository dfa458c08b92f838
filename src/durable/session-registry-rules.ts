/**
 * The SessionRegistry's decisions on sessions as pure functions of its state row. No I/O, no clock: `now`
 * is passed in, so each rule is unit-tested with known answers (test/unit/session-registry-rules.test.ts).
 * The reset's rules are password-reset-rules.ts.
 */
import { DAY_MS, MINUTE_MS } from "../core/time";
import type { StateRow } from "./session-registry-schema";

/** Do not write last_seen_at more often than this: validation stays a read on the hot path. */
export const LAST_SEEN_RESOLUTION_MS = MINUTE_MS;

/**
 * A session for a sign-in that verified the password of `credentialVersion`: refused once a password
 * change has committed since (invariant 4). A newer version than the object knows (D1 ahead of it) is
 * adopted.
 */
export type SessionDecision =
  | { ok: true; adoptVersion: number | null }
  | { ok: false; reason: "stale_credentials" | "reset_required" };

/** A lock-down's hold ("this wasn't me", a revert) refuses every session until a reset by link clears it. */
export function decideCreateSession(state: StateRow, credentialVersion: number): SessionDecision {
  if (state.reset_required === 1) return { ok: false, reason: "reset_required" };
  if (credentialVersion < state.credential_version) return { ok: false, reason: "stale_credentials" };
  return { ok: true, adoptVersion: credentialVersion > state.credential_version ? credentialVersion : null };
}

/**
 * A session's overall limit, counted from its creation whatever the activity: NIST SP 800-63B rev 4 section
 * 2.1.3 asks for a definite one, at most 30 days at AAL1 (docs/design.md, "Session lifetime").
 */
export const SESSION_MAX_AGE_MS = 30 * DAY_MS;

/**
 * A live session seen at `now`: over the idle limit or past its overall limit it ends (idle named first: a
 * session unused that long ended for that, whatever its age, so "too old" means one still in use, which the
 * page then explains); otherwise its last-seen time is refreshed at most once a minute.
 */
export type SessionFreshness = "too_old" | "idle" | "touch" | "fresh";

export function sessionFreshness(
  session: { created_at: number; last_seen_at: number },
  now: number,
  idleMs: number,
): SessionFreshness {
  if (now - session.last_seen_at >= idleMs) return "idle";
  if (now - session.created_at >= SESSION_MAX_AGE_MS) return "too_old";
  if (now - session.last_seen_at >= LAST_SEEN_RESOLUTION_MS) return "touch";
  return "fresh";
}

/** When the first remaining session ends on its own, from the oldest creation and last-seen; null when none is left. */
export function nextSessionExpiry(
  oldest: { created: number | null; seen: number | null },
  idleMs: number,
): number | null {
  if (oldest.created === null || oldest.seen === null) return null;
  return Math.min(oldest.created + SESSION_MAX_AGE_MS, oldest.seen + idleMs);
}
