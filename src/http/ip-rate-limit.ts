/**
 * Per-IP flood control with the Workers rate-limit binding (per location, approximate by design).
 * Exact per-account limits live elsewhere (the user's registry, the sign-in throttle).
 */
import type { Context, MiddlewareHandler } from "hono";
import { clientNetwork } from "../core/client-info";
import { apiError } from "./api-errors";
import type { AppEnv } from "./app-env";

type LimitBinding =
  | "IP_SIGN_IN_LIMIT"
  | "IP_FORGOT_LIMIT"
  | "IP_RESET_LIMIT"
  | "IP_SIGN_UP_LIMIT"
  | "IP_PASSWORD_CHECK_LIMIT";

/** Refuses with 429 + Retry-After once the client's address is over the binding's limit. */
export function ipRateLimit<E extends AppEnv = AppEnv>(
  binding: LimitBinding,
  options: { onLimited?: (c: Context<E>) => Response | Promise<Response> } = {},
): MiddlewareHandler<E> {
  return async function ipRateLimit(c, next) {
    const { success } = await c.env[binding].limit({ key: `${binding}:${clientNetwork(c.get("client").ip)}` });
    if (!success) {
      if (options.onLimited !== undefined) return options.onLimited(c);
      return apiError(c, "rate_limited", {}, 60);
    }
    await next();
  };
}
