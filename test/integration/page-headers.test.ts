/**
 * The pages' headers on every page, and the live sign-out socket's Origin check (issue 29): the CSP's
 * script-src read exactly, `Cache-Control: no-store` on every page answer (GET pages and form answers,
 * refusals included), and /live refusing other sites. Each has a mutant in scripts/mutants-list.mjs.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { authtokenFor, BASE, randomIp, resetTokenFor, STRONG_PASSWORD, signUp, uniqueEmail } from "../helpers";
import { enrolled, PageBrowser } from "../page-browser";

/** The CSP as a map from directive to its sources. */
function parseCsp(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name !== undefined && name !== "") directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** A signed-in browser, a browser on the code step of sign-in, and a stranger. */
async function browsers() {
  const email = uniqueEmail("headers");
  await signUp(email);
  const signedIn = new PageBrowser();
  expect((await signedIn.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
  const twoFactor = await enrolled("headers-2fa");
  const pending = new PageBrowser();
  await pending.request("/login", { email: twoFactor.email, password: STRONG_PASSWORD });
  expect(pending.cookies.has("__Host-sign_in_pending")).toBe(true);
  const resetting = new PageBrowser();
  await resetting.request(`/reset-password?token=${await resetTokenFor(twoFactor.email)}`);
  return { email, signedIn, pending, resetting, stranger: new PageBrowser() };
}

describe("the CSP's script-src", () => {
  // Attack: an injected <script> or inline handler runs only if the CSP lets inline scripts run.
  it("is exactly one nonce, fresh per response, carried by every script of the page; nothing inline", async () => {
    const { signedIn, stranger } = await browsers();
    const seen = new Set<string>();
    const pages: [PageBrowser, string][] = [
      [stranger, "/login"],
      [stranger, "/signup"],
      [stranger, "/forgot-password"],
      [signedIn, "/account"],
      [signedIn, "/account/two-factor"],
    ];
    for (const [browser, path] of pages) {
      const response = await browser.request(path);
      expect(response.status, path).toBe(200);
      const csp = parseCsp(response.headers.get("content-security-policy"));
      const scriptSrc = csp.get("script-src");
      expect(scriptSrc, path).toHaveLength(1);
      const nonce = /^'nonce-([A-Za-z0-9+/_-]{16,}={0,2})'$/.exec(scriptSrc![0]!)?.[1];
      expect(nonce, `${path}: ${scriptSrc}`).toBeDefined();
      expect(csp.get("default-src"), path).toEqual(["'none'"]);
      expect(seen.has(nonce!), "a nonce is never reused").toBe(false);
      seen.add(nonce!);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes, path).toContain(`nonce="${nonce}"`);
        expect(attributes, path).toMatch(/\bsrc="\/static\/[a-z-]+\.js"/);
        expect(body!.trim(), path).toBe("");
      }
      expect(html, path).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
      expect(html, path).not.toMatch(/javascript:/i);
    }
  });

  it("error pages: the same, or no script-src (default-src 'none'); and no script at all", async () => {
    for (const path of ["/no-such-page", "/v3-not-a-page/x"]) {
      const response = await new PageBrowser().request(path);
      expect(response.status).toBe(404);
      const csp = parseCsp(response.headers.get("content-security-policy"));
      expect(csp.get("default-src")).toEqual(["'none'"]);
      const scriptSrc = csp.get("script-src") ?? csp.get("default-src")!;
      expect(scriptSrc.join(" "), path).toMatch(/^(?:'none'|'nonce-[A-Za-z0-9+/_-]{16,}={0,2}')$/);
      expect(await response.text()).not.toMatch(/<script/i);
    }
  });
});

