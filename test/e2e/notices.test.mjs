// The new-device notice in real headless Chromium against `wrangler dev` (issue 26): a browser with no
// device cookie, from a network the account has not used in 30 days, gets its owner an email; the browser
// that signed in before (its device cookie) gets none. Each browser's network is set by CF-Connecting-IP,
// which `wrangler dev` passes through. Run by `npm test`.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { browserAvailability, launchBrowser, submitAndWait } from "./browser.mjs";
import { startServer } from "./server.mjs";

const PASSWORD = "violet-harbour-lantern-47";
const NEW_DEVICE = "A sign-in from a new device";

const availability = browserAvailability();

describe("new-device notices in a real browser", { skip: availability.available ? false : availability.reason }, () => {
  let server;
  let browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  /** A browser of its own (cookies and all) on network `ip`. */
  async function browserOn(ip) {
    const context = await browser.newContext({ extraHTTPHeaders: { "cf-connecting-ip": ip } });
    return context.newPage();
  }

  async function signIn(page, email) {
    await page.goto(`${server.origin}/login`);
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await submitAndWait(page, "button[type=submit]");
    assert.match(page.url(), /\/account$/);
  }

  async function mail(email) {
    const { messages } = await (await fetch(`${server.origin}/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
    return messages.filter((m) => m.subject === NEW_DEVICE);
  }

  it("a new browser on a new network is told; the browser that signed in before is not", async () => {
    const email = `new-device.${Date.now()}@example.com`;
    const home = await browserOn("198.51.100.23");
    await home.goto(`${server.origin}/signup`);
    await home.fill("#email", email);
    await home.fill("#password", PASSWORD);
    await home.fill("#password_confirmation", PASSWORD);
    await submitAndWait(home, "button[type=submit]");
    // The account's first sign-in: no device is old yet, so nothing to tell.
    await signIn(home, email);
    await submitAndWait(home, "form[action='/account/sign-out'] button");
    // The known device again (its device cookie): no notice.
    await signIn(home, email);
    // A stranger's browser, elsewhere: a notice. The owner's notices leave one object's outbox in order, so
    // once this one is in the mailbox, any notice for the sign-ins before it would be there too.
    const stranger = await browserOn("203.0.113.77");
    await signIn(stranger, email);
    const deadline = Date.now() + 15_000;
    let told = await mail(email);
    while (told.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      told = await mail(email);
    }
    assert.equal(told.length, 1, "exactly one new-device notice: the stranger's");
    assert.match(told[0].text, /203\.0\.113\.77/);
    assert.doesNotMatch(told[0].text, /198\.51\.100\.23/);
    assert.match(told[0].text, /If this wasn't you, someone has your password/);
    // The owner sees the event on /account.
    await home.goto(`${server.origin}/account`);
    assert.match(await home.content(), /Signed in from a new device \(emailed\)/);
  });
});
