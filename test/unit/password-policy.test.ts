import { describe, expect, it } from "vitest";
import { checkPassword, checkPasswordLocally, describePasswordProblem } from "../../src/domain/password-policy";

const options = { minLength: 15, email: "ada@example.com" };

describe("password policy (NIST SP 800-63B rev 4)", () => {
  it("counts Unicode code points after NFKC: 15 characters pass, 14 do not", () => {
    expect(checkPasswordLocally("a".repeat(7) + "b".repeat(7), options)).toBe("too_short");
    expect(checkPasswordLocally("violet-harbour-", options)).toBeNull();
    expect(checkPasswordLocally("🦊🌲🏔️🌊🦉🍂🌙⭐🐝🌻🦋🍄🐚🌵🪐", options)).toBeNull();
  });

  it("allows 256 characters and refuses 257", () => {
    const long = "violet harbour lantern ".repeat(12).slice(0, 256);
    expect(checkPasswordLocally(long, options)).toBeNull();
    expect(checkPasswordLocally(`${long}x`, options)).toBe("too_long");
  });

  it("has no composition rules: lower-case words with spaces are fine", () => {
    expect(checkPasswordLocally("correct horse battery staple", options)).toBeNull();
  });

  it("refuses the email itself, in any case", () => {
    expect(checkPasswordLocally("Ada@Example.com", { minLength: 8, email: "ada@example.com" })).toBe("matches_email");
  });

  it("refuses listed passwords when the minimum is lowered", () => {
    expect(checkPasswordLocally("iloveyou", { minLength: 8, email: "" })).toBe("common");
    expect(checkPasswordLocally("PASSWORD", { minLength: 8, email: "" })).toBe("common");
  });

  it.each([
    ["aaaaaaaaaaaaaaaa", "one character repeated"],
    ["abababababababab", "two characters alternating"],
    ["passwordpassword", "a common password twice"],
    ["abcabcabcabcabc1", "not a pure repeat, but padded"],
    ["123456789012345", "a digit run"],
    ["qwertyuiopqwert", "a keyboard row"],
    ["zyxwvutsrqponmlk", "the alphabet backwards"],
    ["password1234567890", "a common word padded with a run"],
    ["dragon!!!!!!!!!!", "a common word padded with a repeat"],
    ["1234567890monkey", "a run before a common word"],
  ])("refuses %s (%s)", (password) => {
    expect(checkPasswordLocally(password, options)).toBe("common");
  });

  it.each([
    "violet-harbour-lantern-47",
    "dragon fruit smoothie",
    "password manager in use",
    "my monkey is called 8427",
  ])("accepts %s", (password) => {
    expect(checkPasswordLocally(password, options)).toBeNull();
  });

  it("gives a reason for every problem", () => {
    for (const problem of [
      "too_short",
      "too_long",
      "common",
      "matches_email",
      "breached",
      "breach_check_unavailable",
    ] as const) {
      expect(describePasswordProblem(problem, 15).length).toBeGreaterThan(10);
    }
  });

  describe("Have I Been Pwned range check", () => {
    const hibpOptions = (fetchImpl: typeof fetch, failOpen = true) => ({
      ...options,
      hibp: { enabled: true, failOpen, apiUrl: "https://api.pwnedpasswords.com", fetch: fetchImpl },
    });

    it("sends only the first 5 hex characters of the SHA-1 and refuses a listed suffix", async () => {
      const urls: string[] = [];
      // SHA-1("violet-harbour-lantern-47") computed by the same code path; we answer with its suffix.
      const digest = [
        ...new Uint8Array(await crypto.subtle.digest("SHA-1", new TextEncoder().encode("violet-harbour-lantern-47"))),
      ]
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("")
        .toUpperCase();
      const fake = (async (url: string) => {
        urls.push(url);
        return new Response(`0000000000000000000000000000000000A:3\r\n${digest.slice(5)}:42\r\n`);
      }) as unknown as typeof fetch;
      expect(await checkPassword("violet-harbour-lantern-47", hibpOptions(fake))).toBe("breached");
      expect(urls).toEqual([`https://api.pwnedpasswords.com/range/${digest.slice(0, 5)}`]);
    });

    it("accepts a password whose suffix is absent, or listed with count 0 (padding)", async () => {
      const fake = (async () => new Response("0000000000000000000000000000000000A:0\r\n")) as unknown as typeof fetch;
      expect(await checkPassword("violet-harbour-lantern-47", hibpOptions(fake))).toBeNull();
    });

    it("fails open or closed as configured when the service is down", async () => {
      const down = (async () => new Response("", { status: 503 })) as unknown as typeof fetch;
      expect(await checkPassword("violet-harbour-lantern-47", hibpOptions(down, true))).toBeNull();
      expect(await checkPassword("violet-harbour-lantern-47", hibpOptions(down, false))).toBe(
        "breach_check_unavailable",
      );
    });
  });
});
