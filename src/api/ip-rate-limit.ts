/**
 * Per-IP flood control with the Workers rate-limit binding (per location, approximate by design).
 * Exact per-account limits live elsewhere (RateLimiter object, sign-in throttle).
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { apiError } from "./errors";

type LimitBinding = "IP_SIGN_IN_LIMIT" | "IP_FORGOT_LIMIT" | "IP_RESET_LIMIT" | "IP_SIGN_UP_LIMIT";

/** Refuses with 429 + Retry-After once the client's address is over the binding's limit. */
export function ipRateLimit(binding: LimitBinding, options: { onLimited?: (c: Context<AppEnv>) => Response | Promise<Response> } = {}): MiddlewareHandler<AppEnv> {
  return async function ipRateLimit(c, next) {
    const ip = c.get("client").ip ?? "unknown";
    const { success } = await c.env[binding].limit({ key: `${binding}:${ip}` });
    if (!success) {
      if (options.onLimited !== undefined) return options.onLimited(c);
      return apiError(c, "rate_limited", {}, 60);
    }
    await next();
  };
}
