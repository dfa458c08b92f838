/** Session tokens: "<userId>.<secret>", and only the SHA-256 of the secret is ever stored. */
import { describe, expect, it } from "vitest";
import { hashSecret } from "../../src/core/secrets";
import { createSessionToken, parseSessionToken } from "../../src/core/session-token";

const USER = "blt0123456789abcdef01234567";

describe("session tokens", () => {
  it("a minted token parses back to its user and the stored id, which is the SHA-256 of the secret", () => {
    const { token, sessionId } = createSessionToken(USER);
    expect(token).toMatch(/^blt0123456789abcdef01234567\.[A-Za-z0-9_-]{32}$/);
    const secret = token.split(".")[1]!;
    expect(sessionId).toBe(hashSecret(secret));
    expect(parseSessionToken(token)).toEqual({ userId: USER, sessionId });
  });

  it("two tokens for one user never share a secret", () => {
    expect(createSessionToken(USER).token).not.toBe(createSessionToken(USER).token);
  });

  it("a known token parses to its known hash", () => {
    const token = `${USER}.${"A".repeat(32)}`;
    expect(parseSessionToken(token)).toEqual({ userId: USER, sessionId: hashSecret("A".repeat(32)) });
  });

  // Anything malformed is refused before it can address a Durable Object.
  it.each([
    undefined,
    null,
    "",
    USER,
    `${USER}.`,
    `${USER}.${"A".repeat(31)}`,
    `${USER}.${"A".repeat(33)}`,
    `${USER}.${"A".repeat(31)}+`,
    `BLT0123456789ABCDEF01234567.${"A".repeat(32)}`,
    `blt0123456789abcdef0123456.${"A".repeat(32)}`,
    ` ${USER}.${"A".repeat(32)}`,
  ])("refuses %o", (token) => {
    expect(parseSessionToken(token)).toBeNull();
  });

  it("refuses to mint a token for a malformed user id", () => {
    expect(() => createSessionToken("user-1")).toThrow(TypeError);
  });
});
