/**
 * Plain http where the service is served over https (NIST SP 800-63B sections 3.1.1.2 and 5.1: secrets only
 * over an encrypted channel). The tests' APP_URL is https, as production's must be; local development's
 * (http://localhost) is tried through the Worker with that one value changed.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/dev/worker";
import { BASE, json, randomIp, STRONG_PASSWORD, signUp, uniqueEmail } from "../helpers";

const PLAIN = BASE.replace("https:", "http:");
const ONE_YEAR = "max-age=31536000";

function fetchApp(url: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  const headers = { "cf-connecting-ip": randomIp(), ...init.headers };
  return exports.default.fetch(new Request(url, { ...init, headers, redirect: "manual" }));
}

describe("plain http, where APP_URL is https", () => {
  // Attack: a link or a typed address opens the sign-in form over http; a network attacker reads or rewrites
  // it. The form is never served over http: the browser is sent to https at once, path and query kept.
  it("a GET or HEAD is sent to https with 308, the path and query kept", async () => {
    for (const path of ["/login?notice=expired", "/", "/v3/user", "/reset-password/abc?lang=fr"]) {
      for (const method of ["GET", "HEAD"]) {
        const response = await fetchApp(`${PLAIN}${path}`, { method, headers: { accept: "text/html" } });
        expect(response.status, `${method} ${path}`).toBe(308);
        expect(response.headers.get("location"), path).toBe(`${BASE}${path}`);
      }
    }
  });

  // The body already crossed in clear: acting on it would teach a client that http works. Nothing is done.
  it("a POST over http signs no one in: 403 with error_code 107 in the API's envelope, a page for a browser", async () => {
    const email = uniqueEmail("plain-http");
    await signUp(email);
    const api = await fetchApp(`${PLAIN}/v3/user-session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: { email, password: STRONG_PASSWORD } }),
    });
    expect(api.status).toBe(403);
    expect(await json(api)).toEqual({
      error_message: "This service accepts only https. Send the request again to the https:// address.",
      error_code: 107,
      errors: {},
    });
    const form = await fetchApp(`${PLAIN}/login`, {
      method: "POST",
      headers: { accept: "text/html", origin: PLAIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password: STRONG_PASSWORD }).toString(),
    });
    expect(form.status).toBe(403);
    expect(form.headers.get("set-cookie")).toBeNull();
    expect(await form.text()).toContain("Secure connection required");
  });

  it("every https answer carries Strict-Transport-Security for a year: pages, the API, errors, static files", async () => {
    for (const [path, status] of [
      ["/login", 200],
      ["/v3/user", 401],
      ["/no-such-page", 404],
      ["/static/app.css", 200],
    ] as const) {
      const response = await fetchApp(`${BASE}${path}`, { headers: { accept: "text/html" } });
      expect(response.status, path).toBe(status);
      expect(response.headers.get("strict-transport-security"), path).toBe(ONE_YEAR);
    }
  });
});

describe("local development (APP_URL http://localhost)", () => {
  it("plain http is served as before, with no Strict-Transport-Security", async () => {
    const local = { ...env, APP_URL: "http://localhost:8787" } as Env;
    const ctx = createExecutionContext();
    const response = await worker.fetch(
      new Request("http://localhost:8787/login", { headers: { accept: "text/html", "cf-connecting-ip": randomIp() } }),
      local,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(200);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});
