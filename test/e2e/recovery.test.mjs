// Browser tests for issue 26's recovery flows in headless Chromium against `wrangler dev`: an email change
// confirmed from the new address (dev mailbox), its revert from the old address's notice with every open
// tab leaving, and "this wasn't me" with every open tab leaving.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { browserAvailability, launchBrowser } from "./browser.mjs";
import { startServer } from "./server.mjs";

const PASSWORD = "violet-harbour-lantern-47";
const NEW_PASSWORD = "quiet-orchard-compass-2026";

const availability = browserAvailability();
if (!availability.available) console.log(`\n*** ${availability.reason} ***\n`);

describe("recovery in a real browser", { skip: availability.available ? false : availability.reason }, () => {
  let server;
  let browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  async function newPage() {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    return context.newPage();
  }

  async function signUp(page, email) {
    await page.goto(`${server.origin}/signup`);
    await page.fill("#first_name", "Ada");
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await page.fill("#password_confirmation", PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(/\/login\?notice=signed_up$/);
  }

  async function signIn(page, email, password = PASSWORD) {
    await page.goto(`${server.origin}/login`);
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.click("button[type=submit]");
    await page.waitForURL(/\/account$/);
    // The live sign-out socket is open once the page has loaded its script.
    await page.waitForLoadState("networkidle");
  }

  /** The newest link to `pathname` in a mail to `to` whose subject is `subject`, as the dev mailbox has it. */
  async function linkIn(to, subject, pathname) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { messages } = await (await fetch(`${server.origin}/dev/mailbox?to=${encodeURIComponent(to)}`)).json();
      const mail = messages.find((m) => m.subject === subject);
      const match = mail === undefined ? null : new RegExp(`(http\\S+${pathname}\\?token=\\S+)`).exec(mail.text);
      if (match !== null) return match[1];
      assert.ok(Date.now() < deadline, `no "${subject}" for ${to}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Opens a link in a browser without a session (a phone's mail app) and presses the page's one button. */
  async function pressLink(link, button) {
    const page = await newPage();
    await page.goto(link);
    await Promise.all([page.waitForLoadState("load"), page.click(`button:has-text("${button}")`)]);
    const text = await page.textContent("main");
    await page.context().close();
    return text;
  }

  it("changes the email with the new address's confirmation; the revert from the old address's notice signs every tab out", async () => {
    const email = `move.${Date.now()}@example.com`;
    const newEmail = `moved.${Date.now()}@example.com`;
    const laptop = await newPage();
    const phone = await newPage();
    await signUp(laptop, email);
    await signIn(laptop, email);
    await signIn(phone, email);

    await laptop.fill("#new_email", newEmail);
    await laptop.fill("#email_password", PASSWORD);
    await Promise.all([laptop.waitForLoadState("load"), laptop.click('button:has-text("Change email address")')]);
    assert.match(await laptop.textContent("main"), /We sent a confirmation link/);

    const phoneLeft = phone.waitForURL(/\/login\?notice=email_changed$/, { timeout: 10_000 });
    const confirm = await linkIn(newEmail, "Confirm your new email address", "/email-change/confirm");
    assert.match(await pressLink(confirm, "Confirm"), new RegExp(`now ${newEmail.replaceAll(".", "\\.")}`));
    await phoneLeft;
    await laptop.goto(`${server.origin}/account`);
    assert.match(await laptop.textContent("main"), new RegExp(newEmail.replaceAll(".", "\\.")));

    const laptopLeft = laptop.waitForURL(/\/login\?notice=locked_down$/, { timeout: 10_000 });
    const revert = await linkIn(email, "Your email address was changed", "/email-change/revert");
    assert.match(await pressLink(revert, "Undo the change"), /The change is undone/);
    await laptopLeft;
    await laptop.context().close();
    await phone.context().close();
  });

  it('"this wasn\'t me" from a notice signs every open tab out and asks for a new password', async () => {
    const email = `notme.${Date.now()}@example.com`;
    const laptop = await newPage();
    await signUp(laptop, email);
    await signIn(laptop, email);
    const otherTab = await laptop.context().newPage();
    await otherTab.goto(`${server.origin}/account`);
    await otherTab.waitForLoadState("networkidle");
    const phone = await newPage();
    await signIn(phone, email);

    // A change that sends a notice: the password, from the phone (the laptop's tabs are signed out by it).
    await phone.fill("#current_password", PASSWORD);
    await phone.fill("#password", NEW_PASSWORD);
    await phone.fill("#password_confirmation", NEW_PASSWORD);
    await Promise.all([phone.waitForURL(/done=password/), phone.click('button:has-text("Change password")')]);
    await signIn(laptop, email, NEW_PASSWORD);
    await otherTab.goto(`${server.origin}/account`);
    await otherTab.waitForLoadState("networkidle");

    const left = [laptop, otherTab, phone].map((page) =>
      page.waitForURL(/\/login\?notice=locked_down$/, { timeout: 10_000 }),
    );
    const link = await linkIn(email, "Your password was changed", "/wasnt-me");
    assert.match(await pressLink(link, "Secure my account"), /Your account is secured/);
    await Promise.all(left);

    await laptop.fill("#email", email);
    await laptop.fill("#password", NEW_PASSWORD);
    await Promise.all([laptop.waitForLoadState("load"), laptop.click("button[type=submit]")]);
    assert.match(await laptop.textContent("main"), /Choose a new password/);
    await laptop.context().close();
    await phone.context().close();
  });
});
