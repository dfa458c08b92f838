/**
 * A passkey as an account's only second factor (no authenticator app): turned on on /account with the
 * password and a passkey, recovery codes shown once; then sign-in's second step and the reset take a passkey
 * or a recovery code, the API's tfa_token a recovery code (else Contentstack's 294), and the last passkey
 * cannot be removed while it is the factor.
 */
import { describe, expect, it } from "vitest";
import { findUserById } from "../../src/storage/users";
import {
  api,
  auditTrail,
  BASE,
  json,
  NEW_PASSWORD,
  resetTokenFor,
  STRONG_PASSWORD,
  shardForUser,
  signUp,
  uniqueEmail,
  whoAmI,
} from "../helpers";
import { PageBrowser } from "../page-browser";
import { type CeremonyOptions, SoftwareAuthenticator } from "../support/software-authenticator";

/** Signs up, signs in with a browser and adds a passkey (two-factor off: the password alone). */
async function withPasskey(label: string) {
  const email = uniqueEmail(label);
  const { uid } = await signUp(email);
  const browser = new PageBrowser();
  expect((await browser.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
  const authenticator = await SoftwareAuthenticator.create(BASE);
  const handle = await addPasskey(browser, authenticator);
  return { email, uid, browser, authenticator, handle };
}

/** Adds a passkey on /account with the password (and `code` when two-factor is on); returns the user handle. */
async function addPasskey(browser: PageBrowser, authenticator: SoftwareAuthenticator, code = ""): Promise<string> {
  const options = await (await browser.request("/account/passkeys/options", {})).json<{
    challenge: string;
    userId: string;
  }>();
  const credential = JSON.stringify(await authenticator.register(options.challenge));
  const added = await browser.request("/account/passkeys/add", { password: STRONG_PASSWORD, code, credential });
  expect(added.status).toBe(303);
  return options.userId;
}

/** An assertion for the challenge `optionsUrl` gives this browser. */
async function assertion(
  browser: PageBrowser,
  optionsUrl: string,
  authenticator: SoftwareAuthenticator,
  handle: string,
  ceremony: CeremonyOptions = {},
): Promise<string> {
  const options = await browser.request(optionsUrl, {});
  expect(options.status).toBe(200);
  const { challenge } = await options.json<{ challenge: string }>();
  return JSON.stringify(await authenticator.assert(challenge, handle, ceremony));
}

/** Turns two-factor on with the passkey: the answer (the recovery codes page on success). */
async function turnOn(
  account: Awaited<ReturnType<typeof withPasskey>>,
  { password = STRONG_PASSWORD, ceremony = {} }: { password?: string; ceremony?: CeremonyOptions } = {},
): Promise<Response> {
  const { browser, authenticator, handle } = account;
  const credential = await assertion(browser, "/account/two-factor/passkey-options", authenticator, handle, ceremony);
  return browser.request("/account/two-factor/passkey", { factor_password: password, credential });
}

function recoveryCodesIn(html: string): string[] {
  return /<pre id="recovery-codes" class="codes">([^<]*)<\/pre>/.exec(html)![1]!.trim().split("\n");
}

/** An account whose only second factor is a passkey, and its recovery codes. */
async function passkeyOnly(label: string) {
  const account = await withPasskey(label);
  const on = await turnOn(account);
  expect(on.status).toBe(200);
  return { ...account, codes: recoveryCodesIn(await on.text()) };
}

function apiSignIn(email: string, tfa_token?: string) {
  return api("/v3/user-session", {
    body: { user: { email, password: STRONG_PASSWORD, ...(tfa_token === undefined ? {} : { tfa_token }) } },
  });
}

describe("turning two-factor on with a passkey", () => {
  it("the password and a passkey: on with no app key, recovery codes shown once, /account says so", async () => {
    const account = await withPasskey("pkf-on");
    expect(await (await account.browser.request("/account")).text()).toContain("Turn on with a passkey");
    const on = await turnOn(account);
    expect(on.status).toBe(200);
    const html = await on.text();
    expect(html).toContain("From now on, signing in asks for one of your passkeys.");
    expect(recoveryCodesIn(html)).toHaveLength(10);
    const user = (await findUserById(shardForUser(account.uid), account.uid))!;
    expect(user.totpEnabledAt).not.toBeNull();
    expect(user.totpSecret).toBeNull();
    const page = await (await account.browser.request("/account")).text();
    expect(page).toContain("Your second factor is a passkey.");
    expect(page).toContain("10 of 10 recovery codes left.");
    expect(await auditTrail(account.uid, "two_factor_enabled")).toHaveLength(1);
  });

  it("GET /v3/user's copy shows D1's new updated_at after turning it on", async () => {
    const account = await withPasskey("pkf-copy");
    // The browser's own session: turning two-factor on ends every other one.
    const token = decodeURIComponent(account.browser.cookies.get("__Host-session")!);
    const before = (await json(await whoAmI(token))).user;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await turnOn(account)).status).toBe(200);
    const fresh = (await findUserById(shardForUser(account.uid), account.uid))!;
    const after = (await json(await whoAmI(token))).user;
    expect(after.updated_at).toBe(fresh.updatedAt);
    expect(after.updated_at > before.updated_at).toBe(true);
  });

  it("422: a wrong password turns nothing on", async () => {
    const account = await withPasskey("pkf-wrong-password");
    expect((await turnOn(account, { password: "not the password at all" })).status).toBe(422);
    expect((await findUserById(shardForUser(account.uid), account.uid))!.totpEnabledAt).toBeNull();
  });

  it("422: a passkey without user verification turns nothing on", async () => {
    const account = await withPasskey("pkf-no-uv");
    expect((await turnOn(account, { ceremony: { userVerified: false } })).status).toBe(422);
    expect((await findUserById(shardForUser(account.uid), account.uid))!.totpEnabledAt).toBeNull();
  });

  it("422: an assertion for another purpose's challenge (a removal's) does not turn it on", async () => {
    const account = await withPasskey("pkf-purpose");
    const { browser, authenticator, handle } = account;
    const credential = await assertion(browser, "/account/passkeys/check", authenticator, handle);
    const refused = await browser.request("/account/two-factor/passkey", {
      factor_password: STRONG_PASSWORD,
      credential,
    });
    expect(refused.status).toBe(422);
    expect((await findUserById(shardForUser(account.uid), account.uid))!.totpEnabledAt).toBeNull();
  });

  it("an account with no passkey is not offered it; already on: back to /account, no new codes", async () => {
    const email = uniqueEmail("pkf-none");
    await signUp(email);
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    expect(await (await browser.request("/account")).text()).not.toContain("Turn on with a passkey");
    const account = await passkeyOnly("pkf-twice");
    expect((await turnOn(account)).headers.get("location")).toBe("/account#two-factor");
    expect((await account.browser.request("/account/two-factor")).headers.get("location")).toBe("/account#two-factor");
  });
});

