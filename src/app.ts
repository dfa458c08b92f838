/**
 * The Hono application: per-request context, the API under /v3, the pages, the dev mailbox, and one
 * error boundary that answers every fault with the envelope (API) or an error page (browser).
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./api/app-env";
import { devMailboxRoutes } from "./api/dev-mailbox";
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
app.route("/dev/mailbox", devMailboxRoutes);
app.route("/__bench", benchRoutes);
app.route("/", pageRoutes);

app.notFound((c) => {
  const path = c.req.path.replace(/\/+$/, "") || "/";
  const allowed = API_METHODS[path];
  if (allowed !== undefined) {
    c.header("Allow", allowed.join(", "));
    return apiError(c, "method_not_allowed");
  }
  if (isApiRequest(c.req.path, c.req.header("accept"))) return apiError(c, "not_found");
  return renderErrorPage(c, 404, "Page not found", "There is nothing at this address.");
});

app.onError((error, c) => {
  let key: ApiErrorKey = "internal";
  if (error instanceof ResetUnavailableError) key = "unavailable";
  else if (error instanceof HTTPException && error.status < 500) key = error.status === 413 ? "payload_too_large" : "bad_request";
  if (key === "internal" || key === "unavailable") {
    console.error(JSON.stringify({ event: "unhandled_error", path: c.req.path, name: error.name, message: error.message, stack: error.stack }));
  }
  if (isApiRequest(c.req.path, c.req.header("accept"))) return apiError(c, key);
  return renderErrorPage(c, key === "bad_request" ? 400 : 500, "Something went wrong", "Please go back and try again.");
});

function isApiRequest(path: string, accept: string | undefined): boolean {
  return path.startsWith("/v3/") || path === "/v3" || path.startsWith("/dev/") || !(accept ?? "").includes("text/html");
}
