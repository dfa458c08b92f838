/**
 * The bot challenge before the last of the daily cap (domain/bot-check.ts), through the Worker's fetch with
 * siteverify played by the local stand-in (test/support/turnstile-stand-in.mjs): off without the keys; on,
 * it asks an untrusted browser for a solved Turnstile token once half of the email's cap is spent, checks it
 * before the password, counts no failure for a refused challenge, refuses a token used twice, fails closed
 * when siteverify cannot answer, and leaves trusted devices and the API alone.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { emailKey } from "../../src/core/email-address";
import worker from "../../src/dev/worker";
import { BASE, randomIp, STRONG_PASSWORD, shardForEmail, signUp, uniqueEmail } from "../helpers";

/** Turnstile on, against the stand-in (a new object: configuration is cached per env). */
const onEnv = {
  ...env,
  TURNSTILE_SITE_KEY: env.TEST_TURNSTILE_SITE_KEY,
  TURNSTILE_SECRET_KEY: env.TEST_TURNSTILE_SECRET,
  TURNSTILE_VERIFY_URL: `${env.TEST_TURNSTILE_URL}/turnstile/v0/siteverify`,
} as Env;
const WIDGET = 'class="cf-turnstile"';
const SCRIPT = "https://challenges.cloudflare.com/turnstile/v0/api.js";
const WRONG = "not-the-password-at-all-42";

/** A browser with its own network and cookie jar, against `useEnv`. */
class Browser {
  cookies = new Map<string, string>();
  constructor(
    readonly useEnv: Env,
    readonly ip = randomIp(),
  ) {}

  async signIn(email: string, password: string, token?: string): Promise<Response> {
    const form: Record<string, string> = { email, password };
    if (token !== undefined) form["cf-turnstile-response"] = token;
    const headers: Record<string, string> = {
      accept: "text/html",
      origin: BASE,
      "cf-connecting-ip": this.ip,
      "content-type": "application/x-www-form-urlencoded",
    };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const request = new Request(`${BASE}/login`, {
      method: "POST",
      headers,
      body: new URLSearchParams(form),
      redirect: "manual",
    });
    const ctx = createExecutionContext();
    const response = await worker.fetch(request, this.useEnv, ctx);
    await waitOnExecutionContext(ctx);
    for (const line of response.headers.getSetCookie()) {
      const [name, ...value] = line.split(";")[0]!.split("=");
      this.cookies.set(name!, value.join("="));
    }
    return response;
  }
}

/** The email's day window, as if `failures` untrusted guesses had failed in it already. */
async function spendCap(email: string, failures: number): Promise<void> {
  await shardForEmail(email)
    .prepare(
      `INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at) VALUES (?, '*', ?, 0, ?)
       ON CONFLICT (email_key, scope) DO UPDATE SET failures = excluded.failures, updated_at = excluded.updated_at`,
    )
    .bind(emailKey(email), failures, Date.now())
    .run();
}

async function capSpent(email: string): Promise<number> {
  const row = await shardForEmail(email)
    .prepare("SELECT failures FROM sign_in_throttle WHERE email_key = ? AND scope = '*'")
    .bind(emailKey(email))
    .first<{ failures: number }>();
  return row?.failures ?? 0;
}

