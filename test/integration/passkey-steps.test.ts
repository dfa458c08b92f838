/**
 * A passkey in place of the 6-digit code: sign-in's second step and the reset's, through the pages as the
 * script drives them. User verification is required there (a password and a passkey are two factors), and
 * a challenge of one step cannot stand in for another's.
 */
import { describe, expect, it } from "vitest";
import { BASE, NEW_PASSWORD, resetTokenFor, STRONG_PASSWORD } from "../helpers";
import { codeAt, enrolled, PageBrowser } from "../page-browser";
import { type CeremonyOptions, SoftwareAuthenticator } from "../support/software-authenticator";

/** An account with two-factor on and a passkey added on /account (password and code). */
async function withPasskey(label: string) {
  const account = await enrolled(label);
  const authenticator = await SoftwareAuthenticator.create(BASE);
  const options = await (await account.browser.request("/account/passkeys/options", {})).json<{
    challenge: string;
    userId: string;
  }>();
  const credential = JSON.stringify(await authenticator.register(options.challenge));
  const form = { password: STRONG_PASSWORD, code: codeAt(account.key), credential };
  expect((await account.browser.request("/account/passkeys/add", form)).status).toBe(303);
  return { ...account, authenticator, handle: options.userId };
}

/** The step's passkey button: its options, the authenticator, the step's form. */
async function passkeyStep(
  browser: PageBrowser,
  step: "/login/two-factor" | "/reset-password/second-factor",
  authenticator: SoftwareAuthenticator,
  handle: string,
  ceremony: CeremonyOptions = {},
) {
  const options = await browser.request(`${step}/passkey-options`, {});
  expect(options.status).toBe(200);
  const { challenge } = await options.json<{ challenge: string }>();
  const assertion = await authenticator.assert(challenge, handle, ceremony);
  return browser.request(`${step}/passkey`, { credential: JSON.stringify(assertion) });
}

describe("sign-in's second step with a passkey", () => {
  it("the right password, then a passkey instead of the code: signed in, the session says how", async () => {
    const { email, authenticator, handle } = await withPasskey("pk-step");
    const browser = new PageBrowser();
    expect((await browser.request("/login", { email, password: STRONG_PASSWORD })).headers.get("location")).toBe(
      "/login/two-factor",
    );
    expect(await (await browser.request("/login/two-factor")).text()).toContain("data-passkey-check");
    const done = await passkeyStep(browser, "/login/two-factor", authenticator, handle);
    expect(done.headers.get("location")).toBe("/account");
    expect(await (await browser.request("/account")).text()).toContain("with a password and a passkey");
  });

  it("422: a passkey without user verification is not a second factor", async () => {
    const { email, authenticator, handle } = await withPasskey("pk-step-uv");
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    const refused = await passkeyStep(browser, "/login/two-factor", authenticator, handle, { userVerified: false });
    expect(refused.status).toBe(422);
    expect(browser.cookies.has("__Host-session")).toBe(false);
  });

  it("401: no challenge without the right password first (no pending sign-in)", async () => {
    const browser = new PageBrowser();
    expect((await browser.request("/login/two-factor/passkey-options", {})).status).toBe(401);
  });

  it("422: an assertion for another step's challenge (the reset's) does not pass this one", async () => {
    const { email, authenticator, handle } = await withPasskey("pk-step-purpose");
    const reader = new PageBrowser();
    expect((await reader.request(`/reset-password?token=${await resetTokenFor(email)}`)).status).toBe(303);
    const { challenge } = await (await reader.request("/reset-password/second-factor/passkey-options", {})).json<{
      challenge: string;
    }>();
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    const assertion = await authenticator.assert(challenge, handle);
    const refused = await browser.request("/login/two-factor/passkey", { credential: JSON.stringify(assertion) });
    expect(refused.status).toBe(422);
  });
});

describe("the reset with a passkey", () => {
  it("a code or a passkey: the passkey passes the step, and the new password is set", async () => {
    const { email, authenticator, handle, browser } = await withPasskey("pk-reset");
    const reader = new PageBrowser();
    expect((await reader.request(`/reset-password?token=${await resetTokenFor(email)}`)).status).toBe(303);
    expect(await (await reader.request("/reset-password")).text()).toContain("data-passkey-check");
    const passed = await passkeyStep(reader, "/reset-password/second-factor", authenticator, handle);
    expect(passed.headers.get("location")).toBe("/reset-password");
    const form = { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD };
    expect((await reader.request("/reset-password", form)).headers.get("location")).toBe("/login?notice=reset");
    expect((await browser.request("/account")).headers.get("location")).toMatch(/^\/login/);
  });

  it("401: a forged or dead link gets no challenge (and stores nothing)", async () => {
    const reader = new PageBrowser();
    reader.cookies.set("__Host-reset_token", "blt0123456789abcdef01234567.not-a-secret");
    expect((await reader.request("/reset-password/second-factor/passkey-options", {})).status).toBe(401);
  });
});
