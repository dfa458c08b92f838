/**
 * Plain http, refused where the service is served over https (NIST SP 800-63B sections 3.1.1.2 and 5.1:
 * passwords and session secrets travel only over an authenticated, encrypted channel). When `APP_URL` is
 * https (production always is), a request that reached the Worker over http is sent to https (GET and HEAD:
 * 308, same host, path and query) or refused (any other method: its body already crossed in clear, and
 * acting on it would teach a client that this works); every https answer carries Strict-Transport-Security,
 * so the browser never asks over http again. Local development (`APP_URL` http://localhost) is untouched.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";

/**
 * One year, the value browsers' preload lists ask for. No includeSubDomains: the service owns one host, not
 * the names under it, and no preload: that binds the whole registrable domain.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/** `refuse`: the answer to a method other than GET or HEAD over http (the API envelope or an error page). */
export function httpsOnly(options: {
  refuse: (c: Context<AppEnv>) => Response | Promise<Response>;
}): MiddlewareHandler<AppEnv> {
  return async function httpsOnly(c, next) {
    if (!c.get("config").appUrl.startsWith("https:")) return next();
    const url = new URL(c.req.url);
    if (url.protocol === "http:") {
      if (c.req.method !== "GET" && c.req.method !== "HEAD") return options.refuse(c);
      url.protocol = "https:";
      return c.redirect(url.href, 308);
    }
    await next();
    c.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  };
}