describe("signing in to a passkey-only account", () => {
  it("the password alone does not sign in: the second step, passed by the passkey", async () => {
    const { email, authenticator, handle } = await passkeyOnly("pkf-sign-in");
    const browser = new PageBrowser();
    const first = await browser.request("/login", { email, password: STRONG_PASSWORD });
    expect(first.headers.get("location")).toBe("/login/two-factor");
    expect(browser.cookies.has("__Host-session")).toBe(false);
    const credential = await assertion(browser, "/login/two-factor/passkey-options", authenticator, handle);
    const done = await browser.request("/login/two-factor/passkey", { credential });
    expect(done.headers.get("location")).toBe("/account");
    expect(await (await browser.request("/account")).text()).toContain("with a password and a passkey");
  });

  it("a 6-digit code is a wrong one (422, no 503); a recovery code passes", async () => {
    const { email, codes } = await passkeyOnly("pkf-codes");
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    expect((await browser.request("/login/two-factor", { code: "123456" })).status).toBe(422);
    const done = await browser.request("/login/two-factor", { code: codes[0]! });
    expect(done.headers.get("location")).toBe("/account");
  });

  it("the API: 294 without tfa_token or with a 6-digit code; 200 with a recovery code", async () => {
    const { email, codes } = await passkeyOnly("pkf-api");
    for (const tfa of [undefined, "123456"]) {
      const refused = await apiSignIn(email, tfa);
      expect(refused.status).toBe(401);
      expect((await json(refused)).error_code).toBe(294);
    }
    const signedIn = await apiSignIn(email, codes[1]!);
    expect(signedIn.status).toBe(200);
    expect((await json(signedIn)).user.authtoken).toBeTruthy();
  });

  it("the reset asks for a code or a passkey, and the passkey passes it", async () => {
    const { email, authenticator, handle } = await passkeyOnly("pkf-reset");
    const reader = new PageBrowser();
    expect((await reader.request(`/reset-password?token=${await resetTokenFor(email)}`)).status).toBe(303);
    expect(await (await reader.request("/reset-password")).text()).toContain("data-passkey-check");
    const credential = await assertion(reader, "/reset-password/second-factor/passkey-options", authenticator, handle);
    const passed = await reader.request("/reset-password/second-factor/passkey", { credential });
    expect(passed.headers.get("location")).toBe("/reset-password");
    const form = { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD };
    expect((await reader.request("/reset-password", form)).headers.get("location")).toBe("/login?notice=reset");
  });
});

