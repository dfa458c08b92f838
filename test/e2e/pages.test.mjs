// Browser tests in real headless Chromium against `wrangler dev`: the whole journey of a forgotten
// password, live sign-out of every other tab and device, and the refusals. Run by `npm test`.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { browserAvailability, launchBrowser, submitAndWait } from "./browser.mjs";
import { startServer } from "./server.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const SHOTS = path.join(root, "test-results/screenshots");
const OLD_PASSWORD = "violet-harbour-lantern-47";
const NEW_PASSWORD = "quiet-orchard-compass-2026";

/** The code an authenticator app shows for `key`, `offset` 30-second steps from now. */
function codeFor(key, offset) {
  return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + offset), 6);
}

const availability = browserAvailability();
if (!availability.available) console.log(`\n*** ${availability.reason} ***\n`);

describe("pages in a real browser", { skip: availability.available ? false : availability.reason }, () => {
  let server;
  let browser;
  const measurements = {};

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    server?.stop();
    if (Object.keys(measurements).length > 0) console.log(`e2e measurements: ${JSON.stringify(measurements)}`);
  });

  /** When each page last received a WebSocket frame (the sign-out push), in this process's clock. */
  const lastFrameAt = new WeakMap();
  function watchSockets(page) {
    page.on("websocket", (ws) => ws.on("framereceived", () => lastFrameAt.set(page, performance.now())));
    return page;
  }

  async function newPage() {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    return watchSockets(await context.newPage());
  }

  async function shot(page, name) {
    const file = path.join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      mkdirSync(path.join(root, "docs/screenshots"), { recursive: true });
      copyFileSync(file, path.join(root, "docs/screenshots", `${name}.png`));
    }
  }

  async function signUp(page, email) {
    await page.goto(`${server.origin}/signup`);
    await page.fill("#first_name", "Ada");
    await page.fill("#email", email);
    await page.fill("#password", OLD_PASSWORD);
    await page.fill("#password_confirmation", OLD_PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(/\/login\?notice=signed_up$/);
  }

  async function signIn(page, email, password) {
    await page.goto(`${server.origin}/login`);
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.click("button[type=submit]");
  }

  async function requestLink(page, email) {
    await page.goto(`${server.origin}/login`);
    await page.click("text=Forgot Password?");
    await page.waitForURL(/\/forgot-password$/);
    await page.fill("#email", email);
    await page.click("text=Send Instructions");
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
  }

  /** Opens the dev mailbox page and clicks the newest reset link, like a person would. */
  /** The reset emails in the dev mailbox, newest first: those with a reset link (a notice also says "reset your password"). */
  function resetMails(page) {
    return page.locator("article.mail").filter({ has: page.locator("a[href*='/reset-password?token=']") });
  }

  async function openNewestResetLink(page, email, expectedCount) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      await page.goto(`${server.origin}/dev/mailbox?to=${encodeURIComponent(email)}`);
      if ((await resetMails(page).count()) >= expectedCount) break;
      if (Date.now() > deadline) throw new Error("the reset email did not arrive");
      await page.waitForTimeout(200);
    }
    await resetMails(page).first().locator("a[href*='/reset-password?token=']").first().click();
    await page.waitForURL(/\/reset-password$/);
  }

  it("journey: sign up, two devices and a second tab, forgot, reset, every other page leaves by itself", async () => {
    const email = `journey.${Date.now()}@example.com`;
    const device1 = await newPage();
    await signUp(device1, email);
    await shot(device1, "login-after-signup");
    await signIn(device1, email, OLD_PASSWORD);
    await device1.waitForURL(/\/account$/);
    await device1.getByText("This session").waitFor();
    const secondTab = watchSockets(await device1.context().newPage());
    await secondTab.goto(`${server.origin}/account`);

    const device2 = await newPage();
    await signIn(device2, email, OLD_PASSWORD);
    await device2.waitForURL(/\/account$/);
    assert.equal(await device2.locator("ul.sessions li").count(), 2, "both devices are listed");
    await shot(device2, "account");

    // The live sign-out sockets are open before the reset, as they would be on a page left open.
    await Promise.all(
      [device1, secondTab, device2].map((p) => p.locator("html[data-live=open]").waitFor({ state: "attached" })),
    );

    const person = await newPage();
    await person.goto(`${server.origin}/login`);
    await shot(person, "login");
    await requestLink(person, email);
    await shot(person, "instructions-sent");
    await openNewestResetLink(person, email, 1);
    assert.ok(!person.url().includes("token="), "the token has left the address bar");
    await shot(person, "reset-password");

    const left = {};
    for (const [name, page] of Object.entries({ device1, secondTab, device2 })) {
      // Settled (never rejected) so a page that does not leave fails the assertion below, by name.
      left[name] = page.waitForURL(/\/login\?notice=password_reset$/, { timeout: 10_000, waitUntil: "commit" }).then(
        () => performance.now(),
        () => Number.POSITIVE_INFINITY,
      );
    }
    await person.fill("#password", NEW_PASSWORD);
    await person.fill("#password_confirmation", NEW_PASSWORD);
    const [resetResponse] = await Promise.all([
      person.waitForResponse((r) => r.url().endsWith("/reset-password") && r.request().method() === "POST"),
      person.click('button:has-text("Reset Password")'),
    ]);
    const resetAt = performance.now();
    assert.equal(
      resetResponse.status(),
      303,
      `reset answered ${resetResponse.status()}: ${await resetResponse.text().catch(() => "")}`,
    );
    await person.waitForURL(/\/login\?notice=reset(&offer=passkey)?$/);
    await person.getByText("Your password has been successfully reset. Sign in using your new credentials.").waitFor();
    await shot(person, "login-after-reset");

    // Negative figures: the push arrived before the reset response did (revocation precedes the password write).
    const delays = {};
    for (const [name, when] of Object.entries(left)) delays[name] = Math.round((await when) - resetAt);
    const pushes = {};
    for (const [name, page] of Object.entries({ device1, secondTab, device2 }))
      pushes[name] = Math.round((lastFrameAt.get(page) ?? Infinity) - resetAt);
    measurements.pushAfterResetResponseMs = pushes;
    measurements.leftAfterResetResponseMs = delays;
    for (const [name, delay] of Object.entries(delays))
      assert.ok(delay < 1000, `${name} left ${delay} ms after the reset response`);
    await device2.getByText("Your password was reset").waitFor();

    await signIn(device2, email, OLD_PASSWORD);
    await device2.getByText("Looks like your email or password is invalid").waitFor();
    await signIn(device2, email, NEW_PASSWORD);
    await device2.waitForURL(/\/account$/);
    await device2.getByText("Password reset", { exact: true }).waitFor();
  });

  it("change password on /account: this device stays, the other one leaves by itself", async () => {
    const email = `change.${Date.now()}@example.com`;
    const [laptop, phone] = [await newPage(), await newPage()];
    await signUp(laptop, email);
    for (const page of [laptop, phone]) {
      await signIn(page, email, OLD_PASSWORD);
      await page.waitForURL(/\/account$/);
    }
    const phoneLeft = phone.waitForURL(/\/login\?notice=password_changed$/, { timeout: 10_000 });
    await laptop.fill("#current_password", OLD_PASSWORD);
    await laptop.fill("#password", NEW_PASSWORD);
    await laptop.fill("#password_confirmation", NEW_PASSWORD);
    await submitAndWait(laptop, 'button:has-text("Change password")');
    await laptop.getByText("Your password has been changed. Every other session has been signed out.").waitFor();
    await shot(laptop, "account-password-changed");
    await phoneLeft;
    await phone.getByText("Your password was changed in another session").waitFor();
    // The laptop is still signed in, and the new password is the one that works.
    await laptop.reload();
    assert.match(laptop.url(), /\/account\?done=password$/);
    await laptop.getByRole("heading", { name: "Your account" }).waitFor();
    await signIn(phone, email, NEW_PASSWORD);
    await phone.waitForURL(/\/account$/);
    await phone.getByText("Password changed", { exact: true }).first().waitFor();
  });

  // Each code is taken one step later than the last (a code works once): set-up uses the previous step's,
  // as an app a few seconds slow would; sign-in the current one; the reset the next.
  it("two-factor: set up from the page's key, sign in with a code and with a recovery code, a reset asks for it", async () => {
    const email = `two-factor.${Date.now()}@example.com`;
    const laptop = await newPage();
    await signUp(laptop, email);
    await signIn(laptop, email, OLD_PASSWORD);
    await laptop.waitForURL(/\/account$/);
    await submitAndWait(laptop, "text=Set up");
    assert.ok(await laptop.locator(".qr svg").isVisible(), "the QR code is drawn");
    await shot(laptop, "two-factor-setup");
    const key = decodeBase32IgnorePadding((await laptop.locator("#setup-key").textContent()).replace(/\s/g, ""));
    await laptop.fill("#code", codeFor(key, -1));
    await laptop.fill("#password", OLD_PASSWORD);
    await submitAndWait(laptop, "text=Turn on");
    const codes = (await laptop.locator("#recovery-codes").textContent()).trim().split(/\s+/);
    assert.equal(codes.length, 10);
    await shot(laptop, "two-factor-recovery-codes");
    await laptop.goto(`${server.origin}/account`);

    const phone = await newPage();
    await signIn(phone, email, OLD_PASSWORD);
    await phone.waitForURL(/\/login\/two-factor$/);
    await shot(phone, "two-factor-sign-in");
    await phone.fill("#code", codeFor(key, 0));
    await submitAndWait(phone, "text=Verify");
    await phone.waitForURL(/\/account$/);

    const tablet = await newPage();
    await signIn(tablet, email, OLD_PASSWORD);
    await tablet.waitForURL(/\/login\/two-factor$/);
    await tablet.fill("#code", codes[0]);
    await submitAndWait(tablet, "text=Verify");
    await tablet.waitForURL(/\/account$/);
    const again = await newPage();
    await signIn(again, email, OLD_PASSWORD);
    await again.waitForURL(/\/login\/two-factor$/);
    await again.fill("#code", codes[0]);
    await submitAndWait(again, "text=Verify");
    await again.getByText("That code is not right, or was already used.").waitFor();

    await Promise.all(
      [laptop, phone, tablet].map((p) => p.locator("html[data-live=open]").waitFor({ state: "attached" })),
    );
    const person = await newPage();
    await requestLink(person, email);
    await openNewestResetLink(person, email, 1);
    await person.getByText("before choosing a new password").waitFor();
    await shot(person, "two-factor-reset");
    await person.fill("#code", codeFor(key, 1));
    await submitAndWait(person, "text=Continue");
    await person.fill("#password", NEW_PASSWORD);
    await person.fill("#password_confirmation", NEW_PASSWORD);
    await submitAndWait(person, "button[type=submit]");
    await person.getByText("Your password has been successfully reset").waitFor();
    for (const page of [laptop, phone, tablet]) {
      await page.waitForURL(/\/login\?notice=password_reset$/, { timeout: 10_000, waitUntil: "commit" });
    }
  });

  it("a code read on the phone resets the password on the laptop, and the link then says it was used", async () => {
    const email = `code.${Date.now()}@example.com`;
    const [phone, laptop] = [await newPage(), await newPage()];
    await signUp(phone, email);
    await requestLink(phone, email);
    await phone.getByText("enter it here", { exact: true }).waitFor();
    const deadline = Date.now() + 10_000;
    let text;
    for (;;) {
      const { messages } = await (await fetch(`${server.origin}/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
      text = messages.find((m) => m.subject === "Reset your password")?.text;
      if (text !== undefined) break;
      assert.ok(Date.now() < deadline, "reset email did not arrive");
      await new Promise((r) => setTimeout(r, 200));
    }
    const code = /\n([0-9A-Z]{4}-[0-9A-Z]{4})\n/.exec(text)[1];

    await laptop.goto(`${server.origin}/reset-password/code`);
    await laptop.fill("#email", email);
    await laptop.fill("#code", code.toLowerCase());
    await shot(laptop, "enter-code");
    await submitAndWait(laptop, 'button:has-text("Continue")');
    assert.match(laptop.url(), /\/reset-password$/);
    await laptop.fill("#password", NEW_PASSWORD);
    await laptop.fill("#password_confirmation", NEW_PASSWORD);
    await submitAndWait(laptop, 'button:has-text("Reset Password")');
    await laptop.getByText("Your password has been successfully reset.").waitFor();

    // The link in the same email is used up with the code, and its page says so.
    await openNewestResetLinkExpecting(phone, email);
    await phone.getByRole("heading", { name: "This link has already been used" }).waitFor();
    await shot(phone, "used-link");
    await phone.goto(`${server.origin}/reset-password?token=not-a-token`);
    await phone.getByRole("heading", { name: "This link is not valid" }).waitFor();
  });

  it("a replaced link and a link older than a password change each say so", async () => {
    const email = `causes.${Date.now()}@example.com`;
    const page = await newPage();
    await signUp(page, email);
    await requestLink(page, email);
    const first = await newestLink(email, 1);
    // A second email a few minutes later (the test moves the first request back past the one-a-minute limit).
    const aged = await fetch(
      `${server.origin}/__e2e/age-reset-requests?email=${encodeURIComponent(email)}&ms=${3 * 60_000}`,
      {
        method: "POST",
      },
    );
    assert.equal(aged.status, 200);
    await requestLink(page, email);
    const second = await newestLink(email, 2);
    assert.notEqual(second, first);
    await page.goto(first);
    await page.getByRole("heading", { name: "A newer link replaced this one" }).waitFor();
    await shot(page, "replaced-link");

    // The password changed on /account after the second link went out: that link now says so.
    await signIn(page, email, OLD_PASSWORD);
    await page.waitForURL(/\/account$/);
    await page.fill("#current_password", OLD_PASSWORD);
    await page.fill("#password", NEW_PASSWORD);
    await page.fill("#password_confirmation", NEW_PASSWORD);
    await submitAndWait(page, 'button:has-text("Change password")');
    await page.goto(second);
    await page.getByRole("heading", { name: "Your password was changed since" }).waitFor();
  });

  /** The link of the newest reset email, once `count` of them have arrived. */
  async function newestLink(email, count) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { messages } = await (await fetch(`${server.origin}/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
      const links = messages.filter((m) => m.subject === "Reset your password");
      if (links.length >= count) return /(http\S+\/reset-password\?token=\S+)/.exec(links[0].text)[1];
      assert.ok(Date.now() < deadline, "reset email did not arrive");
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it("an expired link shows a page that says so and offers a new one", async () => {
    const email = `expired.${Date.now()}@example.com`;
    const page = await newPage();
    await signUp(page, email);
    await requestLink(page, email);
    // Wait for the email, then age the token past its 60 minutes through the test-only route.
    const deadline = Date.now() + 10_000;
    while (
      (await (await fetch(`${server.origin}/dev/mailbox?to=${encodeURIComponent(email)}`)).json()).messages.length === 0
    ) {
      assert.ok(Date.now() < deadline, "reset email did not arrive");
      await new Promise((r) => setTimeout(r, 200));
    }
    const aged = await fetch(
      `${server.origin}/__e2e/age-reset-token?email=${encodeURIComponent(email)}&ms=${61 * 60_000}`,
      { method: "POST" },
    );
    assert.equal(aged.status, 200);
    await openNewestResetLinkExpecting(page, email);
    await page.getByRole("heading", { name: "This link has expired" }).waitFor();
    await page.getByText("Reset links work for 60 minutes. This one expired on").waitFor();
    await shot(page, "expired-link");
    // The new link goes to the address the old one went to, which the page never shows.
    await submitAndWait(page, 'button:has-text("Send a new link")');
    await page.getByText("We have sent a new link to the address the old one was sent to.").waitFor();
    assert.equal(await page.getByText(email).count(), 0);
  });

  async function openNewestResetLinkExpecting(page, email) {
    await page.goto(`${server.origin}/dev/mailbox?to=${encodeURIComponent(email)}`);
    await shot(page, "dev-mailbox");
    // A dead link is refused on arrival: no cookie is set and the page says so at once.
    await page.locator("a[href*='/reset-password?token=']").first().click();
    await page.waitForURL(/\/reset-password\?token=/);
  }

  it("mismatch and policy errors are shown next to their fields, and do not use up the link", async () => {
    const email = `errors.${Date.now()}@example.com`;
    const page = await newPage();
    await signUp(page, email);
    await requestLink(page, email);
    await openNewestResetLink(page, email, 1);

    await page.fill("#password", NEW_PASSWORD);
    await page.fill("#password_confirmation", `${NEW_PASSWORD}x`);
    await submitAndWait(page, 'button:has-text("Reset Password")');
    assert.equal(await page.textContent("#password_confirmation-error"), "Doesn't match the password.");
    assert.equal(await page.getAttribute("#password_confirmation", "aria-invalid"), "true");

    await page.fill("#password", "too short");
    await page.fill("#password_confirmation", "too short");
    await submitAndWait(page, 'button:has-text("Reset Password")');
    assert.match(await page.textContent("#password-error"), /at least 15 characters/);
    await shot(page, "reset-password-errors");

    // Live hint (JavaScript) agrees with the server's rule while typing.
    await page.fill("#password", "short");
    await page.locator("#password-hint", { hasText: "of at least 15 characters" }).waitFor();

    await page.fill("#password", NEW_PASSWORD);
    await page.fill("#password_confirmation", NEW_PASSWORD);
    await page.click('button:has-text("Reset Password")');
    await page.waitForURL(/\/login\?notice=reset(&offer=passkey)?$/);
  });

  it("refuses a cross-origin form POST (CSRF) with 403", async () => {
    // A page on another origin auto-submits a form to the service, as an attacker's site would.
    const attacker = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(
        `<form id="f" method="post" action="${server.origin}/forgot-password"><input name="email" value="victim@example.com"></form><script>document.getElementById("f").submit()</script>`,
      );
    });
    await new Promise((r) => attacker.listen(0, "127.0.0.1", r));
    try {
      const page = await newPage();
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url() === `${server.origin}/forgot-password` && r.request().method() === "POST"),
        page.goto(`http://127.0.0.1:${attacker.address().port}/`),
      ]);
      assert.equal(response.status(), 403);
    } finally {
      attacker.close();
    }
  });

  it("every page carries the security headers", async () => {
    const page = await newPage();
    for (const pathname of ["/login", "/signup", "/forgot-password", "/reset-password", "/dev/mailbox"]) {
      const response = await page.goto(`${server.origin}${pathname}`);
      const headers = response.headers();
      assert.match(headers["content-security-policy"] ?? "", /script-src 'nonce-[^']+'/, `${pathname} CSP nonce`);
      assert.match(headers["content-security-policy"], /frame-ancestors 'none'/, `${pathname} frame-ancestors`);
      assert.equal(headers["referrer-policy"], "no-referrer", `${pathname} referrer policy`);
      assert.equal(headers["x-frame-options"], "DENY", `${pathname} x-frame-options`);
      assert.equal(headers["cache-control"], "no-store", `${pathname} cache-control`);
      assert.equal(headers["x-content-type-options"], "nosniff", `${pathname} nosniff`);
    }
    await page.goto(`${server.origin}/signup`);
    await shot(page, "signup");
    await page.goto(`${server.origin}/forgot-password`);
    await shot(page, "forgot-password");
  });
});
