/**
 * The authenticator code's window (src/core/totp.ts): the current step and one either side (clock drift),
 * no more, so a code seen over a shoulder dies within a minute and a half (issue 29).
 */
import { describe, expect, it } from "vitest";
import { matchTotp, newTotpKey, TOTP_STEP_MS, totpAt } from "../../src/core/totp";

describe("matchTotp", () => {
  it("accepts the steps now-1, now and now+1; refuses two steps away either side", () => {
    const key = newTotpKey();
    const now = 1_800_000_000_000;
    const step = Math.floor(now / TOTP_STEP_MS);
    for (const offset of [-1, 0, 1]) expect(matchTotp(key, totpAt(key, step + offset), now)).toBe(step + offset);
    for (const offset of [-3, -2, 2, 3]) {
      const code = totpAt(key, step + offset);
      // A code of a far step can equal one inside the window by chance (1 in a million): not a refusal then.
      const inside = [-1, 0, 1].some((near) => totpAt(key, step + near) === code);
      if (!inside) expect(matchTotp(key, code, now)).toBeNull();
    }
  });

  it("refuses anything that is not six digits", () => {
    const key = newTotpKey();
    for (const typed of ["", "12345", "1234567", "abcdef"]) expect(matchTotp(key, typed, Date.now())).toBeNull();
  });
});
