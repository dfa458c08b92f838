/**
 * Changing the email address on /account (issue 26): asked with the password, confirmed from the new
 * address within 60 minutes, nothing changed before; then the old address is told, with a revert link
 * that works once, and every other session ends.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { emailKey, normalizeEmail } from "../../src/core/email-address";
import { emailDatabase } from "../../src/storage/shard-databases";
import {
  alteredToken,
  auditTrail,
  authtokenFor,
  homeIp,
  INVALID_CREDENTIALS,
  json,
  type MailboxMessage,
  mailbox,
  page,
  randomIp,
  STRONG_PASSWORD,
  shardForUser,
  signIn,
  signUp,
  uniqueEmail,
  waitForMail,
  whoAmI,
} from "../helpers";

function fromBrowser(email: string, authtoken: string, path: string, form?: Record<string, string>) {
  return page(path, { form, cookie: authtoken, ip: homeIp(email) });
}

/** The token of the link to `path` in an email's text. */
function linkToken(message: MailboxMessage, path: string): string {
  const match = new RegExp(`${path.replaceAll("/", "\\/")}\\?token=([A-Za-z0-9._-]+)`).exec(message.text);
  if (match === null) throw new Error(`no ${path} link in: ${message.text}`);
  return match[1]!;
}

async function mailWithSubject(email: string, subject: string): Promise<MailboxMessage> {
  const messages = await waitForMail(email);
  const found = messages.find((m) => m.subject === subject);
  if (found !== undefined) return found;
  const again = await waitForMail(email, messages.length + 1);
  const message = again.find((m) => m.subject === subject);
  if (message === undefined) throw new Error(`no "${subject}" for ${email}`);
  return message;
}

/** A new address the account can move to: one placed in the account's shard (with one shard, any). */
function newAddressFor(uid: string): string {
  for (;;) {
    const address = uniqueEmail("new");
    if (emailDatabase(env, emailKey(normalizeEmail(address))) === shardForUser(uid)) return address;
  }
}

async function account() {
  const email = uniqueEmail("move");
  const user = await signUp(email);
  const here = await authtokenFor(email, STRONG_PASSWORD);
  const elsewhere = await authtokenFor(email, STRONG_PASSWORD);
  return { email, uid: user.uid as string, here, elsewhere };
}

async function askChange(email: string, authtoken: string, newEmail: string, password = STRONG_PASSWORD) {
  return fromBrowser(email, authtoken, "/account/email", { new_email: newEmail, email_password: password });
}

async function confirmToken(newEmail: string) {
  return linkToken(await mailWithSubject(newEmail, "Confirm your new email address"), "/email-change/confirm");
}

