/**
 * The SessionRegistry's decisions (src/durable/password-reset-rules.ts, session-registry-rules.ts) with known answers: which reset
 * token is accepted (invariants 1–3), when a reset begins afresh (invariant 10), which sign-in may still
 * create a session (invariant 4), and when a session is idle.
 */
import { describe, expect, it } from "vitest";
import type { ResetTokenStatus } from "../../src/durable/password-reset-rules";
import {
  decideBeginReset,
  decideIssue,
  linkFate,
  pendingResetCommitted,
  resetTokenProblem,
  withinLimits,
} from "../../src/durable/password-reset-rules";
import { decideCreateSession, nextSessionExpiry, sessionFreshness } from "../../src/durable/session-registry-rules";
import type { StateRow } from "../../src/durable/session-registry-schema";
import { DAY } from "../helpers";

const T0 = 1_800_000_000_000;
const HASH = "a".repeat(64);
/** A reset link's lifetime, as the design states it (never the implementation's constant). */
const SIXTY_MINUTES = 60 * 60 * 1000;

/** A registry that issued HASH at T0 for request "req-1", with a password last changed before that. */
function state(overrides: Partial<StateRow> = {}): StateRow {
  return {
    credential_version: 3,
    session_epoch: 7,
    password_changed_at: T0 - DAY,
    token_key: "key",
    reset_request_id: "req-1",
    reset_token_hash: HASH,
    reset_issued_at: T0,
    reset_pending_version: null,
    reset_pending_token_hash: null,
    reset_pending_at: null,
    reset_required: 0,
    locked_down_at: 0,
    ...overrides,
  };
}

describe("resetTokenProblem", () => {
  it.each([
    ["the newest token, a minute old", state(), HASH, T0 + 60_000, null],
    ["the newest token, 1 ms before 60 minutes", state(), HASH, T0 + SIXTY_MINUTES - 1, null],
    ["the newest token at exactly 60 minutes", state(), HASH, T0 + SIXTY_MINUTES, "expired"],
    ["another token", state(), "b".repeat(64), T0, "invalid"],
    ["no token issued", state({ reset_token_hash: null, reset_issued_at: null }), HASH, T0, "invalid"],
    ["a token issued before the last password change", state({ password_changed_at: T0 + 1 }), HASH, T0 + 2, "invalid"],
  ] as const)("%s -> %s", (_label, row, hash, now, expected) => {
    expect(resetTokenProblem(row, hash, now)).toBe(expected);
  });
});

describe("decideIssue", () => {
  it("re-derives without storing for the same request (a retried queue message)", () => {
    expect(decideIssue(state(), "req-1", T0)).toEqual({ ok: true, store: false });
  });
  it("stores a newer request's token", () => {
    expect(decideIssue(state(), "req-2", T0 + 1)).toEqual({ ok: true, store: true });
    expect(decideIssue(state({ reset_request_id: null, reset_issued_at: null }), "req-2", T0)).toEqual({
      ok: true,
      store: true,
    });
  });
  it("refuses a request older than the newest, or made before the last password change", () => {
    expect(decideIssue(state(), "req-0", T0 - 1)).toEqual({ ok: false, reason: "superseded" });
    expect(decideIssue(state({ password_changed_at: T0 + 10 }), "req-2", T0 + 5)).toEqual({
      ok: false,
      reason: "superseded",
    });
  });
});

describe("decideBeginReset", () => {
  it("a fresh begin bumps the credential version", () => {
    expect(decideBeginReset(state(), HASH, T0 + 1)).toEqual({ ok: true, credentialVersion: 4, fresh: true });
  });
  it("a retry after a failed D1 write reuses the pending version and revokes nothing more", () => {
    expect(decideBeginReset(state({ credential_version: 4, reset_pending_version: 4 }), HASH, T0 + 1)).toEqual({
      ok: true,
      credentialVersion: 4,
      fresh: false,
    });
  });
  it("refuses what resetTokenProblem refuses", () => {
    expect(decideBeginReset(state(), "b".repeat(64), T0)).toEqual({ ok: false, reason: "invalid" });
    expect(decideBeginReset(state(), HASH, T0 + SIXTY_MINUTES)).toEqual({ ok: false, reason: "expired" });
  });
});

describe("pendingResetCommitted", () => {
  it("a pending reset is committed once D1's version reached it", () => {
    expect(pendingResetCommitted(state(), 3)).toBe(false);
    expect(pendingResetCommitted(state({ reset_pending_version: 4 }), 3)).toBe(false);
    expect(pendingResetCommitted(state({ reset_pending_version: 4 }), 4)).toBe(true);
    expect(pendingResetCommitted(state({ reset_pending_version: 4 }), 5)).toBe(true);
  });
  it("a fresh begin starts above both the object's and D1's version", () => {
    expect(decideBeginReset(state(), HASH, T0 + 1, 7)).toEqual({ ok: true, credentialVersion: 8, fresh: true });
  });
});

describe("decideCreateSession", () => {
  it.each([
    [2, { ok: false, reason: "stale_credentials" }],
    [3, { ok: true, adoptVersion: null }],
    [5, { ok: true, adoptVersion: 5 }],
  ])("a sign-in that verified version %i of 3 -> %o", (version, expected) => {
    expect(decideCreateSession(state(), version)).toEqual(expected);
  });

  it("refuses every sign-in, even with a newer version, while a lock-down's hold asks for a reset", () => {
    // "This wasn't me": whoever holds the password must not get back in before the owner resets it.
    expect(decideCreateSession(state({ reset_required: 1 }), 5)).toEqual({ ok: false, reason: "reset_required" });
  });
});

