/**
 * Per-IP flood control with the Workers rate-limit binding (per location, approximate by design).
 * Exact per-account limits live elsewhere (RateLimiter object, sign-in throttle).
 */
import type { Context, MiddlewareHandler } from "hono";
import { apiError } from "./api-errors";
import type { AppEnv } from "./app-env";

type LimitBinding =
  | "IP_SIGN_IN_LIMIT"
  | "IP_FORGOT_LIMIT"
  | "IP_RESET_LIMIT"
  | "IP_SIGN_UP_LIMIT"
  | "IP_PASSWORD_CHECK_LIMIT";

/**
 * The unit a client controls: an IPv4 address, or an IPv6 /64 (one subscriber usually holds a whole /64,
 * so keying on the full address would let them rotate past every limit).
 */
export function clientNetwork(ip: string | null): string {
  if (ip === null) return "unknown";
  if (!ip.includes(":")) return ip;
  const [head, tail = ""] = ip.toLowerCase().split("::");
  const left = head === "" ? [] : head!.split(":");
  const right = tail === "" ? [] : tail.split(":");
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** Refuses with 429 + Retry-After once the client's address is over the binding's limit. */
export function ipRateLimit(
  binding: LimitBinding,
  options: { onLimited?: (c: Context<AppEnv>) => Response | Promise<Response> } = {},
): MiddlewareHandler<AppEnv> {
  return async function ipRateLimit(c, next) {
    const { success } = await c.env[binding].limit({ key: `${binding}:${clientNetwork(c.get("client").ip)}` });
    if (!success) {
      if (options.onLimited !== undefined) return options.onLimited(c);
      return apiError(c, "rate_limited", {}, 60);
    }
    await next();
  };
}
