/**
 * Passkeys through the pages, as the browser script drives them (test/support/software-authenticator.ts
 * plays the authenticator): add on /account (password, and a code with two-factor on), sign in without an
 * email, rename and remove; and the attacks: a replayed sign-in, a challenge used twice or by another
 * browser, a password lock that must not keep a passkey out.
 */
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { sessionRegistry } from "../../src/durable/session-registry";
import { findUserById } from "../../src/storage/users";
import {
  auditTrail,
  BASE,
  mailbox,
  NEW_PASSWORD,
  resetTokenFor,
  STRONG_PASSWORD,
  shardForUser,
  signUp,
  uniqueEmail,
} from "../helpers";
import { codeAt, enrolled, PageBrowser } from "../page-browser";
import { SoftwareAuthenticator } from "../support/software-authenticator";

async function signedIn(label: string): Promise<{ email: string; uid: string; browser: PageBrowser }> {
  const email = uniqueEmail(label);
  const { uid } = await signUp(email);
  const browser = new PageBrowser();
  expect((await browser.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
  return { email, uid, browser };
}

/** What the script does on /account: options, the authenticator, the form with the password. */
async function addPasskey(browser: PageBrowser, authenticator: SoftwareAuthenticator, form: Record<string, string>) {
  const options = await (await browser.request("/account/passkeys/options", {})).json<{ challenge: string }>();
  const credential = JSON.stringify(await authenticator.register(options.challenge));
  return browser.request("/account/passkeys/add", { ...form, credential });
}

/** What the script does on /login: a challenge (and its cookie), the authenticator's assertion, the form. */
async function passkeySignIn(browser: PageBrowser, authenticator: SoftwareAuthenticator, uid: string) {
  const options = await (await browser.request("/login/passkey/options", {})).json<{
    challenge: string;
    rpId: string;
  }>();
  expect(options.rpId).toBe("accounts.example.test");
  const assertion = await authenticator.assert(options.challenge, handle(uid));
  return { assertion, response: await browser.request("/login/passkey", { credential: JSON.stringify(assertion) }) };
}

const handle = (uid: string) => btoa(uid).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

describe("passkeys on /account", () => {
  it("adds one named by the device after the password, lists it, renames and removes it; each change audited", async () => {
    const { email, uid, browser } = await signedIn("pk-add");
    const authenticator = await SoftwareAuthenticator.create(BASE);
    const added = await addPasskey(browser, authenticator, { password: STRONG_PASSWORD });
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toBe("/account?done=passkey_added#passkeys");
    const account = await (await browser.request("/account?done=passkey_added")).text();
    expect(account).toContain("Passkey added.");
    expect(account).toContain(`data-passkey="${authenticator.id}"`);
    const rename = await browser.request("/account/passkeys/rename", { id: authenticator.id, name: "Work laptop" });
    expect(rename.status).toBe(303);
    expect(await (await browser.request("/account")).text()).toContain('value="Work laptop"');
    const removed = await browser.request("/account/passkeys/remove", {
      id: authenticator.id,
      password: STRONG_PASSWORD,
    });
    expect(removed.status).toBe(303);
    expect(await (await browser.request("/account")).text()).not.toContain(`data-passkey="${authenticator.id}"`);
    expect(await auditTrail(uid, /passkey/)).toEqual(["passkey_added", "passkey_removed"]);
    // Each change is told to the owner through the registry's outbox: which passkey, when, from where.
    const mail = await vi.waitFor(
      async () => {
        await runDurableObjectAlarm(env.SESSION_REGISTRY.getByName(uid));
        const found = await mailbox(email);
        if (found.length < 2) throw new Error("not yet");
        return found;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(mail.map((m) => m.subject).sort()).toEqual([
      "A passkey was added to your account",
      "A passkey was removed from your account",
    ]);
    expect(mail.find((m) => m.subject.includes("removed"))!.text).toContain("The passkey: Work laptop");
    expect(mail[0]!.text).toContain("someone has your password");
  });

  it("422: a wrong password adds nothing (a stolen session alone cannot add a way in)", async () => {
    const { browser } = await signedIn("pk-wrong");
    const authenticator = await SoftwareAuthenticator.create(BASE);
    const refused = await addPasskey(browser, authenticator, { password: "not-the-password-at-all-1" });
    expect(refused.status).toBe(422);
    expect(await (await browser.request("/account")).text()).not.toContain("data-passkey=");
  });

  it("with two-factor on, adding one asks for a code as well", async () => {
    const { key, browser } = await enrolled("pk-2fa");
    const authenticator = await SoftwareAuthenticator.create(BASE);
    expect((await addPasskey(browser, authenticator, { password: STRONG_PASSWORD })).status).toBe(422);
    const added = await addPasskey(browser, authenticator, { password: STRONG_PASSWORD, code: codeAt(key) });
    expect(added.status).toBe(303);
  });

  it("403: another site's page cannot ask for a challenge", async () => {
    const { browser } = await signedIn("pk-origin");
    const response = await browser.request("/account/passkeys/options", {});
    expect(response.status).toBe(200);
    const headers = {
      origin: "https://evil.example",
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    };
    const cross = await (await import("cloudflare:workers")).exports.default.fetch(
      new Request(`${BASE}/account/passkeys/options`, { method: "POST", headers }),
    );
    expect(cross.status).toBe(403);
  });
});

describe("signing in with a passkey", () => {
  it("signs in without an email; the session says it was made with a passkey", async () => {
    const { uid, browser } = await signedIn("pk-sign-in");
    const authenticator = await SoftwareAuthenticator.create(BASE);
    expect((await addPasskey(browser, authenticator, { password: STRONG_PASSWORD })).status).toBe(303);
    const before = (await findUserById(shardForUser(uid), uid))!.lastLoginAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const other = new PageBrowser();
    const { response } = await passkeySignIn(other, authenticator, uid);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/account");
    const account = await (await other.request("/account")).text();
    expect(account).toContain("with a passkey");
    // The audit row and the last sign-in are one batch after the response.
    expect(await auditTrail(uid, "sign_in")).toHaveLength(2);
    expect((await findUserById(shardForUser(uid), uid))!.lastLoginAt! > before!).toBe(true);
  });

  it("the right passkey after a lock-down is told to choose a new password: no session, no failure counted", async () => {
    const { uid, browser } = await signedIn("pk-locked-down");
    const authenticator = await SoftwareAuthenticator.create(BASE);
    expect((await addPasskey(browser, authenticator, { password: STRONG_PASSWORD })).status).toBe(303);
    const now = Date.now();
    await sessionRegistry(env, uid).lockDown({ issuedAt: now }, now);
    const other = new PageBrowser();
    const { response } = await passkeySignIn(other, authenticator, uid);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?notice=locked_down");
    expect(other.cookies.get("__Host-session")).toBeUndefined();
    expect(await auditTrail(uid, "sign_in")).toHaveLength(1);
  });

  it("refuses a replayed assertion: its challenge was used, and a new one does not match it", async () => {
    const { uid, browser } = await signedIn("pk-replay");
    const authenticator = await SoftwareAuthenticator.create(BASE);
    await addPasskey(browser, authenticator, { password: STRONG_PASSWORD });
    const { assertion, response } = await passkeySignIn(new PageBrowser(), authenticator, uid);
    expect(response.status).toBe(303);
    // The attacker captured the assertion: with a fresh challenge cookie of their own, it answers the wrong one.
    const replayer = new PageBrowser();
    expect((await replayer.request("/login/passkey/options", {})).status).toBe(200);
    const replay = await replayer.request("/login/passkey", { credential: JSON.stringify(assertion) });
    expect(replay.headers.get("location")).toBe("/login?notice=passkey_refused");
    expect(replayer.cookies.has("__Host-session")).toBe(false);
  });

  it("a challenge works once: the second of two sends with its cookie is refused as expired", async () => {
    const { uid, browser } = await signedIn("pk-twice");
    const authenticator = await SoftwareAuthenticator.create(BASE, { countsSignatures: false });
    await addPasskey(browser, authenticator, { password: STRONG_PASSWORD });
    const signer = new PageBrowser();
    const options = await (await signer.request("/login/passkey/options", {})).json<{ challenge: string }>();
    const jar = new Map(signer.cookies);
    const first = await authenticator.assert(options.challenge, handle(uid));
    const second = await authenticator.assert(options.challenge, handle(uid));
    const copy = new PageBrowser();
    copy.cookies = new Map(jar);
    const [a, b] = await Promise.all([
      signer.request("/login/passkey", { credential: JSON.stringify(first) }),
      copy.request("/login/passkey", { credential: JSON.stringify(second) }),
    ]);
    const places = [a, b].map((r) => r.headers.get("location")).sort();
    expect(places).toEqual(["/account", "/login?notice=passkey_expired"]);
  });

  it("still signs in while strangers have used up the password cap and locked the network", async () => {
    const { email, uid, browser } = await signedIn("pk-cap");
    const authenticator = await SoftwareAuthenticator.create(BASE);
    await addPasskey(browser, authenticator, { password: STRONG_PASSWORD });
    const owner = new PageBrowser();
    // Strangers spend the password's budget from the owner's network and elsewhere.
    for (let i = 0; i < 8; i++) await owner.request("/login", { email, password: `wrong-guess-${i}-aaaaaaa` });
    const locked = await owner.request("/login", { email, password: STRONG_PASSWORD });
    expect(locked.status).toBe(429);
    const { response } = await passkeySignIn(owner, authenticator, uid);
    expect(response.headers.get("location")).toBe("/account");
  });

  it("refuses a passkey of a removed credential, and an unknown user handle", async () => {
    const { uid, browser } = await signedIn("pk-gone");
    const authenticator = await SoftwareAuthenticator.create(BASE);
    await addPasskey(browser, authenticator, { password: STRONG_PASSWORD });
    await browser.request("/account/passkeys/remove", { id: authenticator.id, password: STRONG_PASSWORD });
    const { response } = await passkeySignIn(new PageBrowser(), authenticator, uid);
    expect(response.headers.get("location")).toBe("/login?notice=passkey_refused");
    const stranger = await passkeySignIn(new PageBrowser(), authenticator, "not-a-user-id");
    expect(stranger.response.headers.get("location")).toBe("/login?notice=passkey_refused");
    expect(env.APP_URL).toBe(BASE);
  });
});

describe("after a reset", () => {
  it("an account without a passkey is offered one, skippably; signing in from the offer leads to it", async () => {
    const { email } = await signedIn("pk-offer");
    const reader = new PageBrowser();
    expect((await reader.request(`/reset-password?token=${await resetTokenFor(email)}`)).status).toBe(303);
    const form = { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD };
    const done = await reader.request("/reset-password", form);
    expect(done.headers.get("location")).toBe("/login?notice=reset&offer=passkey");
    const offer = await (await reader.request("/login?notice=reset&offer=passkey")).text();
    expect(offer).toContain("Add a passkey?");
    expect(offer).toContain('href="/login?notice=reset"'); // "Not now"
    expect(offer).toContain('name="next" value="passkeys"');
    const signIn = await reader.request("/login", { email, password: NEW_PASSWORD, next: "passkeys" });
    expect(signIn.headers.get("location")).toBe("/account#passkeys");
  });
});
