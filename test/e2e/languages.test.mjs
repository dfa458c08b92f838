// Every page in every language, in real headless Chromium against `wrangler dev`: the language menu and
// its remembered choice, Arabic right to left, screenshots of the sign-in, forgot, reset and account pages
// in each language (docs/screenshots/ with `npm run screenshots`), and the pseudo-language: no page cut off
// or scrolling sideways at phone and desktop widths, and no English text left on any page. Run by `npm test`.
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
const LANGUAGES = ["en", "de", "fr", "es", "ja", "ar"];

const availability = browserAvailability();

describe("pages in every language", { skip: availability.available ? false : availability.reason }, () => {
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

  async function newPage(width = 1000) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    return context.newPage();
  }

  async function shot(page, name, { docs = true } = {}) {
    const file = path.join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (docs && process.env.UPDATE_SCREENSHOTS === "1") {
      mkdirSync(path.join(root, "docs/screenshots/languages"), { recursive: true });
      copyFileSync(file, path.join(root, "docs/screenshots/languages", `${name}.png`));
    }
  }

  const htmlAttributes = (page) =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      direction: getComputedStyle(document.body).direction,
    }));

  /** Submits the page's form (in any language: by its button, not its words). */
  const submit = (page) => submitAndWait(page, "main button[type=submit]");

  /** Signs up on the pages (in whatever language the browser has chosen) and signs in. */
  async function signUpAndIn(page, email) {
    await page.goto(`${server.origin}/signup`);
    await page.fill("#first_name", "Ada");
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await page.fill("#password_confirmation", PASSWORD);
    await submit(page);
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await submit(page);
    assert.match(page.url(), /\/account$/);
  }

  /** Asks for a reset link on the forgot page and returns the link from the newest email, with the email. */
  async function requestLink(page, email) {
    await page.goto(`${server.origin}/forgot-password`);
    await page.fill("#email", email);
    await submit(page);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { messages } = await (await fetch(`${server.origin}/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
      const resets = messages.filter((m) => m.text.includes("/reset-password?token="));
      if (resets.length > 0)
        return { link: /(http\S+\/reset-password\?token=\S+)/.exec(resets[0].text)[1], mail: resets[0] };
      assert.ok(Date.now() < deadline, "reset email did not arrive");
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The newest link to `pathname` mailed to `email` (the dev mailbox). */
  async function linkTo(email, pathname) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { messages } = await (await fetch(`${server.origin}/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
      const match = messages.map((m) => new RegExp(`(http\\S+${pathname}\\?token=\\S+)`).exec(m.text)).find(Boolean);
      if (match !== undefined) return match[1];
      assert.ok(Date.now() < deadline, `no ${pathname} link for ${email}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it("the menu switches the language, the choice sticks across pages, and Arabic reads right to left", async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/login`);
    assert.deepEqual(await htmlAttributes(page), { lang: "en", dir: "ltr", direction: "ltr" });
    await Promise.all([page.waitForURL(/\?lang=de$/), page.click('header nav a[hreflang="de"]')]);
    assert.equal((await htmlAttributes(page)).lang, "de");
    await page.click('a[href="/forgot-password"]');
    await page.waitForURL(/\/forgot-password$/);
    assert.equal((await htmlAttributes(page)).lang, "de", "the choice is remembered without ?lang=");
    await Promise.all([page.waitForURL(/\?lang=ar$/), page.click('header nav a[hreflang="ar"]')]);
    assert.deepEqual(await htmlAttributes(page), { lang: "ar", dir: "rtl", direction: "rtl" });
    // Right to left for real: the heading's words end at the heading's right edge and leave room on its left.
    const text = await page.evaluate(() => {
      const heading = document.querySelector("main h1");
      const range = document.createRange();
      range.selectNodeContents(heading);
      const [words, box] = [range.getBoundingClientRect(), heading.getBoundingClientRect()];
      return { right: box.right - words.right, left: words.left - box.left };
    });
    assert.ok(text.right < 2 && text.left > 40, `the heading's words sit ${JSON.stringify(text)} from its edges`);
    await page.goto(`${server.origin}/signup`);
    assert.equal((await htmlAttributes(page)).lang, "ar");
    await page.context().close();
  });

  for (const language of LANGUAGES) {
    it(`${language}: sign-in, forgot, reset and account pages, and the reset email in ${language}`, async () => {
      const page = await newPage();
      const email = `lang-${language}.${Date.now()}@example.com`;
      await page.goto(`${server.origin}/login?lang=${language}`);
      assert.equal((await htmlAttributes(page)).lang, language);
      await shot(page, `${language}-sign-in`);
      await signUpAndIn(page, email);
      await page.evaluate(() => document.querySelector("time")?.scrollIntoView());
      await shot(page, `${language}-account`);
      await page.goto(`${server.origin}/forgot-password`);
      await shot(page, `${language}-forgot`);
      const { link, mail } = await requestLink(page, email);
      assert.equal(mail.html.includes(`<html lang="${language}"`), true, "the email is in the page's language");
      if (language !== "en") assert.notEqual(mail.subject, "Reset your password");
      await page.goto(link);
      await page.waitForSelector("#password");
      assert.equal((await htmlAttributes(page)).lang, language);
      await shot(page, `${language}-reset`);
      await page.context().close();
    });
  }

  // Without isolation, an IPv6 address after Arabic words is laid out with them: its digit groups take the
  // right-to-left order ("db8::1" before "2001"). In <bdi> it keeps its own order. A browser we cannot name
  // puts Arabic words ("unknown browser") right before the address in the events list.
  it("ar: the client's IPv6 address on /account is isolated in <bdi> and reads left to right", async () => {
    const address = "2001:db8::1";
    const context = await browser.newContext({
      userAgent: "bidi-probe",
      extraHTTPHeaders: { "cf-connecting-ip": address },
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}/login?lang=ar`);
    await signUpAndIn(page, `bidi.${Date.now()}@example.com`);
    assert.equal((await htmlAttributes(page)).dir, "rtl");
    const shown = await page.evaluate((address) => {
      const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
      const found = [];
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const start = node.data.indexOf(address);
        if (start === -1) continue;
        // Each character's left edge, in the address's own order: left to right means increasing.
        const lefts = [...address].map((_, i) => {
          const range = document.createRange();
          range.setStart(node, start + i);
          range.setEnd(node, start + i + 1);
          return range.getBoundingClientRect().left;
        });
        found.push({
          isolated: node.parentElement.tagName === "BDI" && node.parentElement.textContent === address,
          inOrder: lefts.every((left, i) => i === 0 || left > lefts[i - 1]),
        });
      }
      return found;
    }, address);
    // The sessions list and the sign-up and sign-in events each show it.
    assert.ok(shown.length >= 3, `the address is shown ${shown.length} times`);
    assert.deepEqual(new Set(shown.map(JSON.stringify)), new Set([JSON.stringify({ isolated: true, inOrder: true })]));
    await context.close();
  });

  /**
   * What is wrong with the page as laid out: anything past the viewport's edges, anything clipped, and any
   * two plain ASCII letters in a row (the pseudo-language accents every letter of ours, so such letters are
   * a text not taken from the catalogue), leaving out what the page shows of the person's own data.
   */
  async function layoutProblems(page, allowedWords) {
    return page.evaluate((allowed) => {
      const problems = [];
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > width)
        problems.push(`scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
      const name = (el) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${String(el.className).split(" ")[0]}` : ""}`;
      for (const el of document.querySelectorAll("header *, main *")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (box.right > width + 1 || box.left < -1)
          problems.push(`${name(el)} sticks out (${Math.round(box.left)}..${Math.round(box.right)})`);
        // A text field scrolls its own value by design; anything else that clips its content hides words.
        if (el.matches("input, select, textarea")) continue;
        const style = getComputedStyle(el);
        if (style.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1)
          problems.push(`${name(el)} is clipped`);
      }
      // Visible text, but not what <code> and <pre> show (a setup key, recovery codes: the person's data), nor
      // the menu's language names (each in its own language).
      const texts = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (
          parent.closest("header, main") === null ||
          parent.closest("code, pre, script, style, nav.languages") !== null
        )
          continue;
        if (parent.checkVisibility()) texts.push(node.data);
      }
      const text = texts.join("\n");
      const labels = [...document.querySelectorAll("[aria-label], input[placeholder]")].map(
        (el) => el.getAttribute("aria-label") ?? el.placeholder,
      );
      for (const word of `${text}\n${labels.join("\n")}\n${document.title}`.match(/[A-Za-z]{2,}/g) ?? []) {
        if (!allowed.includes(word)) problems.push(`untranslated "${word}"`);
      }
      return [...new Set(problems)];
    }, allowedWords);
  }

  it("pseudo-language: no page is cut off or scrolls sideways, at 360 and 1000 pixels, and none has English left", async () => {
    const email = `pseudo.${Date.now()}@example.com`;
    // The person's own data and brand names are not ours to translate.
    const allowed = ["example", "pseudo", "Linux", "Chrome", "Headless"];
    // wrangler dev's stand-in location of every request.
    allowed.push("Austin", "US", "Ada", ...email.split(/[^A-Za-z]+/));
    const found = [];
    const checked = [];
    /** Checks the page as it stands at both widths (a page answering a form cannot be loaded again). */
    async function check(page, name) {
      assert.equal((await htmlAttributes(page)).lang, "en-XA", `${name} is in the pseudo-language`);
      for (const width of [360, 1000]) {
        await page.setViewportSize({ width, height: 800 });
        await shot(page, `pseudo-${name}-${width}`, { docs: false });
        for (const problem of await layoutProblems(page, allowed)) found.push(`${name} at ${width}px: ${problem}`);
      }
      checked.push(name);
    }
    const go = async (page, name, pathname) => {
      await page.goto(`${server.origin}${pathname}`);
      await check(page, name);
    };

    const page = await newPage();
    await go(page, "sign-in", "/login?lang=en-XA");
    await go(page, "sign-up", "/signup");
    await go(page, "forgot", "/forgot-password");
    await page.fill("#email", email);
    await submit(page);
    await check(page, "instructions-sent");
    await go(page, "code", `/reset-password/code?email=${encodeURIComponent(email)}`);
    await go(page, "lost-second-factor", "/two-factor/lost");
    await go(page, "invalid-link", "/reset-password?token=not-a-token");
    await go(page, "not-found", "/no-such-page");
    await signUpAndIn(page, email);
    await check(page, "account");
    // The second address (issue 26): the link's page, with its button, then its answer.
    const second = `pseudo2.${email}`;
    await page.fill("#second_address", second);
    await page.fill("#second_address_password", PASSWORD);
    await submitAndWait(page, "form[action='/account/second-address'] button[type=submit]");
    const verification = await (async () => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { messages } = await (
          await fetch(`${server.origin}/dev/mailbox?to=${encodeURIComponent(second)}`)
        ).json();
        if (messages.length > 0) return /(http\S+\/second-address\/confirm\?token=\S+)/.exec(messages[0].text)[1];
        assert.ok(Date.now() < deadline, "the verification email did not arrive");
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    await go(page, "second-address-confirm", verification.replace(/^http:\/\/[^/]+/, ""));
    await submit(page);
    await check(page, "second-address-confirmed");
    await go(page, "two-factor-setup", "/account/two-factor");
    const key = decodeBase32IgnorePadding((await page.locator("#setup-key").textContent()).replace(/\s/g, ""));
    await page.fill("#code", generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) - 1), 6));
    await page.fill("#password", PASSWORD);
    await submit(page);
    await page.waitForSelector("#recovery-codes");
    assert.equal(await page.locator("nav.languages").count(), 0, "the codes, shown once, cannot be left by the menu");
    await check(page, "recovery-codes");
    await go(page, "account-two-factor-on", "/account");

    const other = await newPage();
    await other.context().addCookies((await page.context().cookies()).filter((c) => c.name === "__Host-lang"));
    await other.goto(`${server.origin}/login`);
    await other.fill("#email", email);
    await other.fill("#password", PASSWORD);
    await submit(other);
    await other.waitForURL(/\/login\/two-factor$/);
    await check(other, "sign-in-code");
    const { link } = await requestLink(other, email);
    await other.goto(link);
    await other.waitForSelector("#code");
    await check(other, "reset-code-step");
    await other.fill("#code", generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + 1), 6));
    await submit(other);
    await other.waitForSelector("#password");
    await check(other, "reset");
    await other.fill("#password", "quiet-orchard-compass-2026");
    await other.fill("#password_confirmation", "quiet-orchard-compass-2026");
    await submit(other);
    await check(other, "signed-out-after-reset");
    await go(other, "used-link", link.replace(/^http:\/\/[^/]+/, ""));
    // The reset's notice carries the "this wasn't me" link: its page, and what its button answers.
    const wasntMe = await linkTo(email, "/wasnt-me");
    await go(other, "wasnt-me", wasntMe.replace(/^http:\/\/[^/]+/, ""));
    await submit(other);
    await check(other, "wasnt-me-done");
    await go(other, "email-change-confirm-invalid", "/email-change/confirm?token=not-a-token");
    await go(other, "email-change-revert-invalid", "/email-change/revert?token=not-a-token");
    await page.context().close();
    await other.context().close();

    assert.equal(checked.length, 23);
    assert.deepEqual(found, []);
  });
});
