/** The signed links of the recovery flows (core/notice-link.ts): round trip, purpose, forgery. */
import { describe, expect, it } from "vitest";
import { readNoticeLink, signNoticeLink } from "../../src/core/notice-link";

const USER = `blt${"0".repeat(24)}`;
const link = { purpose: "r" as const, userId: USER, issuedAt: 1_800_000_000_000, changeId: "abc_DEF-123" };

describe("notice links", () => {
  it("reads back what it signed, and nothing else", () => {
    const token = signNoticeLink("pepper", link);
    expect(readNoticeLink("pepper", "r", token)).toEqual(link);
    const wasntMe = signNoticeLink("pepper", { ...link, purpose: "w", changeId: null });
    expect(readNoticeLink("pepper", "w", wasntMe)).toEqual({ ...link, purpose: "w", changeId: null });
  });

  it("is refused for another purpose: a revert link cannot confirm a change", () => {
    expect(readNoticeLink("pepper", "c", signNoticeLink("pepper", link))).toBeNull();
  });

  it("is refused with another account, another time, another change or another key", () => {
    const token = signNoticeLink("pepper", link);
    const other = `blt${"1".repeat(24)}`;
    expect(readNoticeLink("pepper", "r", token.replace(USER, other))).toBeNull();
    expect(readNoticeLink("pepper", "r", token.replace("1800000000000", "1900000000000"))).toBeNull();
    expect(readNoticeLink("pepper", "r", token.replace("abc_DEF-123", "abc_DEF-124"))).toBeNull();
    expect(readNoticeLink("other pepper", "r", token)).toBeNull();
    expect(readNoticeLink("pepper", "r", undefined)).toBeNull();
    expect(readNoticeLink("pepper", "r", `${token}x`)).toBeNull();
  });

  it("keeps its format (links already in mailboxes must keep parsing)", () => {
    expect(signNoticeLink(null, { purpose: "w", userId: USER, issuedAt: 0, changeId: null })).toMatch(
      new RegExp(`^w\\.${USER}\\.0\\.-\\.[A-Za-z0-9_-]{22}$`),
    );
  });
});
