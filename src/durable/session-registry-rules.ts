/**
 * The SessionRegistry's decisions on sessions as pure functions of its state row. No I/O, no clock: `now`
 * is passed in, so each rule is unit-tested with known answers (test/unit/session-registry-rules.test.ts).
 * The reset's rules are password-reset-rules.ts.
 */
import { MINUTE_MS } from "../core/time";
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

/** A live session seen at `now`: over the idle limit it ends; otherwise its last-seen time is refreshed at most once a minute. */
export type SessionFreshness = "idle" | "touch" | "fresh";

export function sessionFreshness(lastSeenAt: number, now: number, idleMs: number): SessionFreshness {
  if (now - lastSeenAt >= idleMs) return "idle";
  if (now - lastSeenAt >= LAST_SEEN_RESOLUTION_MS) return "touch";
  return "fresh";
}