describe("the last passkey of a passkey-only account", () => {
  it("422: its removal is refused (by passkey or by password and recovery code); the passkey stays", async () => {
    const { browser, authenticator, handle, codes, uid } = await passkeyOnly("pkf-last");
    const [{ id }] = (await listPasskeys(browser)) as [{ id: string }];
    const credential = await assertion(browser, "/account/passkeys/check", authenticator, handle);
    const byPasskey = await browser.request("/account/passkeys/remove", { id, credential });
    expect(byPasskey.status).toBe(422);
    expect(await byPasskey.text()).toContain("This passkey is your only second factor.");
    const byPassword = await browser.request("/account/passkeys/remove", {
      id,
      password: STRONG_PASSWORD,
      code: codes[0]!,
    });
    expect(byPassword.status).toBe(422);
    expect(await listPasskeys(browser)).toHaveLength(1);
    expect(await auditTrail(uid, "passkey_removed")).toHaveLength(0);
  });

  it("with a second passkey, one can go; turned off (a recovery code), the last can go too", async () => {
    const { browser, codes } = await passkeyOnly("pkf-second");
    const other = await SoftwareAuthenticator.create(BASE);
    await addPasskey(browser, other, codes[0]!);
    const [first, second] = (await listPasskeys(browser)) as [{ id: string }, { id: string }];
    const removed = await browser.request("/account/passkeys/remove", {
      id: first.id,
      password: STRONG_PASSWORD,
      code: codes[1]!,
    });
    expect(removed.headers.get("location")).toBe("/account?done=passkey_removed#passkeys");
    const off = await browser.request("/account/two-factor/off", {
      off_password: STRONG_PASSWORD,
      off_code: codes[2]!,
    });
    expect(off.headers.get("location")).toBe("/account?done=two_factor_off");
    const last = await browser.request("/account/passkeys/remove", {
      id: second.id,
      password: STRONG_PASSWORD,
      code: "",
    });
    expect(last.headers.get("location")).toBe("/account?done=passkey_removed#passkeys");
  });

  it("new recovery codes with a recovery code: the old ones stop working", async () => {
    const { browser, email, codes } = await passkeyOnly("pkf-new-codes");
    const fresh = await browser.request("/account/two-factor/recovery-codes", {
      regen_password: STRONG_PASSWORD,
      recovery_code: codes[0]!,
    });
    expect(fresh.status).toBe(200);
    const newCodes = recoveryCodesIn(await fresh.text());
    expect((await apiSignIn(email, codes[1]!)).status).toBe(401);
    expect((await apiSignIn(email, newCodes[0]!)).status).toBe(200);
  });
});

/** The passkeys /account lists, by their ids. */
async function listPasskeys(browser: PageBrowser): Promise<{ id: string }[]> {
  const html = await (await browser.request("/account")).text();
  return [...html.matchAll(/data-passkey="([^"]+)"/g)].map((m) => ({ id: m[1]! }));
}
