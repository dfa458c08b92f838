/**
 * A browser for the attack tests of issue 29: it keeps the cookies the Worker sets, and a test can plant,
 * swap or forge any of them before the next request, as an attacker's own browser can.
 */
import { env, exports } from "cloudflare:workers";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { type Context, Hono } from "hono";
import { expect } from "vitest";
import { readConfig } from "../src/core/config";
import { totpAt } from "../src/core/totp";
import type { PageEnv } from "../src/pages/page-language";
import { BASE, randomIp, STRONG_PASSWORD, signUp, uniqueEmail } from "./helpers";

export class PageBrowser {
  cookies = new Map<string, string>();
  readonly ip = randomIp();

  async request(path: string, form?: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { accept: "text/html", origin: BASE, "cf-connecting-ip": this.ip };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let body: string | undefined;
    if (form !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(form).toString();
    }
    const method = form === undefined ? "GET" : "POST";
    const response = await exports.default.fetch(
      new Request(`${BASE}${path}`, { method, headers, body, redirect: "manual" }),
    );
    keepCookies(this.cookies, response);
    return response;
  }
}

function keepCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, ...value] = pair!.split("=");
    if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name!);
    else jar.set(name!, value.join("="));
  }
}

/**
 * The cookies a page function sets, run on a scratch Hono context with the Worker's config: a test mints a
 * genuine cookie through the format function itself (so a change of format changes the test's cookie too).
 */
export async function mintCookies(write: (c: Context<PageEnv>) => void): Promise<Map<string, string>> {
  const app = new Hono<PageEnv>().get("/", (c) => {
    c.set("config", readConfig(env));
    write(c);
    return c.body(null, 204);
  });
  const jar = new Map<string, string>();
  keepCookies(jar, await app.request("/"));
  return jar;
}

/** The code the app shows `steps` steps from now: RFC 6238's 30-second steps (never the implementation's constant). */
export function codeAt(key: Uint8Array, steps = 0): string {
  return totpAt(key, Math.floor(Date.now() / 30_000) + steps);
}

/** A six-digit code the app shows at no step near now: wrong, whatever the window. */
export function wrongCode(key: Uint8Array): string {
  const near = new Set([-2, -1, 0, 1, 2].map((step) => codeAt(key, step)));
  for (let steps = 100; ; steps++) if (!near.has(codeAt(key, steps))) return codeAt(key, steps);
}

/** The setup page of a signed-in browser: its key. */
export async function setupKey(browser: PageBrowser): Promise<Uint8Array> {
  const setup = await browser.request("/account/two-factor");
  expect(setup.status).toBe(200);
  const keyText = /<code id="setup-key">([A-Z2-7 ]+)<\/code>/.exec(await setup.text())![1]!;
  return decodeBase32IgnorePadding(keyText.replace(/ /g, ""));
}

/** Signs up, signs in with a browser, and turns two-factor on through the pages. */
export async function enrolled(
  label: string,
): Promise<{ email: string; uid: string; key: Uint8Array; browser: PageBrowser }> {
  const email = uniqueEmail(label);
  const { uid } = await signUp(email);
  const browser = new PageBrowser();
  expect((await browser.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
  const key = await setupKey(browser);
  // The code of the step before: a code works once, so the test's codes of now and the next step stay new.
  const on = await browser.request("/account/two-factor", { code: codeAt(key, -1), password: STRONG_PASSWORD });
  expect(on.status).toBe(200);
  return { email, uid, key, browser };
}
