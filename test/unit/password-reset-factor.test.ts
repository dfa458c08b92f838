/**
 * The reset's second-factor cookie value: known answers (a browser holding one across a deploy must keep
 * it), and every alteration refused: another link, a later expiry, a wrong MAC, anything malformed.
 */
import { describe, expect, it } from "vitest";
import {
  RESET_FACTOR_MS,
  resetFactorKey,
  signResetFactor,
  verifyResetFactor,
} from "../../src/core/password-reset-factor";

const PEPPER = "a-production-pepper-of-44-characters-0123456";
const KEY = resetFactorKey(PEPPER);
const TOKEN = `blt0123456789abcdef01234567.${"A".repeat(43)}`;
const OTHER_TOKEN = `blt76543210fedcba9876543210.${"A".repeat(43)}`;
/** 2026-01-02T03:04:05Z. */
const NOW = 1_767_323_045_000;
/** Computed apart from the code under test: HMAC-SHA256(HMAC-SHA256(pepper, "reset-second-factor"), "<token>.<expiry>"). */
const KNOWN = "1767323645000.e6CbuKKXhxQDV_S1nJsDjzZExfxDzdTZP6Ld5G27LaQ";

describe("reset factor values", () => {
  it("are the known string for a fixed key, link and time", () => {
    expect(signResetFactor(KEY, TOKEN, NOW)).toBe(KNOWN);
  });

  it("hold for their link until ten minutes after `now`", () => {
    expect(RESET_FACTOR_MS).toBe(10 * 60 * 1000);
    expect(verifyResetFactor(KEY, TOKEN, KNOWN, NOW)).toBe(true);
    expect(verifyResetFactor(KEY, TOKEN, KNOWN, NOW + 10 * 60 * 1000 - 1)).toBe(true);
  });

  it("are refused from the moment they expire", () => {
    expect(verifyResetFactor(KEY, TOKEN, KNOWN, NOW + 10 * 60 * 1000)).toBe(false);
  });

  // Attack: a code typed for one's own link, carried over to another account's link in the same browser.
  it("are refused for another link, even one of the same account", () => {
    expect(verifyResetFactor(KEY, OTHER_TOKEN, KNOWN, NOW)).toBe(false);
    expect(verifyResetFactor(KEY, `blt0123456789abcdef01234567.${"B".repeat(43)}`, KNOWN, NOW)).toBe(false);
  });

  it("are refused with a later expiry in place of theirs", () => {
    const [, tag] = KNOWN.split(".");
    expect(verifyResetFactor(KEY, TOKEN, `${NOW + 60 * 60 * 1000}.${tag}`, NOW)).toBe(false);
  });

  it("are refused with a wrong MAC, or made under another key", () => {
    const [expiresAt, tag] = KNOWN.split(".") as [string, string];
    const flipped = `${tag.slice(0, 42)}${tag.endsWith("A") ? "B" : "A"}`;
    expect(verifyResetFactor(KEY, TOKEN, `${expiresAt}.${flipped}`, NOW)).toBe(false);
    expect(verifyResetFactor(resetFactorKey("another-pepper-of-forty-four-characters-xyz"), TOKEN, KNOWN, NOW)).toBe(
      false,
    );
  });

  it.each([
    undefined,
    "",
    ".",
    KNOWN.slice(0, -1),
    `${KNOWN}.`,
    `${KNOWN}.extra`,
    ` ${KNOWN}`,
    `x${KNOWN}`,
    `1767323645000.5.${KNOWN.split(".")[1]}`,
  ])("refuses the malformed %o", (value) => {
    expect(verifyResetFactor(KEY, TOKEN, value, NOW)).toBe(false);
  });
});
