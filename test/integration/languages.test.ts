/**
 * Pages in the reader's language: an explicit choice (?lang=, remembered in a cookie) over Accept-Language
 * over English; `<html lang dir>`; times in the reader's language and zone; emails in the language of the
 * page a reset was asked from, else the account's. And the API, whatever the request's language, answers
 * byte for byte what it answers in English.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { catalogueOf } from "../../src/i18n/catalogue";
import { formatMoment } from "../../src/i18n/format";
import { pseudoText } from "../../src/i18n/pseudo";
import {
  api,
  authtokenFor,
  BASE,
  NEW_PASSWORD,
  STRONG_PASSWORD,
  shardForUser,
  signUp,
  uniqueEmail,
  waitForMail,
} from "../helpers";
import { tapD1 } from "../support/d1";

const de = catalogueOf("de");
const fr = catalogueOf("fr");
const ar = catalogueOf("ar");
const ja = catalogueOf("ja");
const es = catalogueOf("es");

/** A browser request with its own headers and cookies (names as the browser sends them). */
function browser(
  path: string,
  {
    headers = {},
    cookies = {},
    form,
  }: { headers?: Record<string, string>; cookies?: Record<string, string>; form?: Record<string, string> } = {},
): Promise<Response> {
  const all = new Headers({
    accept: "text/html",
    origin: BASE,
    "cf-connecting-ip": `10.9.${rand()}.${rand()}`,
    ...headers,
  });
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  if (cookie !== "") all.set("cookie", cookie);
  const init: RequestInit = { headers: all, redirect: "manual" };
  if (form !== undefined) {
    all.set("content-type", "application/x-www-form-urlencoded");
    Object.assign(init, { method: "POST", body: new URLSearchParams(form) });
  }
  return exports.default.fetch(new Request(`${BASE}${path}`, init));
}

const rand = () => Math.floor(Math.random() * 250) + 1;

function htmlTag(html: string): string {
  return /<html[^>]*>/.exec(html)?.[0] ?? "";
}

