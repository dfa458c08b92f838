/**
 * The Hono application: per-request context, the API under /v3, the pages, and one error boundary that
 * answers every fault with the envelope (API) or an error page (browser). Development adds its own
 * routes through `dev` (dev/worker.ts); the production entry (index.ts) passes none, so they are not in
 * its bundle.
 */
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { adminRoutes } from "./api/admin";
import { apiFallback } from "./api/fallback";
import { mailWebhookRoutes } from "./api/mail-webhook";
import { openApiRoutes } from "./api/openapi";
import { passwordResetRoutes } from "./api/password-reset";
import { userRoutes } from "./api/user";
import { userSessionRoutes } from "./api/user-session";
import { SealedSecretUnavailableError } from "./core/secret-box";
import { StorageUnavailableError } from "./domain/storage-unavailable";
import { type ApiErrorKey, apiError } from "./http/api-errors";
import type { AppEnv } from "./http/app-env";
import { httpsOnly } from "./http/https-only";
import { requestContext } from "./http/request-context";
import { renderErrorPage } from "./pages/error-page";
import { pageRoutes } from "./pages/routes";

/** Routes only development serves: `api` before the pages (no page middleware), `pages` after (with it). */
export interface DevRoutes {
  api: Hono<AppEnv>;
  pages: Hono<AppEnv>;
}

/** The application, with development's routes when given. */
export function createApp(dev?: DevRoutes): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestContext());
  app.use(httpsOnly({ refuse: refusePlainHttp }));
  app.use("/v3/*", async function apiHeaders(c, next) {
    await next();
    // Responses carry authtokens and account data: never cache them anywhere.
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
  });
  app.route("/v3/user-session", userSessionRoutes);
  app.route("/v3/user", passwordResetRoutes);
  app.route("/v3/user", userRoutes);
  // Anything under /v3 that no API route answered: 405 or 404 here, before the page middleware (CSRF,
  // CSP, renderer) can see it; otherwise a body-less PUT/DELETE would meet the CSRF check and answer 400.
  app.all("/v3", apiFallback);
  app.all("/v3/*", apiFallback);
  // The provider's webhook, before the pages' middleware (it has no Origin, and answers JSON).
  app.route("/", mailWebhookRoutes);
  // The operator's API, before the pages' middleware too: it refuses browsers itself, and answers JSON.
  app.route("/", adminRoutes);
  app.all("/admin/*", apiFallback);
  // The API's description, before the pages: JSON, for any client.
  app.route("/", openApiRoutes);
  if (dev !== undefined) app.route("/", dev.api);
  app.route("/", pageRoutes);
  if (dev !== undefined) app.route("/", dev.pages);

  app.notFound((c) => {
    if (isApiRequest(c)) return apiFallback(c);
    return renderErrorPage(c, 404, "notFound");
  });
  app.onError(answerFault);
  return app;
}

/** The error boundary: faults are logged and answered without detail; middleware refusals keep their meaning. */
function answerFault(error: Error, c: Context<AppEnv>): Response | Promise<Response> {
  const key = errorKeyFor(error);
  if (key === "internal" || key === "unavailable") {
    const { name, message, stack } = error;
    console.error(JSON.stringify({ event: "unhandled_error", path: c.req.path, name, message, stack }));
  }
  if (isApiRequest(c)) return apiError(c, key);
  if (key === "unavailable") return renderErrorPage(c, 503, "unavailable");
  if (key === "forbidden") return renderErrorPage(c, 403, "forbidden");
  return renderErrorPage(c, key === "bad_request" ? 400 : 500, "failed");
}

/** Refusals raised by middleware (HTTPException: csrf, body parsing) keep their meaning; anything else is a fault. */
function errorKeyFor(error: Error): ApiErrorKey {
  if (error instanceof StorageUnavailableError || error instanceof SealedSecretUnavailableError) return "unavailable";
  if (!(error instanceof HTTPException) || error.status >= 500) return "internal";
  if (error.status === 403) return "forbidden";
  if (error.status === 413) return "payload_too_large";
  return "bad_request";
}

/** A request other than GET or HEAD over plain http: the envelope for the API, a page for a browser. */
function refusePlainHttp(c: Context<AppEnv>): Response | Promise<Response> {
  if (isApiRequest(c)) return apiError(c, "https_required");
  return renderErrorPage(c, 403, "httpsRequired");
}

function isApiRequest(c: Context<AppEnv>): boolean {
  const path = c.req.path;
  const wantsHtml = (c.req.header("accept") ?? "").includes("text/html");
  return (
    path.startsWith("/v3/") || path === "/v3" || path.startsWith("/admin/") || path.startsWith("/dev/") || !wantsHtml
  );
}
