/** Session tokens: "<userId>.<secret>.<mac>"; only the SHA-256 of the secret is stored, and forgeries parse to null. */
import { describe, expect, it } from "vitest";
import { hashSecret } from "../../src/core/secrets";
import { createSessionToken, parseSessionToken } from "../../src/core/session-token";

const USER = "blt0123456789abcdef01234567";
const PEPPER = "a-production-pepper-of-44-characters-0123456";

describe("session tokens", () => {
  it("a minted token parses back to its user and the stored id, which is the SHA-256 of the secret", () => {
    const { token, sessionId } = createSessionToken(USER, PEPPER);
    expect(token).toMatch(/^blt0123456789abcdef01234567\.[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{22}$/);
    const secret = token.split(".")[1]!;
    expect(sessionId).toBe(hashSecret(secret));
    expect(parseSessionToken(token, PEPPER)).toEqual({ userId: USER, sessionId });
  });

  it("two tokens for one user never share a secret", () => {
    expect(createSessionToken(USER, PEPPER).token).not.toBe(createSessionToken(USER, PEPPER).token);
  });

  // Attack: made-up tokens that cost a Durable Object call and a D1 query each.
  it("a token whose MAC does not match, or was made under another key, is refused", () => {
    const { token } = createSessionToken(USER, PEPPER);
    const [user, secret, mac] = token.split(".") as [string, string, string];
    expect(parseSessionToken(token, "another-pepper-of-forty-four-characters-xyz")).toBeNull();
    expect(
      parseSessionToken(`${user}.${secret}.${mac.slice(0, 21)}${mac.endsWith("A") ? "B" : "A"}`, PEPPER),
    ).toBeNull();
    expect(parseSessionToken(`blt${"f".repeat(24)}.${secret}.${mac}`, PEPPER)).toBeNull();
    expect(parseSessionToken(`${user}.${"A".repeat(32)}.${mac}`, PEPPER)).toBeNull();
    // A token from before the MAC (two parts) is refused too: everyone signed in once more.
    expect(parseSessionToken(`${user}.${secret}`, PEPPER)).toBeNull();
  });

  // Anything malformed is refused before it can address a Durable Object.
  it.each([
    undefined,
    null,
    "",
    USER,
    `${USER}.`,
    `${USER}.${"A".repeat(31)}.${"A".repeat(22)}`,
    `${USER}.${"A".repeat(32)}.${"A".repeat(21)}`,
    `BLT0123456789ABCDEF01234567.${"A".repeat(32)}.${"A".repeat(22)}`,
    ` ${USER}.${"A".repeat(32)}.${"A".repeat(22)}`,
  ])("refuses %o", (token) => {
    expect(parseSessionToken(token, PEPPER)).toBeNull();
  });

  it("refuses to mint a token for a malformed user id", () => {
    expect(() => createSessionToken("user-1", PEPPER)).toThrow(TypeError);
  });
});
