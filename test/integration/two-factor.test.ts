/**
 * Two-factor authentication (TOTP): enrolment on /account, sign-in through the API (Contentstack's 294) and
 * the pages' second step, recovery codes, a reset that asks for the factor, the limit across surfaces,
 * replay, and the key sealed at rest.
 */
import {
  createExecutionContext,
  runDurableObjectAlarm,
  runInDurableObject,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding, encodeBase64 } from "@oslojs/encoding";
import { describe, expect, it, vi } from "vitest";
import { readConfig } from "../../src/core/config";
import { normalizeRecoveryCode, recoveryCodeHash } from "../../src/core/recovery-codes";
import { parseSealingKey, sealingKeyId } from "../../src/core/secret-box";
import worker from "../../src/dev/worker";
import {
  api,
  auditTrail,
  BASE,
  json,
  NEW_PASSWORD,
  randomIp,
  resetTokenFor,
  STRONG_PASSWORD,
  shardForEmail,
  signIn,
  signUp,
  uniqueEmail,
  whoAmI,
} from "../helpers";
import { codeAt, PageBrowser, setupKey } from "../page-browser";

const TFA_REQUIRED = {
  error_message: "Please login using the Two-Factor verification Token",
  error_code: 294,
  tfa_type: "totp_authenticator",
};

/** An authenticator app's step: RFC 6238's 30 seconds (never the implementation's constant). */
const STEP_MS = 30_000;

/** Moves the clock one step on, so the next code is a new one (a code works once). */
function nextStep(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + STEP_MS);
}

