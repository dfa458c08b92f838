/**
 * The plain error page the app's notFound/onError answer browsers with, in the reader's language. It is
 * built without the page middleware (which may be what failed), so it sets its own security headers.
 */
import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import { detectPageLanguage } from "../http/page-language";
import { directionOf } from "../i18n/languages";

/** What went wrong, each with its title and sentence in the catalogue ("error.<kind>.title"). */
export type ErrorPageKind = "notFound" | "unavailable" | "forbidden" | "tooLarge" | "failed";

/** A page with a title, one sentence and a way back to sign-in. */
export function renderErrorPage(
  c: Context<AppEnv>,
  status: 400 | 403 | 404 | 413 | 429 | 500 | 503,
  kind: ErrorPageKind,
): Response | Promise<Response> {
  const language = detectPageLanguage(c);
  const t = c.var.t;
  const title = t(`error.${kind}.title`);
  c.status(status);
  c.header("Cache-Control", "no-store");
  c.header(
    "Content-Security-Policy",
    "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  );
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Content-Type-Options", "nosniff");
  // The catalogue's words hold no markup; c.html does not escape, so nothing else is interpolated.
  return c.html(
    `<!DOCTYPE html><html lang="${language}" dir="${directionOf(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="stylesheet" href="/static/app.css"></head>` +
      `<body><header class="site"><a class="brand" href="/">${t("layout.brand")}</a></header><main class="card"><h1>${title}</h1><p>${t(`error.${kind}.text`)}</p><p><a href="/login">${t("error.back")}</a></p></main></body></html>`,
  );
}
