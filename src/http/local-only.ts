/**
 * Development-only routes (the dev mailbox, the bench baselines) answer only requests addressed to this
 * machine or to a reserved test domain (RFC 6761 .localhost/.test). A Worker deployed by mistake with the
 * development configuration is reached by its real hostname, so these routes stay 404 there: the mailbox
 * would otherwise hand out every reset link.
 */
import type { MiddlewareHandler } from "hono";
import { apiError } from "./api-errors";
import type { AppEnv } from "./app-env";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLocalHostname(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname) || hostname.endsWith(".localhost") || hostname.endsWith(".test");
}

/** 404 in the API envelope unless `enabled(config)` and the request is addressed to a local host. */
export function localOnly(enabled: (config: AppEnv["Variables"]["config"]) => boolean): MiddlewareHandler<AppEnv> {
  return async function localOnly(c, next) {
    if (!enabled(c.get("config")) || !isLocalHostname(new URL(c.req.url).hostname)) return apiError(c, "not_found");
    await next();
  };
}
