/**
 * Attacks on the two-factor steps' signed cookies, each built by the test (issue 29): a pending sign-in
 * naming another account or with a wrong MAC, one carried over a reset, one past its time; the reset's code
 * proof of one link presented with another. And set-up with a wrong code. Each guard here has a mutant in
 * scripts/mutants-list.mjs that this file kills.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { writePendingSignIn, writeResetFactor } from "../../src/pages/cookies";
import { findUserById } from "../../src/storage/users";
import { api, json, NEW_PASSWORD, resetTokenFor, STRONG_PASSWORD, shardForUser, signUp, uniqueEmail } from "../helpers";
import { codeAt, enrolled, mintCookies, PageBrowser, setupKey, wrongCode } from "../page-browser";

afterEach(() => {
  vi.useRealTimers();
});

const PENDING = "__Host-sign_in_pending";
const RESET_FACTOR = "__Host-reset_factor";
const MINUTE = 60_000;

async function credentialVersion(uid: string): Promise<number> {
  return (await findUserById(shardForUser(uid), uid))!.credentialVersion;
}

/** A genuine pending cookie for the account, minted by the format function, as of `now`. */
async function pendingCookie(uid: string, now = Date.now()): Promise<string> {
  const version = await credentialVersion(uid);
  return (await mintCookies((c) => writePendingSignIn(c, { userId: uid, credentialVersion: version }, now))).get(
    PENDING,
  )!;
}

/** The code step with this pending cookie: whether it signed in. */
async function codeStep(pending: string, code: string): Promise<{ signedIn: boolean; location: string | null }> {
  const browser = new PageBrowser();
  browser.cookies.set(PENDING, pending);
  const response = await browser.request("/login/two-factor", { code });
  return { signedIn: browser.cookies.has("__Host-session"), location: response.headers.get("location") };
}

const REFUSED = { signedIn: false, location: "/login?notice=expired" };

function apiSignIn(email: string, password: string, tfa_token?: string) {
  return api("/v3/user-session", { body: { user: { email, password, tfa_token } } });
}

describe("the pending sign-in cookie: who typed the right password", () => {
  // Attack: skip the victim's password by writing the cookie that says it was typed; then one code (or one
  // stolen recovery code) is the whole sign-in.
  it("a cookie with a wrong MAC, or one of the attacker's own with the victim's id swapped in, signs nobody in", async () => {
    const victim = await enrolled("victim");
    const attacker = await enrolled("attacker");
    const genuine = await pendingCookie(victim.uid);
    const tag = genuine.slice(genuine.lastIndexOf(".") + 1);
    const flipped = `${genuine.slice(0, -tag.length)}${tag[0] === "A" ? "B" : "A"}${tag.slice(1)}`;
    expect(await codeStep(flipped, codeAt(victim.key))).toEqual(REFUSED);
    // The attacker's own genuine cookie, its account id replaced by the victim's.
    const own = await pendingCookie(attacker.uid);
    expect(own).toContain(attacker.uid);
    expect(await codeStep(own.replace(attacker.uid, victim.uid), codeAt(victim.key))).toEqual(REFUSED);
    // The control: the genuine cookie, with the same code, does sign in.
    expect(await codeStep(genuine, codeAt(victim.key))).toEqual({ signedIn: true, location: "/account" });
  });

  // Attack: the password was stolen and typed; the owner resets it; the thief, holding the step begun
  // before, finishes it with a code (a phished one, or a recovery code) after the reset.
  it("a step begun before a reset does not finish after it", async () => {
    const { email, key } = await enrolled("carried-over");
    const thief = new PageBrowser();
    expect((await thief.request("/login", { email, password: STRONG_PASSWORD })).headers.get("location")).toBe(
      "/login/two-factor",
    );
    const link = await resetTokenFor(email);
    const reset = await api("/v3/user/reset_password", {
      body: {
        user: {
          reset_password_token: link,
          password: NEW_PASSWORD,
          password_confirmation: NEW_PASSWORD,
          tfa_token: codeAt(key),
        },
      },
    });
    expect(reset.status).toBe(200);
    const finished = await thief.request("/login/two-factor", { code: codeAt(key, 1) });
    expect(finished.headers.get("location")).toBe("/login?notice=expired");
    expect(thief.cookies.has("__Host-session")).toBe(false);
  });

  it("is __Host-, HttpOnly, Secure, SameSite=Lax, for five minutes: no script or other site reads it", async () => {
    const { email } = await enrolled("pending-attributes");
    const response = await new PageBrowser().request("/login", { email, password: STRONG_PASSWORD });
    const line = response.headers.getSetCookie().find((l) => l.startsWith(`${PENDING}=`));
    expect(line).toBeDefined();
    const attributes = line!
      .split(";")
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    expect(attributes.sort()).toEqual(["httponly", "max-age=300", "path=/", "samesite=lax", "secure"]);
  });

  it("a genuine cookie past its five minutes signs nobody in, on the page or with its code", async () => {
    const { uid, key } = await enrolled("expired");
    const stale = await pendingCookie(uid, Date.now() - 5 * MINUTE - MINUTE);
    const browser = new PageBrowser();
    browser.cookies.set(PENDING, stale);
    expect((await browser.request("/login/two-factor")).headers.get("location")).toBe("/login?notice=expired");
    expect(await codeStep(stale, codeAt(key))).toEqual(REFUSED);
    expect(await codeStep(await pendingCookie(uid), codeAt(key))).toEqual({ signedIn: true, location: "/account" });
  });
});