describe("Cache-Control: no-store on every page answer", () => {
  // Attack: a shared or back-button cache keeps a page with account data, a token, or a code form.
  it("every GET page and every form's answer, signed in or not, refusals and redirects included", async () => {
    const { email, signedIn, pending, resetting, stranger } = await browsers();
    const wrong = "not-the-password-at-all-9";
    const steps: [PageBrowser, string, Record<string, string>?][] = [
      [stranger, "/"],
      [stranger, "/login"],
      [stranger, "/login?notice=expired"],
      [stranger, "/signup"],
      [stranger, "/forgot-password"],
      [stranger, "/reset-password"],
      [stranger, "/reset-password?token=made-up"],
      [stranger, "/reset-password/code"],
      [stranger, "/two-factor/lost"],
      [stranger, "/login/two-factor"],
      [stranger, "/account"],
      [stranger, "/account/two-factor"],
      [stranger, "/live/status"],
      [stranger, "/no-such-page"],
      [signedIn, "/"],
      [signedIn, "/account"],
      [signedIn, "/account?done=password"],
      [signedIn, "/account/two-factor"],
      [signedIn, "/live/status"],
      [pending, "/login/two-factor"],
      [resetting, "/reset-password"],
      [stranger, "/login", { email, password: wrong }],
      [stranger, "/login", { email: "", password: "" }],
      [stranger, "/signup", { email: "bad", password: "x", password_confirmation: "y" }],
      [stranger, "/forgot-password", { email: uniqueEmail("nobody") }],
      [stranger, "/reset-password", { password: wrong, password_confirmation: wrong }],
      [stranger, "/reset-password/second-factor", { code: "123456" }],
      [stranger, "/reset-password/code", { email, code: "12345678" }],
      [stranger, "/reset-password/new-link", { token: "made-up" }],
      [stranger, "/login/two-factor", { code: "123456" }],
      [stranger, "/account/password", { current_password: wrong, password: wrong, password_confirmation: wrong }],
      [pending, "/login/two-factor", { code: "12345" }],
      [resetting, "/reset-password/second-factor", { code: "123456" }],
      [signedIn, "/account/password", { current_password: wrong, password: wrong, password_confirmation: wrong }],
      [signedIn, "/account/language", { language: "de" }],
      [signedIn, "/account/language", { language: "xx" }],
      [signedIn, "/account/two-factor", { code: "123456", password: STRONG_PASSWORD }],
      [signedIn, "/account/two-factor/recovery-codes", { recovery_code: "123456", regen_password: wrong }],
      [signedIn, "/account/two-factor/off", { off_code: "123456", off_password: wrong }],
      [signedIn, "/account/sign-out-others", {}],
      [new PageBrowser(), "/login", { email, password: STRONG_PASSWORD }],
      [signedIn, "/account/sign-out-everywhere", {}],
      [signedIn, "/account/sign-out", {}],
    ];
    for (const [browser, path, form] of steps) {
      const response = await browser.request(path, form);
      const label = `${form === undefined ? "GET" : "POST"} ${path} (${response.status})`;
      expect(response.headers.get("cache-control"), label).toBe("no-store");
    }
    // The password check of the forms' live hints answers JSON, but is a page route too.
    const check = await exports.default.fetch(
      new Request(`${BASE}/password-check`, {
        method: "POST",
        headers: { origin: BASE, "content-type": "application/json", "cf-connecting-ip": randomIp() },
        body: JSON.stringify({ password: STRONG_PASSWORD }),
      }),
    );
    expect(check.status).toBe(200);
    expect(check.headers.get("cache-control")).toBe("no-store");
  });

  it("refusals before any route: a cross-site form (403) and an oversized one (413)", async () => {
    const post = (origin: string, body: string) =>
      exports.default.fetch(
        new Request(`${BASE}/login`, {
          method: "POST",
          headers: {
            accept: "text/html",
            origin,
            "content-type": "application/x-www-form-urlencoded",
            "cf-connecting-ip": randomIp(),
          },
          body,
          redirect: "manual",
        }),
      );
    const crossSite = await post("https://evil.example", "email=a%40example.com&password=x");
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("cache-control")).toBe("no-store");
    const large = await post(BASE, `email=a%40example.com&password=${"x".repeat(20_000)}`);
    expect(large.status).toBe(413);
    expect(large.headers.get("cache-control")).toBe("no-store");
  });

  it("only the static files may be cached (they hold no account data)", async () => {
    const response = await new PageBrowser().request("/static/app.css");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
  });
});

describe("/live, the live sign-out socket", () => {
  function open(origin: string | null, token?: string): Promise<Response> {
    const headers: Record<string, string> = { upgrade: "websocket", "cf-connecting-ip": randomIp() };
    if (origin !== null) headers.origin = origin;
    if (token !== undefined) headers.cookie = `__Host-session=${token}`;
    return exports.default.fetch(new Request(`${BASE}/live`, { headers }));
  }

  // Attack: cross-site WebSocket hijacking. Browsers send cookies with a cross-origin upgrade, and a socket
  // is not covered by CORS: another site could open the person's socket and learn when they sign out.
  it("another origin, Origin: null, or none at all: 403, even with the person's cookie", async () => {
    const email = uniqueEmail("live");
    await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    for (const origin of [
      "https://evil.example",
      "null",
      `${BASE}.evil.example`,
      "http://accounts.example.test",
      null,
    ]) {
      const refused = await open(origin, token);
      expect(refused.status, String(origin)).toBe(403);
      expect(refused.webSocket, String(origin)).toBeNull();
    }
    // The control: this site's own page opens it.
    const upgraded = await open(BASE, token);
    expect(upgraded.status).toBe(101);
    const socket = upgraded.webSocket!;
    socket.accept();
    socket.close(1000, "done");
  });

  it("this origin without a session: 401; no upgrade asked: 426; /live/status says whether the session lives", async () => {
    expect((await open(BASE)).status).toBe(401);
    const email = uniqueEmail("live-status");
    await signUp(email);
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    expect((await browser.request("/live/status")).status).toBe(204);
    expect((await new PageBrowser().request("/live/status")).status).toBe(401);
    await browser.request("/account/sign-out", {});
    expect((await browser.request("/live/status")).status).toBe(401);
    const plain = await exports.default.fetch(new Request(`${BASE}/live`, { headers: { origin: BASE } }));
    expect(plain.status).toBe(426);
  });
});
