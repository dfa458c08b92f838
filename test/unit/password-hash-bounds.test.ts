/**
 * A stored hash is parsed before it is used (src/core/password-hash.ts): one that names more iterations
 * than the Workers runtime derives, or none, is refused as no match instead of failing every sign-in of
 * that account with a fault (issue 29).
 */
import { describe, expect, it } from "vitest";
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "../../src/core/password-hash";

describe("verifyPassword on a stored hash outside the bounds", () => {
  it("iterations above the cap, or zero: refused, not derived", async () => {
    const stored = await hashPassword("a password of some length", null);
    for (const iterations of [PBKDF2_ITERATIONS + 1, 0]) {
      const altered = stored.replace(/i=\d+/, `i=${iterations}`);
      expect(altered).not.toBe(stored);
      expect((await verifyPassword("a password of some length", altered, null)).valid).toBe(false);
    }
  });
});
