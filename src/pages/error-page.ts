/**
 * The plain error page the app's notFound/onError answer browsers with. It is built without the page
 * middleware (which may be what failed), so it sets its own security headers.
 */
import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";

/** A page with a title, one sentence and a way back to sign-in. */
export function renderErrorPage(
  c: Context<AppEnv>,
  status: 400 | 403 | 404 | 413 | 429 | 500 | 503,
  title: string,
  message: string,
): Response | Promise<Response> {
  c.status(status);
  c.header("Cache-Control", "no-store");
  c.header(
    "Content-Security-Policy",
    "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  );
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Content-Type-Options", "nosniff");
  return c.html(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="stylesheet" href="/static/app.css"></head>` +
      `<body><header class="site"><a class="brand" href="/">Account</a></header><main class="card"><h1>${title}</h1><p>${message}</p><p><a href="/login">Go to sign in</a></p></main></body></html>`,
  );
}
