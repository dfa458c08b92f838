// Requirements of NIST SP 800-63B rev 4 that the service meets and no flow's own test held; each test is named
// in docs/nist-800-63b.md (scripts/check-nist-table.mjs fails the lint if one is renamed or removed).
import { describe, expect, it, vi } from "vitest";
import { newTotpKey } from "../../src/core/totp";
import { DAY, signIn, signUp, uniqueEmail } from "../helpers";
import { PageBrowser } from "../page-browser";

const YEAR = 365 * DAY;

/** The bytes a base64url text stands for, as Latin-1 text ("" when it is no base64url). */
function base64urlText(part: string): string {
  try {
    return atob(part.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return "";
  }
}

/** A browser that signed up and signed in on the pages, with its session and device cookies. */
async function signedInBrowser(email: string, password: string): Promise<PageBrowser> {
  await signUp(email, password);
  const browser = new PageBrowser();
  const response = await browser.request("/login", { email, password });
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe("/account");
  expect(browser.cookies.has("__Host-session")).toBe(true);
  expect(browser.cookies.has("__Host-device")).toBe(true);
  return browser;
}

describe("passwords (section 3.1.1)", () => {
  it("a password three years old still signs in, and nothing asks for a new one (no periodic change)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2031, 0, 1));
    const email = uniqueEmail("aged");
    const password = "aged-walnut-meadow-lantern";
    await signedInBrowser(email, password);

    vi.setSystemTime(Date.UTC(2031, 0, 1) + 3 * YEAR);
    expect((await signIn(email, password)).status).toBe(200);
    const browser = new PageBrowser();
    const response = await browser.request("/login", { email, password });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/account");
  });

  it("a 256-character password is verified whole: the same with its last character changed is refused", async () => {
    const email = uniqueEmail("whole");
    const password = `${"lantern orchard harbour ".repeat(10)}violet-copper-47`;
    expect([...password]).toHaveLength(256);
    await signUp(email, password);
    const lastChanged = `${password.slice(0, -1)}y`;
    expect((await signIn(email, lastChanged)).status).toBe(422);
    expect((await signIn(email, password)).status).toBe(200);
  });

  it("the forms let a password manager fill them, say the policy in words, block no paste, and take long passwords", async () => {
    const signUpPage = await (await new PageBrowser().request("/signup")).text();
    expect(signUpPage).toContain('autocomplete="new-password"');
    expect(signUpPage).toContain("Long phrases are good; no other rules.");
    const signInPage = await (await new PageBrowser().request("/login")).text();
    expect(signInPage).toContain('autocomplete="current-password"');
    for (const html of [signUpPage, signInPage]) {
      expect(html).not.toMatch(/autocomplete="off"|onpaste|oncopy|ondrop/i);
      const passwordInputs = html.match(/<input[^>]*type="password"[^>]*>/g) ?? [];
      expect(passwordInputs.length).toBeGreaterThan(0);
      for (const input of passwordInputs) expect(input).toContain('maxlength="1024"');
    }
  });
});

describe("sessions (section 5.1)", () => {
  it("a device cookie alone is no session: /account sends the browser to sign in, and the password is still asked", async () => {
    const email = uniqueEmail("remembered");
    const password = "remembered-browser-copper-kettle";
    const browser = await signedInBrowser(email, password);
    browser.cookies.delete("__Host-session");

    const account = await browser.request("/account");
    expect(account.status).toBe(303);
    expect(account.headers.get("location")).toMatch(/^\/login/);
    const wrong = await browser.request("/login", { email, password: "not-the-password-at-all-9" });
    expect(wrong.status).not.toBe(303);
    expect(browser.cookies.has("__Host-session")).toBe(false);
  });

  it("no cookie the pages set carries the email address, in any spelling", async () => {
    const email = uniqueEmail("cookies");
    const browser = await signedInBrowser(email, "cookie-jar-without-names-17");
    await browser.request("/account?lang=fr");
    const local = email.split("@")[0]!.toLowerCase();
    expect([...browser.cookies.keys()].sort()).toEqual(["__Host-device", "__Host-lang", "__Host-session"]);
    for (const [name, value] of browser.cookies) {
      // As written, and each dot-separated part read as base64url: neither spells the address.
      const readings = [value, ...value.split(".").map(base64urlText)];
      for (const reading of readings) expect(reading.toLowerCase(), name).not.toContain(local);
    }
  });
});

describe("authenticator app codes (section 3.1.4)", () => {
  it("each new authenticator key is 160 random bits, and no two are alike", () => {
    const keys = Array.from({ length: 100 }, () => newTotpKey());
    for (const key of keys) expect(key.byteLength * 8).toBe(160);
    expect(new Set(keys.map((key) => key.join(","))).size).toBe(100);
  });
});
