// Passkeys in real headless Chromium against `wrangler dev`, with the DevTools Protocol's virtual
// authenticator (WebAuthn.enable, addVirtualAuthenticator: ctap2, internal, a resident key, user
// verification): add one on /account, sign out and sign in with it (conditional UI, then the button), pass
// the second step with it, reset with it, rename and remove it, and sign in with it while strangers have spent
// the password's daily cap. Screenshots for the README.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { browserAvailability, launchBrowser, submitAndWait } from "./browser.mjs";
import { startServer } from "./server.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const SHOTS = path.join(root, "test-results/screenshots");
const PASSWORD = "violet-harbour-lantern-47";
const NEW_PASSWORD = "quiet-orchard-compass-2026";

const availability = browserAvailability();
if (!availability.available) console.log(`\n*** ${availability.reason} ***\n`);

describe("passkeys in a real browser", { skip: availability.available ? false : availability.reason }, () => {
  let server;
  let browser;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  /** A page with a platform authenticator of its own (a phone or laptop with a fingerprint reader). */
  async function pageWithAuthenticator() {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    const credentials = async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
    return { page, credentials };
  }

  async function shot(page, name) {
    const file = path.join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      mkdirSync(path.join(root, "docs/screenshots"), { recursive: true });
      copyFileSync(file, path.join(root, "docs/screenshots", `${name}.png`));
    }
  }

  async function signUpAndIn(page, email) {
    await page.goto(`${server.origin}/signup`);
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await page.fill("#password_confirmation", PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(/\/login\?notice=signed_up$/);
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await submitAndWait(page, "form[action='/login'] button[type=submit]");
    await page.waitForURL(/\/account$/);
  }

  async function addPasskey(page, code) {
    await page.fill("#add-passkey-password", PASSWORD);
    if (code !== undefined) await page.fill("#add-passkey-code", code);
    await page.click("form[data-passkey-add] button[type=submit]");
    await page.waitForURL(/\/account\?done=passkey_added/);
  }

  /** The page's browser without conditional mediation: only the button asks for a passkey. */
  async function withoutConditionalUi(page) {
    await page.addInitScript(() => {
      window.PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
    });
  }

  async function signOut(page) {
    await submitAndWait(page, "form[action='/account/sign-out'] button");
    await page.waitForURL(/\/login\?notice=signed_out$/, { waitUntil: "commit" });
  }

  it("adds a passkey, signs in with the button and through conditional UI, renames and removes it", async () => {
    const email = `passkey.${Date.now()}@example.com`;
    const { page, credentials } = await pageWithAuthenticator();
    await signUpAndIn(page, email);
    await addPasskey(page);
    assert.equal((await credentials()).length, 1, "the authenticator holds a resident credential");
    assert.equal(await page.locator("[data-passkey]").count(), 1);
    await shot(page, "passkey-added");

    // Conditional UI: the email field offers the passkey as soon as /login loads; the virtual authenticator
    // (automatic presence) picks it at once, as a person choosing it from the field's list would.
    await signOut(page);
    await page.waitForURL(/\/account$/);
    await page.getByText("with a passkey").first().waitFor();

    // The button: with conditional UI off (as in a browser without it), "Sign in with a passkey".
    await withoutConditionalUi(page);
    await signOut(page);
    await page.locator("form[data-passkey-sign-in] button").waitFor();
    await shot(page, "passkey-sign-in");
    await page.click("form[data-passkey-sign-in] button");
    await page.waitForURL(/\/account$/);
    await page.getByText("with a passkey").first().waitFor();

    await page.goto(`${server.origin}/account`);
    const id = await page.locator("[data-passkey]").getAttribute("data-passkey");
    await page.fill(`#passkey-name-${id}`, "Work laptop");
    await submitAndWait(page, `li[data-passkey='${id}'] form[action='/account/passkeys/rename'] button`);
    assert.equal(await page.locator(`#passkey-name-${id}`).inputValue(), "Work laptop");
    await page.click(`li[data-passkey='${id}'] summary`);
    await page.click(`li[data-passkey='${id}'] [data-passkey-check]`);
    await page.waitForURL(/\/account\?done=passkey_removed/);
    assert.equal(await page.locator("[data-passkey]").count(), 0, "removed with a passkey");
  });

  /** Turns two-factor on (an authenticator app's code) and adds a passkey, on a signed-in /account. */
  async function twoFactorAndPasskey(page) {
    await submitAndWait(page, "text=Set up");
    const key = decodeBase32IgnorePadding((await page.locator("#setup-key").textContent()).replace(/\s/g, ""));
    const code = (offset) => generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + offset), 6);
    await page.fill("#code", code(-1));
    await page.fill("#password", PASSWORD);
    await submitAndWait(page, "text=Turn on");
    await page.goto(`${server.origin}/account`);
    await addPasskey(page, code(0));
  }

  it("passes the second step with a passkey", async () => {
    const email = `passkey-2fa.${Date.now()}@example.com`;
    const { page } = await pageWithAuthenticator();
    await withoutConditionalUi(page);
    await signUpAndIn(page, email);
    await twoFactorAndPasskey(page);
    await signOut(page);
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await submitAndWait(page, "form[action='/login'] button[type=submit]");
    await page.waitForURL(/\/login\/two-factor$/);
    await page.locator("[data-passkey-check]").waitFor();
    await shot(page, "passkey-second-step");
    await page.click("[data-passkey-check]");
    await page.waitForURL(/\/account$/);
    await page.getByText("with a password and a passkey").first().waitFor();
  });

  /** The newest reset link the dev mailbox holds for `email`. */
  async function newestResetLink(email) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { messages } = await (await fetch(`${server.origin}/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
      const link = messages
        .map((m) => JSON.stringify(m).match(/https?:\/\/[^\s"'<>\\]*\/reset-password\?token=[\w-]+\.[\w-]+/)?.[0])
        .find((l) => l !== undefined);
      if (link !== undefined) return link;
      if (Date.now() > deadline) throw new Error("the reset email did not arrive");
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it("resets with a passkey: the link asks for a code or a passkey, and the passkey passes it", async () => {
    const email = `passkey-reset.${Date.now()}@example.com`;
    const { page } = await pageWithAuthenticator();
    await withoutConditionalUi(page);
    await signUpAndIn(page, email);
    await twoFactorAndPasskey(page);
    await signOut(page);

    await page.click("text=Forgot Password?");
    await page.waitForURL(/\/forgot-password$/);
    await page.fill("#email", email);
    await submitAndWait(page, "text=Send Instructions");
    await page.goto(await newestResetLink(email));
    await page.waitForURL(/\/reset-password$/);
    // The step before the new password: a code, or a passkey.
    await page.locator("form[action='/reset-password/second-factor'] #code").waitFor();
    await page.locator("[data-passkey-check]").waitFor();
    await shot(page, "passkey-reset-step");
    await page.click("[data-passkey-check]");
    await page.locator("#password_confirmation").waitFor();
    await page.fill("#password", NEW_PASSWORD);
    await page.fill("#password_confirmation", NEW_PASSWORD);
    await submitAndWait(page, 'button:has-text("Reset Password")');
    // An account that has a passkey is not offered another.
    assert.match(page.url(), /\/login\?notice=reset$/);
    await page.fill("#email", email);
    await page.fill("#password", NEW_PASSWORD);
    await submitAndWait(page, "form[action='/login'] button[type=submit]");
    await page.waitForURL(/\/login\/two-factor$/);
  });

  it("signs in with a passkey while strangers have used up the password's daily cap", async () => {
    const email = `passkey-cap.${Date.now()}@example.com`;
    const { page } = await pageWithAuthenticator();
    await withoutConditionalUi(page);
    await signUpAndIn(page, email);
    await addPasskey(page);
    await signOut(page);

    // Strangers guess through the API from many networks, 4 each (a network's free failures), until a network
    // that never guessed is refused: the account's daily cap (100) is spent for every untrusted client.
    const guess = (ip, password) =>
      fetch(`${server.origin}/v3/user-session`, {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": ip },
        body: JSON.stringify({ user: { email, password } }),
      });
    let failures = 0;
    for (let network = 1; ; network++) {
      assert.ok(network <= 40, `the cap was not spent after ${failures} failures`);
      const ip = `203.0.113.${network}`;
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const response = await guess(ip, `stranger-${network}-${i}-wrong-guess`);
        await response.body?.cancel();
        statuses.push(response.status);
        if (response.status !== 422) break;
        failures++;
      }
      if (statuses[0] === 429) break;
    }
    assert.ok(failures >= 100, `${failures} failures spent the cap`);
    // The right password from a new network is refused too: the cap holds for every untrusted client.
    const owner = await guess("198.51.100.7", PASSWORD);
    assert.equal(owner.status, 429);
    await owner.body?.cancel();

    // This browser forgets that it signed in before (no device cookie): only the passkey gets it in.
    await page.context().clearCookies();
    await page.goto(`${server.origin}/login`);
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await submitAndWait(page, "form[action='/login'] button[type=submit]");
    assert.doesNotMatch(page.url(), /\/account$/, "the password is refused while the cap is spent");
    await page.click("form[data-passkey-sign-in] button");
    await page.waitForURL(/\/account$/);
    await page.getByText("with a passkey").first().waitFor();
  });

  it("turns two-factor on with a passkey as the only second factor, then the second step takes the passkey", async () => {
    const email = `passkey-only.${Date.now()}@example.com`;
    const { page } = await pageWithAuthenticator();
    await withoutConditionalUi(page);
    await signUpAndIn(page, email);
    await addPasskey(page);
    await page.fill("#factor_password", PASSWORD);
    await page.click("form[data-passkey-factor] [data-passkey-check]");
    await page.locator("#recovery-codes").waitFor();
    assert.equal((await page.locator("#recovery-codes").textContent()).trim().split("\n").length, 10);
    await page.goto(`${server.origin}/account`);
    await page.getByText("Your second factor is a passkey.").waitFor();
    await signOut(page);
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await submitAndWait(page, "form[action='/login'] button[type=submit]");
    await page.waitForURL(/\/login\/two-factor$/);
    await page.click("[data-passkey-check]");
    await page.waitForURL(/\/account$/);
    await page.getByText("with a password and a passkey").first().waitFor();
  });
});
