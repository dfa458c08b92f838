/**
 * Protections a browser test cannot notice, because a real browser signs in from the same origin: the
 * Origin check on every page form (CSRF), framing refused on every page (clickjacking), and every cookie's
 * attributes. Found by mutation testing (scripts/mutants.mjs): each of these could be deleted with every
 * other test still green.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { authtokenFor, BASE, homeIp, randomIp, STRONG_PASSWORD, signIn, signUp, uniqueEmail, whoAmI } from "../helpers";

const FORMS = [
  "/login",
  "/signup",
  "/forgot-password",
  "/reset-password",
  "/account/sign-out",
  "/account/sign-out-others",
  "/account/sign-out-everywhere",
];

function post(path: string, headers: Record<string, string>, body = "email=a%40example.com") {
  return exports.default.fetch(
    new Request(`${BASE}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": randomIp(), ...headers },
      body,
      redirect: "manual",
    }),
  );
}

describe("CSRF: every page form refuses a request from elsewhere", () => {
  // Attack: another site posts the form in the victim's browser (cookies included).
  it.each(FORMS)("%s: 403 from another origin, with Origin: null, and with no Origin at all", async (path) => {
    const variants: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, {}];
    for (const headers of variants) {
      const response = await post(path, { accept: "text/html", ...headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
  });

  it("a cross-site 'sign out everywhere' changes nothing, and a cross-site sign-up creates no account", async () => {
    const email = uniqueEmail("csrf-victim");
    await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    const forged = await post("/account/sign-out-everywhere", {
      origin: "https://evil.example",
      cookie: `__Host-session=${token}`,
    });
    expect(forged.status).toBe(403);
    expect((await whoAmI(token)).status).toBe(200);

    const newcomer = uniqueEmail("csrf-signup");
    const body = new URLSearchParams({
      email: newcomer,
      password: STRONG_PASSWORD,
      password_confirmation: STRONG_PASSWORD,
    });
    expect((await post("/signup", { origin: "https://evil.example" }, body.toString())).status).toBe(403);
    expect((await signIn(newcomer, STRONG_PASSWORD)).status).toBe(422);
  });
});

describe("framing: every page refuses to be framed", () => {
  it("frame-ancestors 'none' and X-Frame-Options: DENY on every page, error pages included", async () => {
    const email = uniqueEmail("frames");
    await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    const pages = [
      ["/login", {}],
      ["/signup", {}],
      ["/forgot-password", {}],
      ["/reset-password", {}],
      ["/account", { cookie: `__Host-session=${token}` }],
      ["/no-such-page", {}],
    ] as const;
    for (const [path, headers] of pages) {
      const response = await exports.default.fetch(
        new Request(`${BASE}${path}`, { headers: { accept: "text/html", ...headers }, redirect: "manual" }),
      );
      expect(response.headers.get("content-security-policy"), path).toMatch(/frame-ancestors 'none'/);
      if (path !== "/no-such-page") expect(response.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });
});

describe("cookies", () => {
  it("the session cookie: __Host-, HttpOnly, Secure, SameSite=Lax, Path=/, the idle lifetime", async () => {
    const email = uniqueEmail("cookie");
    await signUp(email);
    const response = await post(
      "/login",
      { origin: BASE, "cf-connecting-ip": homeIp(email) },
      new URLSearchParams({ email, password: STRONG_PASSWORD }).toString(),
    );
    expect(response.status).toBe(303);
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith("__Host-session="))).toMatch(
      /^__Host-session=[^;]+; Max-Age=2592000; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(cookies.find((c) => c.startsWith("__Host-device="))).toMatch(
      /^__Host-device=[^;]+; Max-Age=15552000; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
  });
});

describe("an unknown email still costs one hash (invariant 5)", () => {
  it("a sign-in for an unknown email derives exactly one PBKDF2 key, like a wrong password", async () => {
    const known = uniqueEmail("hash-known");
    await signUp(known);
    const derive = vi.spyOn(crypto.subtle, "deriveBits");
    await signIn(uniqueEmail("hash-ghost"), "a-wrong-password-for-nobody");
    const unknownCalls = derive.mock.calls.length;
    derive.mockClear();
    await signIn(known, "a-wrong-password-for-somebody");
    expect(unknownCalls).toBe(1);
    expect(derive.mock.calls.length).toBe(1);
  });
});
