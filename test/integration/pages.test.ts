/** Page-side guards found by the real-network review: body limits, JSON-only hints, notices, cookie renewal. */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { authtokenFor, BASE, randomIp, STRONG_PASSWORD, signUp, uniqueEmail } from "../helpers";

function page(path: string, init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {}) {
  const headers = { accept: "text/html", origin: BASE, "cf-connecting-ip": randomIp(), ...init.headers };
  return exports.default.fetch(new Request(`${BASE}${path}`, { ...init, headers, redirect: "manual" }));
}

describe("pages", () => {
  // Abuse: make the Worker read and parse megabytes through a page form.
  it("a form body over 16 KiB is refused with 413 before anything reads it", async () => {
    const email = uniqueEmail("big-form");
    const body = new URLSearchParams({ email, password: "x".repeat(17 * 1024) });
    const response = await page("/login", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("Request too large");
  });

  it("the live password hint takes JSON only", async () => {
    const form = await page("/password-check", {
      method: "POST",
      body: "password=abc",
      headers: { "content-type": "text/plain" },
    });
    expect(form.status).toBe(415);
    const json = await page("/password-check", {
      method: "POST",
      body: JSON.stringify({ password: STRONG_PASSWORD }),
      headers: { "content-type": "application/json" },
    });
    expect(await json.json()).toEqual({ ok: true });
  });

  it("?notice= shows only the service's own notices (not 'constructor')", async () => {
    for (const notice of ["constructor", "toString", "__proto__"]) {
      const html = await (await page(`/login?notice=${notice}`)).text();
      expect(html).not.toContain('class="notice');
    }
    expect(await (await page("/login?notice=reset")).text()).toContain("Your password has been successfully reset.");
  });

  // One rule for both: a session ends after SESSION_IDLE_DAYS (30) without use; the cookie follows it.
  it("each /account visit renews the session cookie for another idle period", async () => {
    const email = uniqueEmail("renew");
    await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    const response = await page("/account", { headers: { cookie: `__Host-session=${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBe(
      `__Host-session=${token}; Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Lax`,
    );
  });
});
