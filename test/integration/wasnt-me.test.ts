/**
 * "This wasn't me" (issue 26): the link in every security notice opens a page with one button; the button
 * (a POST, origin-checked) signs out every session, voids reset links and codes, drops a pending email
 * change and asks for a reset before the next sign-in. Audited and shown on /account.
 */
import { describe, expect, it, vi } from "vitest";
import {
  alteredToken,
  auditTrail,
  authtokenFor,
  BASE,
  homeIp,
  INVALID_CREDENTIALS,
  json,
  type MailboxMessage,
  NEW_PASSWORD,
  page,
  resetPassword,
  resetTokenFor,
  STRONG_PASSWORD,
  signIn,
  signUp,
  uniqueEmail,
  waitForMail,
  whoAmI,
} from "../helpers";

function wasntMeToken(message: MailboxMessage): string {
  const match = /\/wasnt-me\?token=([A-Za-z0-9._-]+)/.exec(message.text);
  if (match === null) throw new Error(`no "this wasn't me" link in: ${message.text}`);
  return match[1]!;
}

/** An account whose password was changed on /account: the notice with its link, and two live sessions. */
async function accountWithNotice() {
  const email = uniqueEmail("notme");
  const user = await signUp(email);
  const here = await authtokenFor(email, STRONG_PASSWORD);
  const changed = await page("/account/password", {
    form: { current_password: STRONG_PASSWORD, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
    cookie: here,
    ip: homeIp(email),
  });
  expect(changed.status).toBe(303);
  const [notice] = await waitForMail(email);
  expect(notice!.subject).toBe("Your password was changed");
  const other = await authtokenFor(email, NEW_PASSWORD);
  return { email, uid: user.uid as string, here, other, token: wasntMeToken(notice!) };
}

describe("this wasn't me", () => {
  // A mail scanner follows every link in a message: the GET shows the button and does nothing else.
  it("the link's page changes nothing; its button ends every session and asks for a reset", async () => {
    const { email, uid, here, other, token } = await accountWithNotice();
    const shown = await page(`/wasnt-me?token=${token}`);
    expect(shown.status).toBe(200);
    const html = await shown.text();
    expect(html).toContain('action="/wasnt-me"');
    expect(html).toContain('method="post"');
    expect((await whoAmI(here)).status).toBe(200);

    const pressed = await page("/wasnt-me", { form: { token } });
    expect(pressed.status).toBe(200);
    expect((await whoAmI(here)).status).toBe(401);
    expect((await whoAmI(other)).status).toBe(401);
    // The password alone signs in no more: the API keeps Contentstack's answer, the page says what to do.
    expect(await json(await signIn(email, NEW_PASSWORD))).toEqual(INVALID_CREDENTIALS);
    const login = await page("/login", { form: { email, password: NEW_PASSWORD }, ip: homeIp(email) });
    expect(login.status).toBe(422);
    expect(await login.text()).toContain("Choose a new password");
    await vi.waitFor(async () => expect(await auditTrail(uid, "account_locked_down")).toEqual(["account_locked_down"]));
  });

  it("voids the reset link sent before it", async () => {
    const { email, token } = await accountWithNotice();
    const before = await resetTokenFor(email);
    expect((await page("/wasnt-me", { form: { token } })).status).toBe(200);
    expect((await resetPassword(before, "another-quiet-meadow-88")).status).toBe(422);
  });

  it("works once: a second press changes nothing more", async () => {
    const { token } = await accountWithNotice();
    expect((await page("/wasnt-me", { form: { token } })).status).toBe(200);
    expect((await page("/wasnt-me", { form: { token } })).status).toBe(422);
  });

  // Attack: a cross-site page posts the form with a stolen link to lock the owner out (or to test links).
  it("refuses a cross-site POST and a forged link", async () => {
    const { here, token } = await accountWithNotice();
    const crossSite = await exportsFetch("/wasnt-me", token, "https://evil.example");
    expect(crossSite.status).toBe(403);
    const forged = alteredToken(token);
    expect((await page(`/wasnt-me?token=${forged}`)).status).toBe(422);
    expect((await page("/wasnt-me", { form: { token: forged } })).status).toBe(422);
    expect((await whoAmI(here)).status).toBe(200);
  });

  it("a reset asked after it lifts the hold, and the account's events show it", async () => {
    const { email, token } = await accountWithNotice();
    await page("/wasnt-me", { form: { token } });
    const reset = await resetTokenFor(email);
    await resetPassword(reset, "another-quiet-meadow-88");
    const authtoken = await vi.waitFor(() => authtokenFor(email, "another-quiet-meadow-88"));
    await vi.waitFor(async () => {
      const html = await (await page("/account", { cookie: authtoken, ip: homeIp(email) })).text();
      expect(html).toContain("Account secured");
      // Its detail in the page's words: two sessions ended.
      expect(html).toContain("all 2 sessions");
      const german = await (await page("/account?lang=de", { cookie: authtoken, ip: homeIp(email) })).text();
      expect(german).toContain("alle 2 Sitzungen");
    });
  });
});

async function exportsFetch(path: string, token: string, origin: string): Promise<Response> {
  const { exports } = await import("cloudflare:workers");
  return (exports as { default: { fetch(r: Request): Promise<Response> } }).default.fetch(
    new Request(`${BASE}${path}`, {
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
      body: new URLSearchParams({ token }),
      redirect: "manual",
    }),
  );
}
