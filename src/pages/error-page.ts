/**
 * The plain error page the app's notFound/onError answer browsers with, in the reader's language. It is
 * built without the page middleware (which may be what failed), so it sets its own security headers.
 */
import type { Context } from "hono";
import { escapeHtml } from "../core/html";
import type { AppEnv } from "../http/app-env";
import { directionOf, LANGUAGE_NAMES, type PageLanguage } from "../i18n/languages";
import { languageLinks } from "./language-menu";
import { detectPageLanguage, type PageEnv } from "./page-language";

/** What went wrong, each with its title and sentence in the catalogue ("error.<kind>.title"). */
export type ErrorPageKind = "notFound" | "unavailable" | "forbidden" | "tooLarge" | "failed" | "httpsRequired";

/** A page with a title, one sentence, a way back to sign-in and (for a GET) the language menu. */
export function renderErrorPage(
  app: Context<AppEnv>,
  status: 400 | 403 | 404 | 413 | 429 | 500 | 503,
  kind: ErrorPageKind,
): Response | Promise<Response> {
  const c = detectPageLanguage(app);
  const language = c.get("language") as PageLanguage;
  const { t } = c.var;
  const title = escapeHtml(t(`error.${kind}.title`));
  c.status(status);
  c.header("Cache-Control", "no-store");
  c.header(
    "Content-Security-Policy",
    "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  );
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Content-Language", language);
  return c.html(
    `<!DOCTYPE html><html lang="${language}" dir="${directionOf(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="stylesheet" href="/static/app.css"></head>` +
      `<body><header class="site"><a class="brand" href="/">${escapeHtml(t("layout.brand"))}</a>${menu(c)}</header>` +
      `<main class="card"><h1>${title}</h1><p>${escapeHtml(t(`error.${kind}.text`))}</p><p><a href="/login">${escapeHtml(t("error.back"))}</a></p></main></body></html>`,
  );
}

/** The language menu, as on every page, for a page a GET can show again; none after a refused form. */
function menu(c: Context<PageEnv>): string {
  if (c.req.method !== "GET") return "";
  const links = languageLinks(c).map(({ code, href, current }) => {
    const marked = current ? ' aria-current="true"' : "";
    return `<li><a href="${escapeHtml(href)}" lang="${code}" hreflang="${code}"${marked}>${LANGUAGE_NAMES[code]}</a></li>`;
  });
  return `<nav class="languages" aria-label="${escapeHtml(c.var.t("layout.language"))}"><ul>${links.join("")}</ul></nav>`;
}
