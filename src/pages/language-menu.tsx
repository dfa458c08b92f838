/** The language menu every page has: links to the same page in each language (?lang= is then remembered). */
import type { Context } from "hono";
import { useRequestContext } from "hono/jsx-renderer";
import { LANGUAGE_NAMES, LANGUAGES, type PageLanguage, PSEUDO_LANGUAGE } from "../i18n/languages";
import type { PageEnv } from "./page-language";
import { useT } from "./words";

/**
 * The page the menu's links show again: this one for a GET; for a page answering a form, its flow's own
 * page (a form's address may take only POST, and a GET of it must not redo the form's action).
 */
function menuTarget(method: string, address: string): string {
  const { pathname, search } = new URL(address);
  if (method === "GET" || method === "HEAD") return pathname + search;
  if (pathname.startsWith("/account")) return "/account";
  return FORM_PAGES[pathname] ?? pathname;
}

/** Forms whose page is at another address than the form's. */
const FORM_PAGES: Record<string, string> = {
  "/reset-password/second-factor": "/reset-password",
  "/reset-password/new-link": "/forgot-password",
};

/** This page (or its flow's) in each language offered, and which is the current one. */
export function languageLinks(c: Context<PageEnv>): { code: PageLanguage; href: string; current: boolean }[] {
  const url = new URL(menuTarget(c.req.method, c.req.url), c.req.url);
  const offered: readonly PageLanguage[] =
    c.var.config?.pseudoLanguage === true ? [...LANGUAGES, PSEUDO_LANGUAGE] : LANGUAGES;
  return offered.map((code) => {
    url.searchParams.set("lang", code);
    return { code, href: `${url.pathname}${url.search}`, current: code === c.get("language") };
  });
}

/** Links to this same page in each language (?lang= is remembered in a cookie); works without JavaScript. */
export function LanguageMenu() {
  const c = useRequestContext<PageEnv>();
  const t = useT();
  return (
    <nav class="languages" aria-label={t("layout.language")}>
      <ul>
        {languageLinks(c).map(({ code, href, current }) => (
          <li>
            <a href={href} lang={code} hreflang={code} aria-current={current ? "true" : undefined}>
              {LANGUAGE_NAMES[code]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
