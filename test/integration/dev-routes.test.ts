/**
 * Development-only surfaces stay shut outside local development, and the reset page plants no cookie for a
 * dead link.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, json, resetTokenFor, signUp, uniqueEmail } from "../helpers";

describe("the dev mailbox", () => {
  it("200 with the messages when addressed to a local or .test host", async () => {
    const email = uniqueEmail("mailbox");
    await signUp(email);
    await resetTokenFor(email);
    const response = await api(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    expect(response.status).toBe(200);
    expect((await json(response)).messages).toHaveLength(1);
  });

  // Attack: a Worker deployed by mistake with the development configuration would hand out every reset
  // link at /dev/mailbox. Reached through its real hostname, the route does not exist.
  it("404 envelope when addressed to a real hostname, even with the mailbox provider on", async () => {
    for (const origin of ["https://accounts.example.com", "https://edge-password-reset.example.workers.dev"]) {
      const response = await exports.default.fetch(new Request(`${origin}/dev/mailbox`));
      expect(response.status).toBe(404);
      expect(await json(response)).toMatchObject({ error_code: 112 });
    }
  });

  it("404 for the bench routes when BENCH_ROUTES is off", async () => {
    expect((await api("/__bench/hello")).status).toBe(404);
  });
});

describe("GET /reset-password?token=", () => {
  // Attack: luring a victim through a link with the attacker's (or a made-up) token must not leave a reset
  // cookie behind; a dead link says so at once.
  it("410 invalid-link page and no cookie for a made-up token", async () => {
    const response = await api(`/reset-password?token=${"A".repeat(43)}`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(410);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.text()).toContain("This link is not valid");
  });

  it("303 to the token-free URL with a __Host- session cookie (no Max-Age) for a live token", async () => {
    const email = uniqueEmail("reset-page");
    await signUp(email);
    const token = await resetTokenFor(email);
    const response = await api(`/reset-password?token=${token}`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/reset-password");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const cookie = response.headers.get("set-cookie") ?? "";
    // __Host-: no sibling subdomain can plant one; no Max-Age: it dies with the browser session.
    expect(cookie).toBe(`__Host-reset_token=${token}; Path=/; HttpOnly; Secure; SameSite=Lax`);
  });
});