/** A token as the widget hands the form once solved; `fail`: siteverify answers that code for it instead. */
async function solved(options: { action?: string; fail?: string; times?: number } = {}): Promise<string> {
  const response = await fetch(`${env.TEST_TURNSTILE_URL}/__stand-in/token`, {
    method: "POST",
    body: JSON.stringify({ action: "login", ...options }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** Every siteverify request the stand-in received, for tokens or a client address. */
async function verifyRequests(match: (body: Record<string, string>) => boolean) {
  const response = await fetch(`${env.TEST_TURNSTILE_URL}/__stand-in/requests`);
  const all = (await response.json()) as { body: Record<string, string> | null }[];
  return all.flatMap((r) => (r.body !== null && match(r.body) ? [r.body] : []));
}

function csp(response: Response): string {
  return response.headers.get("content-security-policy") ?? "";
}

describe("Turnstile off (no keys)", () => {
  it("no widget, no siteverify call, and no Cloudflare origin in the CSP, however much of the cap is spent", async () => {
    const email = uniqueEmail("ts-off");
    await signUp(email);
    await spendCap(email, 99);
    const browser = new Browser(env);
    const refused = await browser.signIn(email, WRONG);
    expect(refused.status).toBe(422);
    expect(await refused.text()).not.toContain(WIDGET);
    expect(csp(refused)).not.toContain("challenges.cloudflare.com");
    expect(csp(refused)).toMatch(/script-src 'nonce-[^']+'; frame-src 'none';/);
    expect(await verifyRequests((b) => b.remoteip === browser.ip)).toEqual([]);
  });
});

describe("Turnstile on", () => {
  it("below half the cap: no challenge; at half (50 of 100): the widget, and no failure counted without a token", async () => {
    const email = uniqueEmail("ts-half");
    await signUp(email);
    await spendCap(email, 48);
    const browser = new Browser(onEnv);
    const first = await browser.signIn(email, WRONG);
    expect(first.status).toBe(422);
    expect(await first.text()).not.toContain(WIDGET);
    expect(await capSpent(email)).toBe(49);
    const second = await new Browser(onEnv).signIn(email, `${WRONG}-b`);
    expect(await second.text()).not.toContain(WIDGET);
    expect(await capSpent(email)).toBe(50);

    // Half spent: the right password without a solved challenge is not even checked.
    const asked = await new Browser(onEnv).signIn(email, STRONG_PASSWORD);
    expect(asked.status).toBe(422);
    const html = await asked.text();
    expect(html).toContain(WIDGET);
    expect(html).toContain(`data-sitekey="${env.TEST_TURNSTILE_SITE_KEY}"`);
    expect(html).toContain('data-action="login"');
    expect(html).toMatch(new RegExp(`<script src="${SCRIPT}" nonce="[^"]+"`));
    expect(html).toContain("complete the check below");
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(csp(asked)).toMatch(/script-src 'nonce-[^']+' https:\/\/challenges\.cloudflare\.com/);
    expect(csp(asked)).toContain("frame-src https://challenges.cloudflare.com");
    expect(asked.headers.getSetCookie().some((c) => c.startsWith("__Host-session="))).toBe(false);
    expect(await capSpent(email)).toBe(50);
  });

  it("a solved token: checked with siteverify (secret, remoteip, idempotency key) before the password; right password signs in", async () => {
    const email = uniqueEmail("ts-pass");
    await signUp(email);
    await spendCap(email, 60);
    const browser = new Browser(onEnv);
    const token = await solved();
    const signedIn = await browser.signIn(email, STRONG_PASSWORD, token);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/account");
    const [sent] = await verifyRequests((b) => b.response === token);
    expect(sent).toMatchObject({ secret: "***", remoteip: browser.ip });
    expect(sent!.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a solved token and a wrong password: the failure counts, and the form comes back with the widget", async () => {
    const email = uniqueEmail("ts-wrong");
    await signUp(email);
    await spendCap(email, 60);
    const refused = await new Browser(onEnv).signIn(email, WRONG, await solved());
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain("Looks like your email or password is invalid");
    expect(html).toContain(WIDGET);
    expect(await capSpent(email)).toBe(61);
  });

  // Attack: one solved challenge replayed for many guesses.
  it("a token used twice: the second use is refused (timeout-or-duplicate) before the password, counting nothing", async () => {
    const email = uniqueEmail("ts-twice");
    await signUp(email);
    await spendCap(email, 70);
    const token = await solved();
    expect((await new Browser(onEnv).signIn(email, WRONG, token)).status).toBe(422);
    expect(await capSpent(email)).toBe(71);
    const replay = await new Browser(onEnv).signIn(email, STRONG_PASSWORD, token);
    expect(replay.status).toBe(422);
    const html = await replay.text();
    expect(html).toContain("The check was not completed, or it expired.");
    expect(html).toContain(WIDGET);
    expect(replay.headers.getSetCookie().some((c) => c.startsWith("__Host-session="))).toBe(false);
    expect(await capSpent(email)).toBe(71);
  });

  it("failing: a forged token, or one made for another form, is refused with the widget again, counting nothing", async () => {
    const email = uniqueEmail("ts-forged");
    await signUp(email);
    await spendCap(email, 50);
    for (const token of ["forged-token", await solved({ action: "signup" })]) {
      const refused = await new Browser(onEnv).signIn(email, STRONG_PASSWORD, token);
      expect(refused.status).toBe(422);
      expect(await refused.text()).toContain(WIDGET);
    }
    expect(await capSpent(email)).toBe(50);
  });

  it("siteverify cannot answer (internal-error twice, or no answer in time): 503, a retryable message, nothing counted (fail closed)", async () => {
    const email = uniqueEmail("ts-down");
    await signUp(email);
    await spendCap(email, 50);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const fail of ["internal-error", "hang"]) {
      const down = await new Browser(onEnv).signIn(email, STRONG_PASSWORD, await solved({ fail, times: 2 }));
      expect(down.status, fail).toBe(503);
      const html = await down.text();
      expect(html).toContain("Nothing was counted: please sign in again in a moment.");
      expect(html).toContain(WIDGET);
    }
    expect(await capSpent(email)).toBe(50);
    expect(logged.mock.calls.map(([line]) => String(line))).toContainEqual(
      expect.stringContaining('"event":"turnstile_unavailable"'),
    );
    // Cloudflare back: the same person gets in with a fresh token.
    expect((await new Browser(onEnv).signIn(email, STRONG_PASSWORD, await solved())).status).toBe(303);
  });

  it("a secret Cloudflare does not know: 503 for every challenged sign-in (an operator's fault, logged)", async () => {
    const email = uniqueEmail("ts-secret");
    await signUp(email);
    await spendCap(email, 50);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const wrongSecret = { ...onEnv, TURNSTILE_SECRET_KEY: "0x-not-the-secret" } as Env;
    const refused = await new Browser(wrongSecret).signIn(email, STRONG_PASSWORD, await solved());
    expect(refused.status).toBe(503);
  });

  it("a trusted device (signed in here before) is never asked", async () => {
    const email = uniqueEmail("ts-trusted");
    await signUp(email);
    const owner = new Browser(onEnv);
    expect((await owner.signIn(email, STRONG_PASSWORD)).status).toBe(303);
    expect(owner.cookies.has("__Host-device")).toBe(true);
    await spendCap(email, 90);
    const again = await owner.signIn(email, STRONG_PASSWORD);
    expect(again.status).toBe(303);
  });

  it("an unknown email gets the same challenge at the same point (no account is revealed)", async () => {
    const email = uniqueEmail("ts-nobody");
    await spendCap(email, 50);
    const asked = await new Browser(onEnv).signIn(email, WRONG);
    expect(asked.status).toBe(422);
    expect(await asked.text()).toContain(WIDGET);
    expect(await capSpent(email)).toBe(50);
  });

  it("the API (/v3/user-session) is unaffected: no challenge, no siteverify call", async () => {
    const email = uniqueEmail("ts-api");
    await signUp(email);
    await spendCap(email, 90);
    const ip = randomIp();
    const request = new Request(`${BASE}/v3/user-session`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": ip },
      body: JSON.stringify({ user: { email, password: STRONG_PASSWORD } }),
    });
    const ctx = createExecutionContext();
    const response = await worker.fetch(request, onEnv, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(200);
    expect(await verifyRequests((b) => b.remoteip === ip)).toEqual([]);
  });
});
