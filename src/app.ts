/**
 * The Hono application: per-request context, the API under /v3, the pages, the dev mailbox, and one
 * error boundary that answers every fault with the envelope (API) or an error page (browser).
 */
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./api/app-env";
import { type ApiErrorKey, apiError } from "./api/errors";
import { passwordResetRoutes } from "./api/password-reset";
import { userRoutes } from "./api/user";
import { userSessionRoutes } from "./api/user-session";
import { benchRoutes } from "./bench-routes";
import { readConfig } from "./config";
import { clientInfo } from "./domain/client-info";
import { ResetUnavailableError } from "./domain/password-reset";
import { pageRoutes, renderErrorPage } from "./pages/routes";

/** API paths and their methods, for 405 answers. */
const API_METHODS: Record<string, string[]> = {
  "/v3/user-session": ["POST", "DELETE"],
  "/v3/user": ["GET", "POST"],
  "/v3/user/forgot_password": ["POST"],
  "/v3/user/reset_password": ["POST"],
};

export const app = new Hono<AppEnv>();

app.use(async function requestContext(c, next) {
  c.set("config", readConfig(c.env));
  c.set("client", clientInfo(c.req.raw));
  await next();
});

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
app.route("/__bench", benchRoutes);
app.route("/", pageRoutes);

app.notFound((c) => {
  if (isApiRequest(c.req.path, c.req.header("accept"))) return apiFallback(c);
  return renderErrorPage(c, 404, "Page not found", "There is nothing at this address.");
});

/** 405 with Allow for a known API path used with another method, else 404; both with the envelope. */
function apiFallback(c: Context<AppEnv>): Response {
  const path = c.req.path.replace(/\/+$/, "") || "/";
  const allowed = API_METHODS[path];
  if (allowed !== undefined && !allowed.includes(c.req.method)) {
    c.header("Allow", allowed.join(", "));
    return apiError(c, "method_not_allowed");
  }
  return apiError(c, "not_found");
}

app.onError((error, c) => {
  const key = errorKeyFor(error);
  if (key === "internal" || key === "unavailable") {
    console.error(JSON.stringify({ event: "unhandled_error", path: c.req.path, name: error.name, message: error.message, stack: error.stack }));
  }
  if (isApiRequest(c.req.path, c.req.header("accept"))) return apiError(c, key);
  if (key === "forbidden") return renderErrorPage(c, 403, "Request refused", "This form was sent from another site, so it was not accepted.");
  return renderErrorPage(c, key === "bad_request" ? 400 : 500, "Something went wrong", "Please go back and try again.");
});

/** Refusals raised by middleware (HTTPException: csrf, body parsing) keep their meaning; anything else is a fault. */
function errorKeyFor(error: Error): ApiErrorKey {
  if (error instanceof ResetUnavailableError) return "unavailable";
  if (!(error instanceof HTTPException) || error.status >= 500) return "internal";
  if (error.status === 403) return "forbidden";
  if (error.status === 413) return "payload_too_large";
  return "bad_request";
}

function isApiRequest(path: string, accept: string | undefined): boolean {
  return path.startsWith("/v3/") || path === "/v3" || path.startsWith("/dev/") || !(accept ?? "").includes("text/html");
}
