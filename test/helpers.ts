/** Story-level helpers: talk to the Worker through its real fetch, like an SDK or a browser would. */
import { env, exports } from "cloudflare:workers";
import { expect, vi } from "vitest";
import { emailKey, normalizeEmail } from "../src/core/email-address";
import { shardBinding } from "../src/core/shards";
import type { PasswordResetJob } from "../src/domain/email-jobs";
import type { MailboxMessage } from "../src/mail/mailbox";
import { allShardDatabases, emailDatabase, placementOf, userDatabase } from "../src/storage/shard-databases";

export const BASE = "https://accounts.example.test";
export const STRONG_PASSWORD = "violet-harbour-lantern-47";
export const NEW_PASSWORD = "quiet-orchard-compass-2026";

/**
 * `token` with its third character from the end changed to another: a forged MAC or secret of the same shape,
 * never the token itself. (Writing "AA" over the tail left a tag that already ended in "AA", one in 4,096,
 * unchanged; and the last character of a base64url string may carry unused bits a decoder ignores.)
 */
export function alteredToken(token: string): string {
  return `${token.slice(0, -3)}${token.at(-3) === "A" ? "B" : "A"}${token.slice(-2)}`;
}

let counter = 0;
/** A unique address per call, so tests in one file do not share per-email limits. */
export function uniqueEmail(label = "user"): string {
  counter++;
  return `${label}.${Date.now().toString(36)}.${counter}.${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/**
 * The D1 shard of an address's per-email state (throttles, code failures, suppressions), and of any account
 * signed up for it under the test run's layout (TEST_SHARD_LAYOUT; with one shard, env.DB).
 */
export function shardForEmail(email: string): D1Database {
  return emailDatabase(env, emailKey(normalizeEmail(email)));
}

/** The D1 shard an account's id names. */
export function shardForUser(userId: string): D1Database {
  return userDatabase(env, userId);
}

/** Every shard of the test run's layout. */
export function everyShard(): D1Database[] {
  return allShardDatabases(env).map(({ db }) => db);
}

/** The binding name of an address's shard (to swap it for a failing stand-in in an env copy). */
export function shardBindingForEmail(email: string): string {
  return shardBinding(placementOf(env, emailKey(normalizeEmail(email))));
}

/**
 * The types of the account's audit events, oldest first, read from its shard: only `only` (a type, or a
 * pattern of types) if given. Tests count events with it: `toEqual(["sign_out"])` is "exactly one".
 */
export async function auditTrail(userId: string, only?: string | RegExp): Promise<string[]> {
  const { results } = await shardForUser(userId)
    .prepare("SELECT type FROM audit_events WHERE user_id = ? ORDER BY id")
    .bind(userId)
    .all<{ type: string }>();
  const types = results.map((row) => row.type);
  if (only === undefined) return types;
  return types.filter((type) => (typeof only === "string" ? type === only : only.test(type)));
}

/** A forgot-password job as the request path enqueues it (for tests that drive the consumer directly). */
export function resetJob(email: string, overrides: Partial<PasswordResetJob> = {}): PasswordResetJob {
  return {
    kind: "password_reset",
    requestId: crypto.randomUUID(),
    email,
    requestedAt: Date.now(),
    ip: "203.0.113.9",
    userAgent: "TestAgent/1.0",
    ...overrides,
  };
}

/** A unique client address, so per-IP flood limits do not couple tests. */
export function randomIp(): string {
  return `10.${rand255()}.${rand255()}.${rand255()}`;
}
function rand255(): number {
  return Math.floor(Math.random() * 255);
}

export interface ApiOptions {
  method?: string;
  body?: unknown;
  authtoken?: string;
  ip?: string;
  headers?: Record<string, string>;
}

/** A request to the Worker; JSON bodies by default, a fresh client IP unless one is given. */
export async function api(path: string, options: ApiOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  headers.set("cf-connecting-ip", options.ip ?? randomIp());
  if (options.authtoken !== undefined) headers.set("authtoken", options.authtoken);
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const method = options.method ?? (body === undefined ? "GET" : "POST");
  // Redirects are answers to check, not to follow (the pages answer 303s).
  return exports.default.fetch(new Request(`${BASE}${path}`, { method, headers, body, redirect: "manual" }));
}

/**
 * A request from a browser on this site: HTML wanted, a same-site Origin, a client address (random unless
 * given), the session cookie if given. With `form` it is a form POST; redirects are not followed.
 */
export function page(
  path: string,
  { form, cookie, ip }: { form?: Record<string, string>; cookie?: string; ip?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: "text/html", origin: BASE, "cf-connecting-ip": ip ?? randomIp() };
  if (cookie !== undefined) headers.cookie = `__Host-session=${cookie}`;
  if (form === undefined) return exports.default.fetch(new Request(`${BASE}${path}`, { headers, redirect: "manual" }));
  headers["content-type"] = "application/x-www-form-urlencoded";
  const body = new URLSearchParams(form);
  return exports.default.fetch(new Request(`${BASE}${path}`, { method: "POST", headers, body, redirect: "manual" }));
}

/** The device cookie (`__Host-device`) a page answer set, if any. */
export function deviceCookieOf(response: Response): string | undefined {
  return /__Host-device=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
}

/** The /login form as a browser sends it, from `ip`, with the device cookie if it has one. */
export async function pageSignIn(email: string, password: string, init: { ip: string; device?: string }) {
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    origin: BASE,
    accept: "text/html",
    "cf-connecting-ip": init.ip,
  };
  if (init.device !== undefined) headers.cookie = `__Host-device=${init.device}`;
  const response = await exports.default.fetch(
    new Request(`${BASE}/login`, {
      method: "POST",
      headers,
      body: new URLSearchParams({ email, password }),
      redirect: "manual",
    }),
  );
  return {
    status: response.status,
    device: deviceCookieOf(response),
    cookies: response.headers.get("set-cookie") ?? "",
  };
}

export async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export async function signUp(email: string, password = STRONG_PASSWORD): Promise<any> {
  const response = await api("/v3/user", {
    body: { user: { email, password, password_confirmation: password, first_name: "Ada", last_name: "Lovelace" } },
  });
  expect(response.status).toBe(201);
  return (await json(response)).user;
}

/**
 * One person's client address: the same for every sign-in to one email unless a test says otherwise, since
 * failed sign-ins count per (email, client network); and different for different emails, so per-IP flood
 * limits do not couple tests.
 */
export function homeIp(email: string): string {
  let hash = 2166136261;
  for (const ch of email) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `10.${(hash >>> 16) & 255}.${(hash >>> 8) & 255}.${hash & 255}`;
}

export async function signIn(
  email: string,
  password: string,
  init: { userAgent?: string; ip?: string } = {},
): Promise<Response> {
  return api("/v3/user-session", {
    body: { user: { email, password } },
    ip: init.ip ?? homeIp(email),
    headers: init.userAgent ? { "user-agent": init.userAgent } : {},
  });
}

/** Signs in and returns the authtoken, failing the test otherwise. */
export async function authtokenFor(email: string, password: string, userAgent?: string): Promise<string> {
  const response = await signIn(email, password, { userAgent });
  expect(response.status).toBe(200);
  return (await json(response)).user.authtoken;
}

export async function requestReset(email: string, ip?: string): Promise<Response> {
  return api("/v3/user/forgot_password", { body: { user: { email } }, ip });
}

export type { MailboxMessage };

export async function mailbox(email: string): Promise<MailboxMessage[]> {
  return (await json<{ messages: MailboxMessage[] }>(await api(`/dev/mailbox?to=${encodeURIComponent(email)}`)))
    .messages;
}

/** Waits for the queue consumer to deliver `count` messages to the address; returns them newest first. */
export async function waitForMail(email: string, count = 1): Promise<MailboxMessage[]> {
  return vi.waitFor(
    async () => {
      const messages = await mailbox(email);
      if (messages.length < count) throw new Error(`${messages.length} of ${count} messages for ${email}`);
      return messages;
    },
    { timeout: 10_000, interval: 50 },
  );
}

/** The reset token in a reset email's link. */
export function tokenFrom(message: MailboxMessage): string {
  const match = /\/reset-password\?token=((?:blt(?:[0-9a-f]{4})?[0-9a-f]{24}\.)?[A-Za-z0-9_-]{43})/.exec(message.text);
  if (match === null) throw new Error(`no reset link in: ${message.text}`);
  return match[1]!;
}

/** Forgot-password, then the token from the email that arrives. */
export async function resetTokenFor(email: string): Promise<string> {
  const resets = async () => (await mailbox(email)).filter((m) => m.subject === "Reset your password");
  const before = (await resets()).length;
  expect((await requestReset(email)).status).toBe(200);
  // Other notices (two-factor turned on, say) may arrive in between: the newest reset email is the one.
  const messages = await vi.waitFor(
    async () => {
      const found = await resets();
      if (found.length <= before) throw new Error(`no new reset email for ${email}`);
      return found;
    },
    { timeout: 10_000, interval: 50 },
  );
  return tokenFrom(messages[0]!);
}

export async function resetPassword(
  token: string,
  password = NEW_PASSWORD,
  confirmation = password,
): Promise<Response> {
  return api("/v3/user/reset_password", {
    body: { user: { reset_password_token: token, password, password_confirmation: confirmation } },
  });
}

export async function whoAmI(authtoken: string): Promise<Response> {
  return api("/v3/user", { authtoken });
}

/** The API's envelopes that tests compare whole. */
export const INVALID_CREDENTIALS = {
  error_message: "Looks like your email or password is invalid. Please try again or reset your password.",
  error_code: 104,
  errors: {},
};
export const NOT_LOGGED_IN = {
  error_message: "You're not allowed in here unless you're logged in.",
  error_code: 105,
  errors: {},
};
export const TOKEN_SHAPE = /^blt(?:[0-9a-f]{4})?[0-9a-f]{24}\.[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{22}$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Durations, as the tests write them. */
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/**
 * Asserts an error response: status, `Cache-Control: no-store`, JSON, and a body with exactly the keys
 * error_message (non-empty string), error_code (number), errors (object of string arrays).
 */
export async function expectEnvelope(
  response: Response,
  status: number,
  code: number,
): Promise<{ error_message: string; error_code: number; errors: Record<string, string[]> }> {
  expect(response.status).toBe(status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = await json(response);
  expect(Object.keys(body).sort()).toEqual(["error_code", "error_message", "errors"]);
  expect(typeof body.error_message).toBe("string");
  expect(body.error_message.length).toBeGreaterThan(0);
  expect(body.error_code).toBe(code);
  expect(body.errors !== null && typeof body.errors === "object" && !Array.isArray(body.errors)).toBe(true);
  for (const messages of Object.values(body.errors)) {
    expect(Array.isArray(messages)).toBe(true);
    for (const message of messages as unknown[]) expect(typeof message).toBe("string");
  }
  return body;
}

/** A POST with raw bytes and exactly the given headers (no helper defaults such as a JSON Content-Type). */
export function rawPost(path: string, body: BodyInit | null, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(
    new Request(`${BASE}${path}`, {
      method: "POST",
      body,
      headers: { "cf-connecting-ip": `10.9.${Math.floor(Math.random() * 255)}.1`, ...headers },
    }),
  );
}

export function signUpBody(
  email: string,
  password = STRONG_PASSWORD,
  confirmation = password,
  extra: Record<string, unknown> = {},
) {
  return { user: { email, password, password_confirmation: confirmation, ...extra } };
}

export function postSignUp(
  email: string,
  password = STRONG_PASSWORD,
  confirmation = password,
  extra: Record<string, unknown> = {},
): Promise<Response> {
  return api("/v3/user", { body: signUpBody(email, password, confirmation, extra) });
}

export function lockedEnvelopeCheck(response: Response, retryAfter: number): Promise<unknown> {
  expect(response.headers.get("retry-after")).toBe(String(retryAfter));
  return expectEnvelope(response, 429, 429);
}