describe("email change on /account", () => {
  it("offers the form on the account page", async () => {
    const { email, here } = await account();
    const html = await (await fromBrowser(email, here, "/account")).text();
    expect(html).toContain('action="/account/email"');
  });

  it("asks for the right password: a wrong one changes nothing and sends nothing", async () => {
    const { email, uid, here } = await account();
    const newEmail = newAddressFor(uid);
    const response = await askChange(email, here, newEmail, "not-the-password-at-all");
    expect(response.status).toBe(422);
    expect(await mailbox(newEmail)).toEqual([]);
  });

  // Attack: a session thief (or a typo) changes the address. Nothing changes until the new address confirms.
  it("changes nothing until the new address confirms; then the old one is told, and other sessions end", async () => {
    const { email, uid, here, elsewhere } = await account();
    const newEmail = newAddressFor(uid);
    const asked = await askChange(email, here, newEmail);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("We sent a confirmation link to");
    await mailWithSubject(email, "A change of your email address was asked for");
    const token = await confirmToken(newEmail);

    // Before the button: still the old address, and a GET of the link (a mail scanner) changes nothing.
    expect((await page(`/email-change/confirm?token=${token}`)).status).toBe(200);
    expect((await json(await whoAmI(here))).user.email).toBe(email);
    expect((await signIn(newEmail, STRONG_PASSWORD)).status).toBe(422);

    const confirmed = await page("/email-change/confirm", { form: { token } });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain(newEmail);
    expect((await json(await whoAmI(here))).user.email).toBe(newEmail);
    expect((await whoAmI(elsewhere)).status).toBe(401);
    expect((await signIn(newEmail, STRONG_PASSWORD)).status).toBe(200);
    // The old address no longer names the account (asked from another network: this one's slot is busy a moment).
    expect(await json(await signIn(email, STRONG_PASSWORD, { ip: randomIp() }))).toEqual(INVALID_CREDENTIALS);

    const done = await mailWithSubject(email, "Your email address was changed");
    expect(done.text).toContain("/email-change/revert?token=");
    expect(done.text).toContain("/wasnt-me?token=");
    await vi.waitFor(async () => {
      expect(await auditTrail(uid, /^email_change/)).toEqual(["email_change_requested", "email_changed"]);
    });
  });

  it("a confirmation link works once", async () => {
    const { email, uid, here } = await account();
    const newEmail = newAddressFor(uid);
    await askChange(email, here, newEmail);
    const token = await confirmToken(newEmail);
    expect((await page("/email-change/confirm", { form: { token } })).status).toBe(200);
    expect((await page("/email-change/confirm", { form: { token } })).status).toBe(422);
  });

  it("a forged or altered link is refused, on the page and on the button", async () => {
    const { email, uid, here } = await account();
    const newEmail = newAddressFor(uid);
    await askChange(email, here, newEmail);
    const token = await confirmToken(newEmail);
    const forged = alteredToken(token);
    expect((await page(`/email-change/confirm?token=${forged}`)).status).toBe(422);
    expect((await page("/email-change/confirm", { form: { token: forged } })).status).toBe(422);
    expect((await json(await whoAmI(here))).user.email).toBe(email);
  });

  // Race: the new address signs up between the ask and the confirmation. D1's UNIQUE decides: no two accounts share it.
  it("an address taken by a sign-up before the confirmation is not given to the change", async () => {
    const { email, uid, here } = await account();
    const newEmail = newAddressFor(uid);
    await askChange(email, here, newEmail);
    const token = await confirmToken(newEmail);
    await signUp(newEmail);
    const confirmed = await page("/email-change/confirm", { form: { token } });
    expect(confirmed.status).toBe(422);
    expect(await confirmed.text()).toContain("used by another account");
    expect((await json(await whoAmI(here))).user.email).toBe(email);
  });

  it("the revert link restores the old address, signs everyone out, asks for a reset, and works once", async () => {
    const { email, uid, here } = await account();
    const newEmail = newAddressFor(uid);
    await askChange(email, here, newEmail);
    await page("/email-change/confirm", { form: { token: await confirmToken(newEmail) } });
    const revert = linkToken(await mailWithSubject(email, "Your email address was changed"), "/email-change/revert");

    expect((await page(`/email-change/revert?token=${revert}`)).status).toBe(200);
    expect((await json(await whoAmI(here))).user.email).toBe(newEmail); // a GET changes nothing
    const reverted = await page("/email-change/revert", { form: { token: revert } });
    expect(reverted.status).toBe(200);
    expect((await whoAmI(here)).status).toBe(401);
    // The old address is back, but the password alone no longer signs in: a reset first.
    expect(await json(await signIn(email, STRONG_PASSWORD))).toEqual(INVALID_CREDENTIALS);
    expect(await json(await signIn(newEmail, STRONG_PASSWORD))).toEqual(INVALID_CREDENTIALS);
    const login = await page("/login", { form: { email, password: STRONG_PASSWORD }, ip: homeIp(email) });
    expect(await login.text()).toContain("Choose a new password");

    expect((await page("/email-change/revert", { form: { token: revert } })).status).toBe(422);
    await mailWithSubject(email, "The change of your email address was undone");
    await vi.waitFor(async () => {
      expect(await auditTrail(uid, /locked_down|reverted/)).toEqual(["account_locked_down", "email_change_reverted"]);
    });
  });
});
