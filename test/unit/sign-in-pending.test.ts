/**
 * The pending sign-in cookie's value: known answers (a browser holding one across a deploy must keep it),
 * and every alteration refused: another account, another credential version, a later expiry, a wrong MAC.
 */
import { describe, expect, it } from "vitest";
import {
  SIGN_IN_PENDING_MS,
  signInPendingKey,
  signSignInPending,
  verifySignInPending,
} from "../../src/core/sign-in-pending";

const PEPPER = "a-production-pepper-of-44-characters-0123456";
const KEY = signInPendingKey(PEPPER);
const USER = "blt0123456789abcdef01234567";
const OTHER_USER = "blt76543210fedcba9876543210";
/** 2026-01-02T03:04:05Z. */
const NOW = 1_767_323_045_000;
const PENDING = { userId: USER, credentialVersion: 7 };
/** Computed apart from the code under test: HMAC-SHA256(HMAC-SHA256(pepper, "sign-in-pending"), body). */
const KNOWN = "blt0123456789abcdef01234567.7.1767323345000.sZ1fSXoIo_nmo4URGhMSx4f5etQHVwCFqxtde-Hh4-A";

/** `value` with one part replaced, its MAC kept. */
function withPart(value: string, index: number, part: string): string {
  const parts = value.split(".");
  parts[index] = part;
  return parts.join(".");
}

describe("pending sign-in values", () => {
  it("are the known string for a fixed key, account, version and time", () => {
    expect(signSignInPending(KEY, PENDING, NOW)).toBe(KNOWN);
  });

  it("name their account and credential version until five minutes after `now`", () => {
    expect(SIGN_IN_PENDING_MS).toBe(5 * 60 * 1000);
    expect(verifySignInPending(KEY, KNOWN, NOW)).toEqual(PENDING);
    expect(verifySignInPending(KEY, KNOWN, NOW + 5 * 60 * 1000 - 1)).toEqual(PENDING);
  });

  it("are refused from the moment they expire", () => {
    expect(verifySignInPending(KEY, KNOWN, NOW + 5 * 60 * 1000)).toBeNull();
    expect(verifySignInPending(KEY, KNOWN, NOW + 60 * 60 * 1000)).toBeNull();
  });

  // Attack: a browser that proved its own password edits the cookie to skip to someone else's second step.
  it("are refused with another account's id in place of theirs", () => {
    expect(verifySignInPending(KEY, withPart(KNOWN, 0, OTHER_USER), NOW)).toBeNull();
  });

  // Attack: a cookie from before a password change, edited to claim the account's new credential version.
  it("are refused with a newer credential version in place of the old one", () => {
    expect(verifySignInPending(KEY, withPart(KNOWN, 1, "8"), NOW)).toBeNull();
  });

  it("are refused with a later expiry in place of theirs", () => {
    expect(verifySignInPending(KEY, withPart(KNOWN, 2, String(NOW + 60 * 60 * 1000)), NOW)).toBeNull();
  });

  it("are refused with a wrong MAC, or made under another key", () => {
    const tag = KNOWN.split(".")[3]!;
    const flipped = `${tag.slice(0, 42)}${tag.endsWith("A") ? "B" : "A"}`;
    expect(verifySignInPending(KEY, withPart(KNOWN, 3, flipped), NOW)).toBeNull();
    expect(verifySignInPending(signInPendingKey("another-pepper-of-forty-four-characters-xyz"), KNOWN, NOW)).toBeNull();
    expect(verifySignInPending(signInPendingKey(PEPPER).slice(1), KNOWN, NOW)).toBeNull();
  });

  it.each([
    undefined,
    "",
    "...",
    USER,
    KNOWN.slice(0, -1),
    `${KNOWN}.`,
    `${KNOWN}.extra`,
    ` ${KNOWN}`,
    withPart(KNOWN, 0, "user-1"),
    withPart(KNOWN, 1, "-1"),
    withPart(KNOWN, 1, "07"),
    withPart(KNOWN, 1, "7e0"),
    withPart(KNOWN, 2, "1767323345000.5"),
    withPart(KNOWN, 2, "Infinity"),
  ])("refuses the malformed %o", (value) => {
    expect(verifySignInPending(KEY, value, NOW)).toBeNull();
  });
});