/** Signs up, signs in with a browser, and turns two-factor on through the pages: the key and recovery codes. */
async function enrolled(label: string) {
  const email = uniqueEmail(label);
  const { uid } = await signUp(email);
  const browser = new PageBrowser();
  expect((await browser.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
  const setup = await browser.request("/account/two-factor");
  expect(setup.status).toBe(200);
  const html = await setup.text();
  expect(html).toContain("<svg");
  const keyText = /<code id="setup-key">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!;
  const key = decodeBase32IgnorePadding(keyText.replace(/ /g, ""));
  const on = await browser.request("/account/two-factor", { code: codeAt(key), password: STRONG_PASSWORD });
  expect(on.status).toBe(200);
  const codes = /<pre id="recovery-codes"[^>]*>([^<]+)<\/pre>/
    .exec(await on.text())![1]!
    .trim()
    .split(/\s+/);
  expect(codes).toHaveLength(10);
  nextStep();
  return { email, uid, key, codes, browser };
}

/**
 * The subjects in `email`'s dev mailbox once `ready` holds. Notices go through the user's registry outbox,
 * whose alarm is set by the (here faked) clock: each look runs that alarm now.
 */
async function mailWhen(uid: string, email: string, ready: (found: { subject: string; text: string }[]) => boolean) {
  return vi.waitFor(
    async () => {
      await runDurableObjectAlarm(env.SESSION_REGISTRY.getByName(uid));
      const { messages } = await json(await api(`/dev/mailbox?to=${encodeURIComponent(email)}`));
      const found = messages as { subject: string; text: string }[];
      if (!ready(found)) throw new Error("not yet");
      return found;
    },
    { timeout: 10_000, interval: 100 },
  );
}

function apiSignIn(email: string, tfa_token?: string, password = STRONG_PASSWORD) {
  return api("/v3/user-session", {
    body: { user: { email, password, ...(tfa_token === undefined ? {} : { tfa_token }) } },
  });
}

describe("API sign-in with two-factor on", () => {
  it("no tfa_token, or a wrong one: 401 with error_code 294 and tfa_type; the right one: 200", async () => {
    const { email, key } = await enrolled("api-2fa");
    for (const token of [undefined, "000000", "not-a-code"]) {
      const refused = await apiSignIn(email, token);
      expect(refused.status).toBe(401);
      expect(await json(refused)).toEqual(TFA_REQUIRED);
    }
    const ok = await apiSignIn(email, codeAt(key));
    expect(ok.status).toBe(200);
    expect((await json(ok)).notice).toBe("Login Successful.");
  });

  it("a wrong password says nothing about two-factor (the usual 422)", async () => {
    const { email, key } = await enrolled("api-2fa-pw");
    const refused = await apiSignIn(email, codeAt(key), "not-the-password-at-all-9");
    expect(refused.status).toBe(422);
    expect((await json(refused)).error_code).toBe(104);
  });

  it("a code works once: the same code again is refused (replay)", async () => {
    const { email, key } = await enrolled("replay");
    const code = codeAt(key);
    expect((await apiSignIn(email, code)).status).toBe(200);
    expect(await json(await apiSignIn(email, code))).toEqual(TFA_REQUIRED);
  });

  it("a recovery code signs in once, in any spelling; then it is refused", async () => {
    const { email, codes } = await enrolled("recovery");
    expect((await apiSignIn(email, codes[0]!.toLowerCase().replace(/-/g, " "))).status).toBe(200);
    expect(await json(await apiSignIn(email, codes[0]!))).toEqual(TFA_REQUIRED);
    expect((await apiSignIn(email, codes[1]!)).status).toBe(200);
  });

  // Codes issued before they grew to 16 characters (12, 60 bits) were shown once and may be all the owner
  // kept: their stored hashes must still match what the owner types.
  it("a 12-character recovery code issued before the codes grew still signs in, once", async () => {
    const { email, uid } = await enrolled("legacy-recovery");
    const legacy = "ABCD-EFGH-JKMN";
    const hash = recoveryCodeHash(readConfig(env).pepper, uid, normalizeRecoveryCode(legacy)!);
    await env.SESSION_REGISTRY.getByName(uid).replaceRecoveryCodes([hash], Date.now());
    expect((await apiSignIn(email, legacy.toLowerCase())).status).toBe(200);
    expect(await json(await apiSignIn(email, legacy))).toEqual(TFA_REQUIRED);
  });

  it("a tfa_token for an account without two-factor is ignored", async () => {
    const email = uniqueEmail("no-2fa");
    await signUp(email);
    expect((await apiSignIn(email, "123456")).status).toBe(200);
  });
});

describe("the wrong-code budgets", () => {
  // Attack (issue 30): someone who has the password sends 5 wrong authenticator codes, again and again, to
  // keep the owner out. Only sign-in's budget is spent: the reset has its own (it proved the mailbox), and a
  // reset ends sign-in's lock, since the password that spent it is gone.
  it("a password holder locks the sign-in codes, then the owner resets with the right code and then signs in with a recovery code", async () => {
    const { email, uid, key, codes } = await enrolled("limit");
    for (let i = 0; i < 5; i++) expect((await apiSignIn(email, `00000${i}`)).status).toBe(401);
    const locked = await apiSignIn(email, codeAt(key));
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).not.toBeNull();
    expect((await apiSignIn(email, codes[0]!)).status).toBe(429);
    // The right password came before every wrong code: the owner is told, with the way back in that works.
    const lockedSubject = "Wrong authentication codes on your account";
    const notice = (await mailWhen(uid, email, (found) => found.some((m) => m.subject === lockedSubject))).filter(
      (m) => m.subject === lockedSubject,
    );
    expect(notice).toHaveLength(1);
    expect(notice[0]!.text).toContain("so sign-in refuses codes for a while");
    expect(notice[0]!.text).toContain("the reset takes a code from your app or a recovery code even now");

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
    expect((await apiSignIn(email, codes[1]!, NEW_PASSWORD)).status).toBe(200);
  });

  it("while sign-in's codes are locked, the reset takes a recovery code", async () => {
    const { email, key, codes } = await enrolled("limit-reset");
    for (let i = 0; i < 5; i++) await apiSignIn(email, `00000${i}`);
    expect((await apiSignIn(email, codeAt(key))).status).toBe(429);
    const reset = await api("/v3/user/reset_password", {
      body: {
        user: {
          reset_password_token: await resetTokenFor(email),
          password: NEW_PASSWORD,
          password_confirmation: NEW_PASSWORD,
          tfa_token: codes[2]!,
        },
      },
    });
    expect(reset.status).toBe(200);
  });

  it("wrong codes on the reset lock only the reset: sign-in still takes the right code", async () => {
    const { email, uid, key, codes } = await enrolled("limit-reset-only");
    const link = await resetTokenFor(email);
    const reset = (tfa_token: string) =>
      api("/v3/user/reset_password", {
        body: {
          user: { reset_password_token: link, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD, tfa_token },
        },
      });
    for (let i = 0; i < 5; i++) expect((await reset(`11111${i}`)).status).toBe(401);
    expect((await reset(codes[2]!)).status).toBe(429);
    const resetSubject = "Wrong authentication codes on a password reset";
    const subjects = (await mailWhen(uid, email, (found) => found.some((m) => m.subject === resetSubject))).map(
      (m) => m.subject,
    );
    expect(subjects).not.toContain("Wrong authentication codes on your account");
    expect((await apiSignIn(email, codeAt(key))).status).toBe(200);
  });
});

describe("a reset of an account with two-factor on", () => {
  it("API: needs tfa_token; a wrong one does not use up the link; the right one resets and signs out everywhere", async () => {
    const { email, key } = await enrolled("reset-2fa");
    const session = (await json(await apiSignIn(email, codeAt(key)))).user.authtoken;
    nextStep();
    const link = await resetTokenFor(email);
    const body = (tfa_token?: string) => ({
      user: { reset_password_token: link, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD, tfa_token },
    });
    expect(await json(await api("/v3/user/reset_password", { body: body() }))).toEqual(TFA_REQUIRED);
    expect(await json(await api("/v3/user/reset_password", { body: body("123456") }))).toEqual(TFA_REQUIRED);
    const done = await api("/v3/user/reset_password", { body: body(codeAt(key)) });
    expect(done.status).toBe(200);
    expect((await whoAmI(session)).status).toBe(401);
    // A reset never turns two-factor off.
    nextStep();
    expect(await json(await apiSignIn(email, undefined, NEW_PASSWORD))).toEqual(TFA_REQUIRED);
    expect((await apiSignIn(email, codeAt(key), NEW_PASSWORD)).status).toBe(200);
  });

  // Fault: the user's registry cannot be reached while the code is checked. Nothing changed, so the answer is
  // the reset's retryable 503, and the link still works with the app's next code.
  it("API: the registry unreachable during the code check answers 503 and keeps the link", async () => {
    const { email, key } = await enrolled("reset-2fa-fault");
    const link = await resetTokenFor(email);
    const body = (tfa_token: string) => ({
      user: { reset_password_token: link, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD, tfa_token },
    });
    const realGetByName = env.SESSION_REGISTRY.getByName.bind(env.SESSION_REGISTRY);
    const unreachable = vi.spyOn(env.SESSION_REGISTRY, "getByName").mockImplementation((name: string) => {
      const stub = realGetByName(name);
      return new Proxy(stub, {
        get: (target, property) =>
          property === "useSecondFactor"
            ? () => Promise.reject(new Error("Durable Object unreachable (simulated)"))
            : Reflect.get(target, property),
      });
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = await api("/v3/user/reset_password", { body: body(codeAt(key)) });
    expect(failed.status).toBe(503);
    expect((await json(failed)).error_code).toBe(503);
    unreachable.mockRestore();
    nextStep();
    expect((await api("/v3/user/reset_password", { body: body(codeAt(key)) })).status).toBe(200);
  });

  it("pages: the link asks for the code before the new password, and a wrong code keeps the link", async () => {
    const { email, key, browser } = await enrolled("reset-pages");
    const link = await resetTokenFor(email);
    const reader = new PageBrowser();
    expect((await reader.request(`/reset-password?token=${link}`)).status).toBe(303);
    const step = await reader.request("/reset-password");
    expect(await step.text()).toContain("enter the 6-digit code from your authenticator app before choosing");
    // Straight to the final form without the code: asked for the code again, nothing changed.
    const skipped = await reader.request("/reset-password", {
      password: NEW_PASSWORD,
      password_confirmation: NEW_PASSWORD,
    });
    expect(skipped.status).toBe(422);
    const wrong = await reader.request("/reset-password/second-factor", { code: "000000" });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("That code is not right");
    expect((await reader.request("/reset-password/second-factor", { code: codeAt(key) })).status).toBe(303);
    expect(await (await reader.request("/reset-password")).text()).toContain('name="password_confirmation"');
    const done = await reader.request("/reset-password", {
      password: NEW_PASSWORD,
      password_confirmation: NEW_PASSWORD,
    });
    expect(done.headers.get("location")).toBe("/login?notice=reset&offer=passkey");
    // The enrolling browser's session ended with the reset.
    expect((await browser.request("/account")).headers.get("location")).toMatch(/^\/login/);
  });
});

describe("pages: sign-in's second step", () => {
  it("a right password leads to the code step, no session yet; the code signs in", async () => {
    const { email, key } = await enrolled("pages-2fa");
    const browser = new PageBrowser();
    const first = await browser.request("/login", { email, password: STRONG_PASSWORD });
    expect(first.headers.get("location")).toBe("/login/two-factor");
    expect(browser.cookies.has("__Host-session")).toBe(false);
    expect((await browser.request("/account")).headers.get("location")).toMatch(/^\/login/);
    const wrong = await browser.request("/login/two-factor", { code: "000000" });
    expect(wrong.status).toBe(422);
    const done = await browser.request("/login/two-factor", { code: codeAt(key) });
    expect(done.headers.get("location")).toBe("/account");
    expect((await browser.request("/account")).status).toBe(200);
  });

  it("the pending step belongs to the browser that typed the password, and lasts 5 minutes", async () => {
    const { email, key } = await enrolled("pending");
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    const stranger = new PageBrowser();
    expect((await stranger.request("/login/two-factor", { code: codeAt(key) })).headers.get("location")).toBe(
      "/login?notice=expired",
    );
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 5 * 60_000 + 1000);
    expect((await browser.request("/login/two-factor", { code: codeAt(key) })).headers.get("location")).toBe(
      "/login?notice=expired",
    );
  });

  it("a recovery code signs in on the page, once", async () => {
    const { email, codes } = await enrolled("pages-recovery");
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    expect((await browser.request("/login/two-factor", { code: codes[3]! })).headers.get("location")).toBe("/account");
    const again = new PageBrowser();
    await again.request("/login", { email, password: STRONG_PASSWORD });
    expect((await again.request("/login/two-factor", { code: codes[3]! })).status).toBe(422);
  });
});

describe("on /account", () => {
  // Attack: a leaked API token (the same token as the session cookie) turning two-factor on with the
  // attacker's own key, which would lock the owner out for good.
  it("a session alone cannot turn two-factor on: the password is asked", async () => {
    const email = uniqueEmail("setup-password");
    await signUp(email);
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    const html = await (await browser.request("/account/two-factor")).text();
    const key = decodeBase32IgnorePadding(
      /<code id="setup-key">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, ""),
    );
    expect((await browser.request("/account/two-factor", { code: codeAt(key) })).status).toBe(303);
    const wrong = await browser.request("/account/two-factor", {
      code: codeAt(key),
      password: "not-the-password-at-all",
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("That is not your password.");
    expect((await apiSignIn(email)).status).toBe(200);
  });

  it("new recovery codes need a current code, and the old ones stop working", async () => {
    const { email, key, codes, browser } = await enrolled("regen");
    const regen = (recovery_code: string, regen_password = STRONG_PASSWORD) =>
      browser.request("/account/two-factor/recovery-codes", { recovery_code, regen_password });
    expect((await regen("000000")).status).toBe(422);
    const noPassword = await regen(codeAt(key), "not-the-password-at-all");
    expect(noPassword.status).toBe(422);
    expect(await noPassword.text()).toContain("That is not your password.");
    const fresh = await regen(codeAt(key));
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toContain("Your old recovery codes no longer work.");
    expect(await json(await apiSignIn(email, codes[5]!))).toEqual(TFA_REQUIRED);
  });

  it("turning off needs the password and a current code; then sign-in asks for the password only", async () => {
    const { email, key, browser } = await enrolled("off");
    const noPassword = await browser.request("/account/two-factor/off", {
      off_password: "wrong-password-123456",
      off_code: codeAt(key),
    });
    expect(noPassword.status).toBe(422);
    expect(await noPassword.text()).toContain("That is not your password.");
    const off = await browser.request("/account/two-factor/off", {
      off_password: STRONG_PASSWORD,
      off_code: codeAt(key),
    });
    expect(off.headers.get("location")).toBe("/account?done=two_factor_off");
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(200);
  });

  it("each change is an audit event and an email to the account", async () => {
    const { email, uid, key, browser } = await enrolled("notices");
    await browser.request("/account/two-factor/off", { off_password: STRONG_PASSWORD, off_code: codeAt(key) });
    const rows = await vi.waitFor(async () => {
      const types = await auditTrail(uid, /^two_factor_/);
      if (types.length < 2) throw new Error("not yet");
      return types;
    });
    expect(rows).toEqual(["two_factor_enabled", "two_factor_disabled"]);
    const subjects = (await mailWhen(uid, email, (found) => found.length >= 2)).map((m) => m.subject);
    expect(subjects.sort()).toEqual(["Two-factor sign-in is off", "Two-factor sign-in is on"]);
  });
});

/** The recovery codes a page shows. */
async function shownCodes(response: Response): Promise<string[]> {
  return /<pre id="recovery-codes"[^>]*>([^<]+)<\/pre>/
    .exec(await response.text())![1]!
    .trim()
    .split(/\s+/);
}

describe("two-factor changes as transactions (issue 30)", () => {
  // Attack on the owner's own recovery: turning two-factor off and on again within one 30-second step used
  // to show 10 recovery codes that were never stored, because the registry refused the step as used.
  it("two-factor off and on within one step: the used step asks for the next code, and the codes shown then work", async () => {
    const { email, key, browser } = await enrolled("off-on");
    const off = await browser.request("/account/two-factor/off", {
      off_password: STRONG_PASSWORD,
      off_code: codeAt(key),
    });
    expect(off.headers.get("location")).toBe("/account?done=two_factor_off");
    const next = await setupKey(browser);
    const sameStep = await browser.request("/account/two-factor", { code: codeAt(next), password: STRONG_PASSWORD });
    expect(sameStep.status).toBe(422);
    const page = await sameStep.text();
    expect(page).toContain("Wait for the next code in the app");
    expect(page).not.toContain('id="recovery-codes"');
    // Nothing is on: sign-in asks for the password only.
    expect((await apiSignIn(email)).status).toBe(200);
    nextStep();
    const on = await browser.request("/account/two-factor", { code: codeAt(next), password: STRONG_PASSWORD });
    expect(on.status).toBe(200);
    const codes = await shownCodes(on);
    expect(codes).toHaveLength(10);
    expect((await apiSignIn(email, codes[0]!)).status).toBe(200);
    expect((await apiSignIn(email, codes[9]!)).status).toBe(200);
  });

  // Fault: the registry cannot be reached just after D1 took the key. Two-factor must not stay on without
  // stored codes: D1 takes the key back, the person sees an error, and the next try turns it on.
  it("the registry failing while two-factor turns on leaves it off; the next try works", async () => {
    const email = uniqueEmail("on-fault");
    const { uid } = await signUp(email);
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    const key = await setupKey(browser);
    const realGetByName = env.SESSION_REGISTRY.getByName.bind(env.SESSION_REGISTRY);
    const unreachable = vi.spyOn(env.SESSION_REGISTRY, "getByName").mockImplementation((name: string) => {
      const stub = realGetByName(name);
      return new Proxy(stub, {
        get: (target, property) =>
          property === "enableSecondFactor"
            ? () => Promise.reject(new Error("Durable Object unreachable (simulated)"))
            : Reflect.get(target, property),
      });
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = await browser.request("/account/two-factor", { code: codeAt(key), password: STRONG_PASSWORD });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    unreachable.mockRestore();
    const row = await shardForEmail(email)
      .prepare("SELECT totp_secret FROM users WHERE id = ?")
      .bind(uid)
      .first<{ totp_secret: string | null }>();
    expect(row!.totp_secret).toBeNull();
    expect((await apiSignIn(email)).status).toBe(200);
    const on = await browser.request("/account/two-factor", { code: codeAt(key), password: STRONG_PASSWORD });
    expect(on.status).toBe(200);
    const codes = await shownCodes(on);
    expect((await apiSignIn(email, codes[4]!)).status).toBe(200);
  });

  // Attack: a stolen session stays alive while the owner secures the account. Each change ends every other
  // session, as a password change does, and keeps the one that made it.
  it("turning two-factor on, new recovery codes and turning it off each end every other session", async () => {
    const email = uniqueEmail("changes-end-sessions");
    await signUp(email);
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    const stolen = (await json(await apiSignIn(email))).user.authtoken as string;
    const key = await setupKey(browser);
    expect(
      (await browser.request("/account/two-factor", { code: codeAt(key), password: STRONG_PASSWORD })).status,
    ).toBe(200);
    expect((await whoAmI(stolen)).status).toBe(401);
    expect((await browser.request("/account")).status).toBe(200);
    nextStep();
    const second = (await json(await apiSignIn(email, codeAt(key)))).user.authtoken as string;
    nextStep();
    const regen = await browser.request("/account/two-factor/recovery-codes", {
      recovery_code: codeAt(key),
      regen_password: STRONG_PASSWORD,
    });
    expect(regen.status).toBe(200);
    expect((await whoAmI(second)).status).toBe(401);
    expect((await browser.request("/account")).status).toBe(200);
    nextStep();
    const third = (await json(await apiSignIn(email, codeAt(key)))).user.authtoken as string;
    nextStep();
    const off = await browser.request("/account/two-factor/off", {
      off_password: STRONG_PASSWORD,
      off_code: codeAt(key),
    });
    expect(off.headers.get("location")).toBe("/account?done=two_factor_off");
    expect((await whoAmI(third)).status).toBe(401);
    expect((await browser.request("/account")).status).toBe(200);
  });

  // Fault: the queue refuses the notice. It is kept in the registry's outbox and sent again.
  it("a change's notice survives a failing queue send (the outbox retries)", async () => {
    const { email, uid, key, browser } = await enrolled("notice-retry");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const registry = env.SESSION_REGISTRY.getByName(uid);
    const send = await runInDurableObject(registry, (instance) => {
      const queue = (instance as unknown as { env: Env }).env.EMAIL_QUEUE;
      return vi.spyOn(queue, "send").mockRejectedValueOnce(new Error("Queue send failed (simulated)"));
    });
    const regen = await browser.request("/account/two-factor/recovery-codes", {
      recovery_code: codeAt(key),
      regen_password: STRONG_PASSWORD,
    });
    expect(regen.status).toBe(200);
    await mailWhen(uid, email, (found) => found.some((m) => m.subject === "New recovery codes"));
    expect(send.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(errors.mock.calls.map(([line]) => JSON.parse(String(line)).event)).toContain("outbox_send_failed");
  });
});

describe("rotating TOTP_ENCRYPTION_KEY", () => {
  it("with the old key as TOTP_ENCRYPTION_KEY_PREVIOUS, codes still work, and each key is sealed anew at its next use", async () => {
    const { email, uid, key } = await enrolled("rotate");
    const next = btoa("the-next-32-byte-totp-sealing-k!");
    const rotated = { ...env, TOTP_ENCRYPTION_KEY: next, TOTP_ENCRYPTION_KEY_PREVIOUS: env.TOTP_ENCRYPTION_KEY } as Env;
    const signInWith = async (useEnv: Env, code: string) => {
      const body = JSON.stringify({ user: { email, password: STRONG_PASSWORD, tfa_token: code } });
      const headers = { "content-type": "application/json", "cf-connecting-ip": randomIp() };
      const ctx = createExecutionContext();
      const response = await worker.fetch(
        new Request(`${BASE}/v3/user-session`, { method: "POST", headers, body }),
        useEnv,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return response;
    };
    const sealedUnder = async () =>
      (await shardForEmail(email)
        .prepare("SELECT totp_secret FROM users WHERE id = ?")
        .bind(uid)
        .first<{ totp_secret: string }>())!.totp_secret.split(".")[1];
    const before = await sealedUnder();
    expect((await signInWith(rotated, codeAt(key))).status).toBe(200);
    const after = await sealedUnder();
    expect(after).not.toBe(before);
    expect(after).toBe(sealingKeyId(parseSealingKey(next)!));
    // Once every account is sealed anew, the previous key can go.
    nextStep();
    expect((await signInWith({ ...env, TOTP_ENCRYPTION_KEY: next } as Env, codeAt(key))).status).toBe(200);
  });
});

describe("the previous key removed too early", () => {
  // Fault: TOTP_ENCRYPTION_KEY_PREVIOUS removed while an account's key is still sealed under it.
  it("a sealed key no configured key opens is 503 (not 500), logged with the key id it names", async () => {
    const { email, uid, key } = await enrolled("key-removed");
    const sealed = (await shardForEmail(email)
      .prepare("SELECT totp_secret FROM users WHERE id = ?")
      .bind(uid)
      .first<{ totp_secret: string }>())!.totp_secret;
    const oldKeyId = sealingKeyId(parseSealingKey(env.TOTP_ENCRYPTION_KEY)!);
    expect(sealed.split(".")[1]).toBe(oldKeyId);
    const removed = { ...env, TOTP_ENCRYPTION_KEY: btoa("the-next-32-byte-totp-sealing-k!") } as Env;
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const body = JSON.stringify({ user: { email, password: STRONG_PASSWORD, tfa_token: codeAt(key) } });
    const headers = { "content-type": "application/json", "cf-connecting-ip": randomIp() };
    const response = await worker.fetch(
      new Request(`${BASE}/v3/user-session`, { method: "POST", headers, body }),
      removed,
      createExecutionContext(),
    );
    expect(response.status).toBe(503);
    const lines = logged.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ event: "totp_key_unopenable", userId: uid, keyId: oldKeyId, keyConfigured: false }),
    );
    // With the previous key back, the same account signs in: nothing was lost.
    const restored = { ...removed, TOTP_ENCRYPTION_KEY_PREVIOUS: env.TOTP_ENCRYPTION_KEY } as Env;
    const again = await worker.fetch(
      new Request(`${BASE}/v3/user-session`, { method: "POST", headers, body }),
      restored,
      createExecutionContext(),
    );
    expect(again.status).toBe(200);
  });
});

describe("lost both the device and the recovery codes", () => {
  it("the code step links to a page that says plainly what to do, not back into the loop", async () => {
    const page = await new PageBrowser().request("/two-factor/lost");
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("not even with a password reset");
    expect(text).toContain("contact the support team");
  });
});

describe("the key at rest", () => {
  it("D1 holds it sealed (AES-GCM, bound to the account), never the key; the registry holds no key at all", async () => {
    const { email, uid, key } = await enrolled("sealed");
    const row = await shardForEmail(email)
      .prepare("SELECT totp_secret FROM users WHERE id = ?")
      .bind(uid)
      .first<{ totp_secret: string }>();
    expect(row!.totp_secret).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const hex = [...key].map((b) => b.toString(16).padStart(2, "0")).join("");
    for (const form of [hex, encodeBase32UpperCaseNoPadding(key), encodeBase64(key)]) {
      expect(row!.totp_secret.toLowerCase()).not.toContain(form.toLowerCase().slice(0, 16));
    }
    // Every table of the registry's SQLite, as sqlite_master lists them (not a hand list that a new table
    // would escape), with blobs as hex; and its key-value storage.
    const stub = env.SESSION_REGISTRY.getByName(uid);
    const { rows, dump } = await runInDurableObject(stub, async (_instance, state) => {
      const sql = state.storage.sql;
      const names = sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_%'")
        .toArray()
        .map((row) => row.name);
      const hex = (value: unknown) =>
        value instanceof ArrayBuffer
          ? [...new Uint8Array(value)].map((b) => b.toString(16).padStart(2, "0")).join("")
          : value;
      const tables = names.map((name) =>
        sql
          .exec(`SELECT * FROM "${name}"`)
          .toArray()
          .map((row) => Object.values(row).map(hex)),
      );
      const kv = [...(await state.storage.list()).entries()];
      return {
        rows: Object.fromEntries(names.map((name, i) => [name, tables[i]!.length])),
        dump: JSON.stringify([tables, kv]),
      };
    });
    // The dump reads the object's data: its state and session, the ten recovery codes (hashed).
    expect(rows).toMatchObject({ state: 1, sessions: 1, recovery_codes: 10 });
    for (const form of [hex, encodeBase32UpperCaseNoPadding(key), encodeBase64(key)]) {
      expect(dump.toLowerCase()).not.toContain(form.toLowerCase().slice(0, 16));
    }
  });
});