describe("sessionFreshness", () => {
  const idle = 30 * DAY;
  it.each([
    [0, "fresh"],
    [60_000 - 1, "fresh"], // last-seen moves at most once a minute
    [60_000, "touch"],
    [idle - 1, "touch"],
    [idle, "idle"],
  ])("seen %i ms ago -> %s", (ago, expected) => {
    expect(sessionFreshness({ created_at: T0 - ago, last_seen_at: T0 - ago }, T0, idle)).toBe(expected);
  });

  // NIST SP 800-63B section 2.1.3: a definite overall timeout, at most 30 days at AAL1, whatever the activity.
  it.each([
    [30 * DAY - 1, 0, "fresh"],
    [30 * DAY - 1, 60_000, "touch"],
    [30 * DAY, 0, "too_old"],
    [400 * DAY, 0, "too_old"],
    [30 * DAY, idle - 1, "too_old"],
    [30 * DAY, idle, "idle"], // both ended: unused for the idle period, it ended for that
  ])("created %i ms ago, seen %i ms ago -> %s", (age, seen, expected) => {
    expect(sessionFreshness({ created_at: T0 - age, last_seen_at: T0 - seen }, T0, idle)).toBe(expected);
  });

  it("an idle limit shorter than the overall one still slides with activity", () => {
    const week = 7 * DAY;
    const session = { created_at: T0 - 20 * DAY, last_seen_at: T0 - 6 * DAY };
    expect(sessionFreshness(session, T0, week)).toBe("touch");
    expect(sessionFreshness(session, T0 + DAY, week)).toBe("idle");
  });
});

describe("nextSessionExpiry", () => {
  it("is the earlier of the oldest creation's overall limit and the oldest last-seen's idle limit; null for none", () => {
    const idle = 30 * DAY;
    expect(nextSessionExpiry({ created: T0, seen: T0 + 10 * DAY }, idle)).toBe(T0 + 30 * DAY);
    expect(nextSessionExpiry({ created: T0, seen: T0 }, 7 * DAY)).toBe(T0 + 7 * DAY);
    expect(nextSessionExpiry({ created: null, seen: null }, idle)).toBeNull();
  });
});

describe("withinLimits", () => {
  const MIN = 60_000;
  const limits = [
    { ms: MIN, max: 1 },
    { ms: 60 * MIN, max: 5 },
  ];
  it.each([
    ["nothing counted", [], true],
    ["one 59 s ago", [T0 - 59_000], false],
    ["one exactly a minute ago (the window is open at its start)", [T0 - MIN], true],
    ["four in the hour, none in the minute", [T0 - 2 * MIN, T0 - 3 * MIN, T0 - 4 * MIN, T0 - 5 * MIN], true],
    ["five in the hour", [T0 - 2 * MIN, T0 - 3 * MIN, T0 - 4 * MIN, T0 - 5 * MIN, T0 - 59 * MIN], false],
    ["five, the oldest an hour ago", [T0 - 2 * MIN, T0 - 3 * MIN, T0 - 4 * MIN, T0 - 5 * MIN, T0 - 60 * MIN], true],
  ])("%s -> %s", (_label, times, expected) => {
    expect(withinLimits(times as number[], T0, limits)).toBe(expected);
  });
  it("no windows: always within", () => {
    expect(withinLimits([T0, T0, T0], T0, [])).toBe(true);
  });
});

describe("linkFate", () => {
  const TTL = 60 * 60_000;
  const status = (overrides: Partial<ResetTokenStatus> = {}): ResetTokenStatus => ({
    problem: "invalid",
    pendingVersion: null,
    pendingAt: null,
    history: { issuedAt: T0, replacedAt: null, usedAt: null },
    passwordChangedAt: T0 - DAY,
    ...overrides,
  });
  it.each<[string, Partial<ResetTokenStatus>, number, unknown]>([
    ["the newest link, in time", { problem: null }, 3, { fate: "usable" }],
    [
      "its reset is in D1, never completed here",
      { pendingVersion: 4, pendingAt: T0 + 5 },
      4,
      { fate: "committed", at: T0 + 5 },
    ],
    ["pending but not yet in D1", { problem: null, pendingVersion: 4, pendingAt: T0 + 5 }, 3, { fate: "usable" }],
    ["used", { history: { issuedAt: T0, replacedAt: null, usedAt: T0 + 9 } }, 3, { fate: "used", at: T0 + 9 }],
    [
      "replaced by a newer email",
      { history: { issuedAt: T0, replacedAt: T0 + 7, usedAt: null } },
      3,
      { fate: "replaced", at: T0 + 7 },
    ],
    ["issued before the password changed", { passwordChangedAt: T0 + 3 }, 3, { fate: "password_changed", at: T0 + 3 }],
    ["expired", { problem: "expired" }, 3, { fate: "expired", at: T0 + TTL }],
    ["never issued here", { history: null }, 3, { fate: "invalid" }],
  ])("%s", (_label, overrides, d1Version, expected) => {
    expect(linkFate(status(overrides), d1Version, TTL)).toEqual(expected);
  });
});
