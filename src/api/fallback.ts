/** Anything under /v3 that no API route answered: 405 with Allow for a known path, else 404; both enveloped. */
import type { Context } from "hono";
import { apiError } from "../http/api-errors";
import type { AppEnv } from "../http/app-env";

/** API paths and their methods, for 405 answers. */
const API_METHODS: Record<string, string[]> = {
  "/v3/user-session": ["POST", "DELETE"],
  "/v3/user": ["GET", "POST"],
  "/v3/user/forgot_password": ["POST"],
  "/v3/user/reset_password": ["POST"],
};

/** 405 with Allow for a known API path used with another method, else 404. */
export function apiFallback(c: Context<AppEnv>): Response {
  const path = c.req.path.replace(/\/+$/, "") || "/";
  const allowed = API_METHODS[path];
  if (allowed !== undefined && !allowed.includes(c.req.method)) {
    c.header("Allow", allowed.join(", "));
    return apiError(c, "method_not_allowed");
  }
  return apiError(c, "not_found");
}