describe("choosing the page's language", () => {
  it("GET /login with Accept-Language: de answers German, and remembers nothing", async () => {
    const response = await browser("/login", { headers: { "accept-language": "de-DE,de;q=0.9,en;q=0.5" } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(htmlTag(html)).toBe('<html lang="de" dir="ltr">');
    expect(response.headers.get("content-language")).toBe("de");
    expect(html).toContain(`<h1>${de["signIn.title"]}</h1>`);
    expect(html).toContain(de["signIn.forgot"]);
    expect(response.headers.get("set-cookie") ?? "").not.toContain("lang=");
  });

  it("?lang=ar answers Arabic right to left, and the choice sticks over Accept-Language on the next page", async () => {
    const chosen = await browser("/login?lang=ar", { headers: { "accept-language": "de" } });
    const html = await chosen.text();
    expect(htmlTag(html)).toBe('<html lang="ar" dir="rtl">');
    expect(html).toContain(`<h1>${ar["signIn.title"]}</h1>`);
    const cookie = chosen.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-lang=ar; Max-Age=31536000; Path=\/; HttpOnly; Secure; SameSite=Lax$/);

    const next = await browser("/forgot-password", {
      headers: { "accept-language": "de" },
      cookies: { "__Host-lang": "ar" },
    });
    const nextHtml = await next.text();
    expect(htmlTag(nextHtml)).toBe('<html lang="ar" dir="rtl">');
    expect(nextHtml).toContain(ar["signIn.email"]);
    // Already remembered: no new cookie on every page.
    expect(next.headers.get("set-cookie") ?? "").not.toContain("lang=");
  });

  it.each([
    ["fr-CA;q=0.5, de-AT;q=0.9", "de"],
    ["es-419", "es"],
    ["ja-JP", "ja"],
    ["zh-CN, pt;q=0.8", "en"],
    ["*", "en"],
    ["", "en"],
    ["de;q=0, fr;q=0.1", "fr"],
  ])("Accept-Language %o -> %s", async (header, language) => {
    const html = await (await browser("/login", { headers: { "accept-language": header } })).text();
    expect(htmlTag(html)).toBe(`<html lang="${language}" dir="ltr">`);
  });

  it("an unknown ?lang= or cookie is ignored and not remembered", async () => {
    const response = await browser("/login?lang=xx", {
      headers: { "accept-language": "es" },
      cookies: { "__Host-lang": "klingon" },
    });
    expect(htmlTag(await response.text())).toBe('<html lang="es" dir="ltr">');
    expect(response.headers.get("set-cookie") ?? "").not.toContain("lang=");
  });

  it("every page has the menu: this page in each language, the current one marked", async () => {
    const html = await (await browser("/forgot-password?lang=fr")).text();
    for (const code of ["en", "de", "fr", "es", "ja", "ar"]) {
      expect(html).toContain(`href="/forgot-password?lang=${code}"`);
    }
    expect(html).toMatch(/href="\/forgot-password\?lang=fr" lang="fr" hreflang="fr" aria-current="true"/);
    expect(html).toContain(">العربية</a>");
  });

  it("the pseudo-language is offered in development, accented and longer", async () => {
    const html = await (await browser("/login?lang=en-XA")).text();
    expect(htmlTag(html)).toBe('<html lang="en-XA" dir="ltr">');
    expect(html).toContain(`<h1>${pseudoText("Sign in")}</h1>`);
  });

  it("error pages and form errors speak the reader's language", async () => {
    const missing = await browser("/no-such-page", { headers: { "accept-language": "fr" } });
    const missingHtml = await missing.text();
    expect(missing.status).toBe(404);
    expect(htmlTag(missingHtml)).toBe('<html lang="fr" dir="ltr">');
    expect(missingHtml).toContain(fr["error.notFound.title"]);

    expect(missingHtml).toContain('href="/no-such-page?lang=de"');
    expect(missing.headers.get("content-language")).toBe("fr");

    const refused = await browser("/forgot-password", {
      cookies: { "__Host-lang": "es" },
      form: { email: "not-an-email" },
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(es["field.enterEmail"]);
  });
});

describe("times in the reader's language and zone", () => {
  it("the account page shows the password's date in Japanese and Tokyo time; an unknown zone falls back to UTC", async () => {
    const email = uniqueEmail("lang-times");
    const user = await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    const changed = Date.parse(user.password_updated_at ?? user.created_at);
    const tokyo = await browser("/account", {
      cookies: { "__Host-session": token, "__Host-lang": "ja", "__Host-tz": "Asia/Tokyo" },
    });
    const html = await tokyo.text();
    expect(html).toContain(formatMoment("ja", changed, "Asia/Tokyo"));
    expect(html).toContain("JST");

    const nowhere = await browser("/account", {
      cookies: { "__Host-session": token, "__Host-lang": "de", "__Host-tz": "Mars/Olympus" },
    });
    expect(await nowhere.text()).toContain(formatMoment("de", changed, "UTC"));
  });
});

describe("emails in the reader's language", () => {
  it("a forgot request from the French page sends a French email, its date in French and the reader's zone", async () => {
    const email = uniqueEmail("lang-fr");
    await signUp(email);
    const asked = await browser("/forgot-password", {
      cookies: { "__Host-lang": "fr", "__Host-tz": "Europe/Paris" },
      form: { email },
    });
    expect(asked.status).toBe(200);
    const [mail] = await waitForMail(email);
    expect(mail!.subject).toBe(fr["email.reset.subject"]);
    expect(mail!.text).toContain(fr["email.reset.intro"]);
    const month = new Intl.DateTimeFormat("fr", { month: "long", timeZone: "Europe/Paris" }).format(Date.now());
    expect(mail!.text).toContain(month);
    expect(mail!.text).toMatch(/UTC\+[12]/);
    expect(mail!.html).toContain('<html lang="fr" dir="ltr">');
  });

  it("sign-up on the German page stores German: an API reset and the password-changed notice are German", async () => {
    const email = uniqueEmail("lang-de");
    const created = await browser("/signup", {
      headers: { "accept-language": "de" },
      form: { email, password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD },
    });
    expect(created.status).toBe(303);
    expect((await api("/v3/user/forgot_password", { body: { user: { email } } })).status).toBe(200);
    const [reset] = await waitForMail(email);
    expect(reset!.subject).toBe(de["email.reset.subject"]);
    expect(reset!.text).toContain("UTC");

    const token = await authtokenFor(email, STRONG_PASSWORD);
    const change = await browser("/account/password", {
      cookies: { "__Host-session": token },
      form: { current_password: STRONG_PASSWORD, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
    });
    expect(change.status).toBe(303);
    const messages = await waitForMail(email, 2);
    expect(messages.map((m) => m.subject)).toContain(de["email.changed.subject"]);
  });

  it("/account sets the emails' language, says so, records it, and the notices follow it", async () => {
    const email = uniqueEmail("lang-account");
    await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    const session = { "__Host-session": token, "__Host-lang": "es" };
    const refused = await browser("/account/language", { cookies: session, form: { language: "xx" } });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(es["field.invalid"]);

    const saved = await browser("/account/language", { cookies: session, form: { language: "ja" } });
    expect(saved.status).toBe(200);
    const shown = await saved.text();
    expect(shown).toContain(es["account.noticeLanguage"].replace("{language}", "日本語"));
    expect(shown).toMatch(/<option value="ja" lang="ja" selected="">日本語<\/option>/);
    // The menu of a page answering a form links to the flow's own page, not to the form's address.
    expect(shown).toContain('href="/account?lang=de"');
    expect(shown).not.toContain("/account/language?lang=");
    await vi.waitFor(
      async () => {
        const page = await (await browser("/account", { cookies: session })).text();
        expect(page).toContain(`<strong>${es["account.event.emailLanguageChanged"]}</strong>`);
      },
      { timeout: 5_000 },
    );

    const change = await browser("/account/password", {
      cookies: { "__Host-session": token },
      form: { current_password: STRONG_PASSWORD, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
    });
    expect(change.status).toBe(303);
    const [notice] = await waitForMail(email);
    expect(notice!.subject).toBe(ja["email.changed.subject"]);
  });

  // The real network: D1 commits the choice but its reply is lost. The person sees the error page in their
  // language, nothing is half-written, and sending the form again (the same value) finishes it.
  it("a lost reply to the language write answers the error page; sending the form again saves it", async () => {
    const email = uniqueEmail("lang-lost-reply");
    const user = await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    const session = { "__Host-session": token, "__Host-lang": "fr" };
    const lost = tapD1({
      match: (sql) => sql.startsWith("UPDATE users SET language"),
      intercept: async (_call, proceed) => {
        await proceed();
        throw new Error("D1 reply lost (simulated)");
      },
    });
    try {
      const failed = await browser("/account/language", { cookies: session, form: { language: "de" } });
      expect(failed.status).toBe(500);
      expect(await failed.text()).toContain(fr["error.failed.title"]);
    } finally {
      lost.mockRestore();
    }
    const stored = await shardForUser(user.uid)
      .prepare("SELECT language FROM users WHERE id = ?")
      .bind(user.uid)
      .first();
    expect(stored).toEqual({ language: "de" });
    const again = await browser("/account/language", { cookies: session, form: { language: "de" } });
    expect(again.status).toBe(200);
  });

  it("without a session the language form sends the browser to sign in", async () => {
    const response = await browser("/account/language", { form: { language: "de" } });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?notice=expired");
  });
});

describe("the API stays Contentstack's English", () => {
  const LANGUAGE_VARIANTS: { headers: Record<string, string>; query: string }[] = [
    { headers: {}, query: "" },
    { headers: { "accept-language": "de" }, query: "" },
    { headers: { "accept-language": "fr-FR,fr;q=0.9" }, query: "" },
    { headers: { "accept-language": "ar" }, query: "?lang=ar" },
    { headers: { "accept-language": "ja", cookie: "__Host-lang=ja" }, query: "" },
    { headers: { "accept-language": "es-419" }, query: "?lang=es" },
    { headers: { "accept-language": "en-XA" }, query: "?lang=en-XA" },
  ];

  /** What one request answers: status, every header and the body's bytes. */
  async function answer(path: string, options: { method?: string; body?: unknown; headers: Record<string, string> }) {
    const response = await api(path, options);
    return { status: response.status, headers: [...response.headers], body: await response.text() };
  }

  it.each([
    ["POST /v3/user-session, unknown account", "/v3/user-session", "POST", { user: { email: "@", password: "x" } }],
    ["POST /v3/user-session, empty", "/v3/user-session", "POST", {}],
    ["POST /v3/user/forgot_password", "/v3/user/forgot_password", "POST", { user: { email: "nobody@example.com" } }],
    ["POST /v3/user/forgot_password, bad email", "/v3/user/forgot_password", "POST", { user: { email: "nope" } }],
    [
      "POST /v3/user/reset_password, bad token",
      "/v3/user/reset_password",
      "POST",
      {
        user: { reset_password_token: "x", password: "a", password_confirmation: "b" },
      },
    ],
    ["POST /v3/user, bad sign-up", "/v3/user", "POST", { user: { email: "nope", password: "short" } }],
    ["GET /v3/user, no token", "/v3/user", "GET", undefined],
    ["GET /v3/nowhere", "/v3/nowhere", "GET", undefined],
  ])("%s: byte for byte the same under every language", async (_name, path, method, body) => {
    const answers = [];
    for (const { headers, query } of LANGUAGE_VARIANTS) {
      answers.push(await answer(`${path}${query}`, { method, body, headers }));
    }
    expect(answers[0]!.body).not.toBe("");
    for (const other of answers.slice(1)) expect(other).toEqual(answers[0]);
    const names = answers[0]!.headers.map(([name]) => name);
    expect(names).not.toContain("content-language");
    expect(names).not.toContain("set-cookie");
  });

  it("a successful sign-in and sign-out say Contentstack's English notices under every language", async () => {
    const email = uniqueEmail("lang-api");
    await signUp(email);
    for (const { headers, query } of LANGUAGE_VARIANTS) {
      const signedIn = await api(`/v3/user-session${query}`, {
        body: { user: { email, password: STRONG_PASSWORD } },
        headers,
      });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get("content-language")).toBeNull();
      const { notice, user } = await signedIn.json<{ notice: string; user: { authtoken: string } }>();
      expect(notice).toBe("Login Successful.");
      const signedOut = await api(`/v3/user-session${query}`, { method: "DELETE", authtoken: user.authtoken, headers });
      expect(await signedOut.text()).toBe('{"notice":"You\'ve logged out successfully!"}');
    }
  });
});
