/**
 * Which language a page speaks: an explicit choice (?lang=, from the language menu, then remembered in a
 * cookie) over the browser's Accept-Language over English, detected by Hono's language detector. The
 * reader's time zone comes from a cookie the page's own script sets; without it times are shown in UTC.
 * Pages only: the API's words are Contentstack's and never pass through here.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import {
  type DetectorOptions,
  detectFromCookie,
  detectFromHeader,
  detectFromQuery,
  languageDetector,
} from "hono/language";
import { DAY_MS } from "../core/time";
import type { AppEnv } from "../http/app-env";
import { translator } from "../i18n/catalogue";
import { knownTimeZone } from "../i18n/format";
import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  type PageLanguage,
  PSEUDO_LANGUAGE,
  type Reader,
  realLanguage,
} from "../i18n/languages";
import type { Translate } from "../i18n/types";

/** The cookie that remembers a choice from the menu (the browser sends it as __Host-lang). */
const LANGUAGE_COOKIE = "lang";
/**
 * The cookie the page script sets to the browser's IANA time zone: __Host-, so no sibling subdomain can
 * plant one (a script may set such a cookie: Secure, Path=/, no Domain).
 */
export const TIME_ZONE_COOKIE = "__Host-tz";
const CHOICE_MAX_AGE_SECONDS = (365 * DAY_MS) / 1000;

function detectorOptions(supported: readonly string[]): DetectorOptions {
  return {
    order: ["querystring", "cookie", "header"],
    lookupQueryString: "lang",
    lookupCookie: `__Host-${LANGUAGE_COOKIE}`,
    lookupFromHeaderKey: "accept-language",
    lookupFromPathIndex: 0,
    // Remembered only when chosen (below): a browser's Accept-Language is asked afresh on each request.
    caches: false,
    ignoreCase: true,
    fallbackLanguage: DEFAULT_LANGUAGE,
    supportedLanguages: [...supported],
    cookieOptions: {},
    debug: false,
  };
}

const PLAIN = detectorOptions(LANGUAGES);
const WITH_PSEUDO = detectorOptions([...LANGUAGES, PSEUDO_LANGUAGE]);
const DETECT_PLAIN = languageDetector(PLAIN);
const DETECT_WITH_PSEUDO = languageDetector(WITH_PSEUDO);

/**
 * What the pages' routes see: the app's variables plus the page's language, its words and the reader's zone.
 * Only the pages are given it, so an API route has no translate function to call (invariant 18).
 */
export interface PageEnv {
  Bindings: Env;
  Variables: AppEnv["Variables"] & {
    /** The page's language, as Hono's language detector found it. */
    language: string;
    /** The page's words, in its language. */
    t: Translate;
    /** The reader's IANA time zone, when their browser told us. */
    timeZone: string | undefined;
  };
}

/** Sets `language`, `t` and `timeZone` for the pages; remembers a choice made with ?lang=. */
export function pageLanguage(): MiddlewareHandler<PageEnv> {
  return async function pageLanguage(c, next) {
    const pseudo = c.get("config").pseudoLanguage;
    await (pseudo ? DETECT_WITH_PSEUDO : DETECT_PLAIN)(c, async () => {
      setLanguageVariables(c, c.get("language") as PageLanguage);
      const chosen = detectFromQuery(c, pseudo ? WITH_PSEUDO : PLAIN);
      if (chosen !== undefined && chosen !== getCookie(c, LANGUAGE_COOKIE, "host")) {
        setCookie(c, LANGUAGE_COOKIE, chosen, {
          prefix: "host",
          secure: true,
          httpOnly: true,
          sameSite: "Lax",
          path: "/",
          maxAge: CHOICE_MAX_AGE_SECONDS,
        });
      }
      await next();
      c.header("Content-Language", c.get("language"));
    });
  };
}

/**
 * The language of a response made outside the page middleware (the app's error pages): the same order,
 * without remembering anything.
 */
export function detectPageLanguage(app: Context<AppEnv>): Context<PageEnv> {
  const c = app as unknown as Context<PageEnv>;
  // Set already when the page middleware ran before the fault; an API request never gets here.
  if ((c.var as Partial<PageEnv["Variables"]>).t !== undefined) return c;
  // The configuration may be what failed: then the pseudo-language is not offered.
  const options = (c.var as Partial<PageEnv["Variables"]>).config?.pseudoLanguage === true ? WITH_PSEUDO : PLAIN;
  const detected = (detectFromQuery(c, options) ??
    detectFromCookie(c, options) ??
    detectFromHeader(c, options) ??
    DEFAULT_LANGUAGE) as PageLanguage;
  setLanguageVariables(c, detected);
  return c;
}

/** The reader of an email asked for from this page: its language (the pseudo-language is English) and zone. */
export function pageReader(c: Context<PageEnv>): Reader {
  return { language: realLanguage(c.get("language") as PageLanguage), timeZone: c.var.timeZone };
}

function setLanguageVariables(c: Context<PageEnv>, language: PageLanguage): void {
  c.set("language", language);
  c.set("t", translator(language));
  c.set("timeZone", knownTimeZone(getCookie(c, TIME_ZONE_COOKIE)));
}