describe("the reset's code proof: this browser typed a good code for this link", () => {
  /** A browser holding the link (its cookie planted as the emailed link does). */
  async function holding(browser: PageBrowser, link: string): Promise<void> {
    expect((await browser.request(`/reset-password?token=${link}`)).headers.get("location")).toBe("/reset-password");
  }
  const newPassword = { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD };

  // Attack: someone who holds the victim's link but not their authenticator proves a code on a link of
  // their own account, then presents that proof with the victim's link.
  it("a code proven on the attacker's own link does not pass on the victim's link", async () => {
    const attacker = await enrolled("proof-attacker");
    const victim = await enrolled("proof-victim");
    const browser = new PageBrowser();
    await holding(browser, await resetTokenFor(attacker.email));
    const proven = await browser.request("/reset-password/second-factor", { code: codeAt(attacker.key) });
    expect(proven.headers.get("location")).toBe("/reset-password");
    expect(browser.cookies.has(RESET_FACTOR)).toBe(true);
    expect(await (await browser.request("/reset-password")).text()).toContain('name="password_confirmation"');

    await holding(browser, await resetTokenFor(victim.email));
    expect(browser.cookies.has(RESET_FACTOR)).toBe(true);
    expect(await (await browser.request("/reset-password")).text()).not.toContain('name="password_confirmation"');
    expect((await browser.request("/reset-password", newPassword)).status).toBe(422);
    // The victim's password is unchanged: the new one is a wrong password (422), the old one asks the code.
    expect((await apiSignIn(victim.email, NEW_PASSWORD)).status).toBe(422);
    expect((await apiSignIn(victim.email, STRONG_PASSWORD)).status).toBe(401);
  });

  // Attack: guessing is refused and counted, but a refusal that still hands out the proof ends the reset's
  // second factor.
  it("a wrong code earns no proof: the form stays behind the code step", async () => {
    const victim = await enrolled("proof-wrong");
    const browser = new PageBrowser();
    await holding(browser, await resetTokenFor(victim.email));
    const wrong = await browser.request("/reset-password/second-factor", { code: wrongCode(victim.key) });
    expect(wrong.status).toBe(422);
    expect(browser.cookies.has(RESET_FACTOR)).toBe(false);
    expect((await browser.request("/reset-password", newPassword)).status).toBe(422);
    expect((await apiSignIn(victim.email, NEW_PASSWORD)).status).toBe(422);
  });

  it("a genuine proof for this very link, past its ten minutes, does not pass", async () => {
    const { email } = await enrolled("proof-expired");
    const link = await resetTokenFor(email);
    const browser = new PageBrowser();
    await holding(browser, link);
    const stale = await mintCookies((c) => writeResetFactor(c, link, Date.now() - 11 * MINUTE));
    browser.cookies.set(RESET_FACTOR, stale.get(RESET_FACTOR)!);
    expect((await browser.request("/reset-password", newPassword)).status).toBe(422);
    expect((await apiSignIn(email, NEW_PASSWORD)).status).toBe(422);
    // The control: the same proof minted now passes, so only its time refused the stale one.
    const fresh = await mintCookies((c) => writeResetFactor(c, link, Date.now()));
    browser.cookies.set(RESET_FACTOR, fresh.get(RESET_FACTOR)!);
    expect((await browser.request("/reset-password", newPassword)).headers.get("location")).toBe(
      "/login?notice=reset&offer=passkey",
    );
  });
});

describe("two-factor set-up, and turning it off", () => {
  // The setup cookie carries the new key, sealed with its expiry: a page left open for hours must not
  // turn two-factor on with a key the person may have deleted from the app.
  it("a set-up page's key lasts ten minutes: later, even its right code starts the set-up again", async () => {
    const email = uniqueEmail("setup-late");
    await signUp(email);
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    const key = await setupKey(browser);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * MINUTE + 1000);
    const late = await browser.request("/account/two-factor", { code: codeAt(key), password: STRONG_PASSWORD });
    expect(late.headers.get("location")).toBe("/account/two-factor");
    expect((await apiSignIn(email, STRONG_PASSWORD)).status).toBe(200);
  });

  // Fault: a mistyped first code accepted would turn two-factor on with a key the app may not have, and
  // lock the person out.
  // Attack: a stolen session and password (a shared computer) turning two-factor off without the device.
  it("turning off with the right password and a wrong code is refused, and two-factor stays on", async () => {
    const { email, key, browser } = await enrolled("off-wrong");
    const refused = await browser.request("/account/two-factor/off", {
      off_password: STRONG_PASSWORD,
      off_code: wrongCode(key),
    });
    expect(refused.status).toBe(422);
    expect((await apiSignIn(email, STRONG_PASSWORD)).status).toBe(401);
    const off = await browser.request("/account/two-factor/off", {
      off_password: STRONG_PASSWORD,
      off_code: codeAt(key),
    });
    expect(off.headers.get("location")).toBe("/account?done=two_factor_off");
    expect((await apiSignIn(email, STRONG_PASSWORD)).status).toBe(200);
  });

  it("a wrong code is refused (422, the same key shown again), and two-factor stays off", async () => {
    const email = uniqueEmail("setup-wrong");
    await signUp(email);
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    const key = await setupKey(browser);
    const refused = await browser.request("/account/two-factor", { code: wrongCode(key), password: STRONG_PASSWORD });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("That code is not right.");
    const signIn = await apiSignIn(email, STRONG_PASSWORD);
    expect(signIn.status).toBe(200);
    expect((await json(signIn)).user.authtoken).toBeTypeOf("string");
    // The control: the right code turns it on, and sign-in asks for a code from then on.
    expect(
      (await browser.request("/account/two-factor", { code: codeAt(key), password: STRONG_PASSWORD })).status,
    ).toBe(200);
    expect((await apiSignIn(email, STRONG_PASSWORD)).status).toBe(401);
  });
});
