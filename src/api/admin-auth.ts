/**
 * The admin API's gate, before any route: off (the app's 404) unless ADMIN_API_KEYS lists keys; refused
 * for anything a browser sends (an Origin, a cookie, Fetch Metadata), so no page and no signed-in session
 * can reach it; the key from `Authorization: Bearer`, matched in constant time; a rate limit per key. Then
 * each route names its scope and action with `adminCall`, which refuses a key without the scope and
 * records every call, refused or not, with the key's name, the account's uid and the reason.
 */
import type { Context, MiddlewareHandler } from "hono";
import { type AdminKey, type AdminScope, findAdminKey, parseAdminKeys } from "../core/admin-keys";
import { recordAdminCall } from "../domain/admin-audit";
import { emitWebhookEvent } from "../domain/webhook-events";
import type { AppEnv } from "../http/app-env";
import { flowContext } from "../http/request-context";
import type { AdminErrorCode } from "./admin-schemas";
import { apiFallback } from "./fallback";

/** The admin routes' Hono environment: the key that called, and what the route recorded of the call. */
export interface AdminEnv extends AppEnv {
  Variables: AppEnv["Variables"] & {
    adminKey: AdminKey;
    adminTarget?: string;
    adminReason?: string;
    /** The route's action when the body names a variant (the audit row says which). */
    adminAction?: string;
  };
}

const ADMIN_ERRORS: Record<AdminErrorCode, { status: 400 | 401 | 403 | 404 | 409 | 429; message: string }> = {
  unauthorized: { status: 401, message: "Send a configured admin key as `Authorization: Bearer <key>`." },
  scope_missing: { status: 403, message: "This key does not have the scope this call needs." },
  browser_refused: { status: 403, message: "The admin API does not answer browsers." },
  rate_limited: { status: 429, message: "Too many calls with this key. Try again in a minute." },
  reason_required: { status: 400, message: "A change needs a `reason` of 3 to 500 characters." },
  bad_request: { status: 400, message: "Give an `email` or look the account up by its uid." },
  account_not_found: { status: 404, message: "No account has this email or uid." },
  two_factor_not_on: { status: 409, message: "Two-factor sign-in is not on for this account." },
};

/** Status and message of an admin refusal, for the OpenAPI document. */
export function describeAdminError(code: AdminErrorCode): { status: number; message: string } {
  return ADMIN_ERRORS[code];
}

/** Answers a refusal in the admin envelope. */
export function adminError(c: Context, code: AdminErrorCode): Response {
  const { status, message } = ADMIN_ERRORS[code];
  if (code === "rate_limited") c.header("Retry-After", "60");
  if (code === "unauthorized") c.header("WWW-Authenticate", 'Bearer realm="admin"');
  return c.json({ error: { code, message } }, status);
}

const keysByEnv = new WeakMap<object, AdminKey[]>();

/** The configured keys, parsed once per env (a bad value throws: the error boundary answers 500 and logs it). */
function adminKeys(env: Env): AdminKey[] {
  let keys = keysByEnv.get(env);
  if (keys === undefined) {
    keys = parseAdminKeys((env as unknown as Record<string, string | undefined>).ADMIN_API_KEYS);
    keysByEnv.set(env, keys);
  }
  return keys;
}

/**
 * Headers only a browser sends: every request of a current browser carries Sec-Fetch-Site and -Dest, a
 * page's POST an Origin. Not Sec-Fetch-Mode: Node's fetch (the CLI) sends that one too.
 */
const BROWSER_HEADERS = ["origin", "cookie", "sec-fetch-site", "sec-fetch-dest"];

/** The gate in front of every /admin/v1 route. */
export function adminGate(): MiddlewareHandler<AdminEnv> {
  return async function adminGate(c, next) {
    const keys = adminKeys(c.env);
    if (keys.length === 0) return apiFallback(c as unknown as Context<AppEnv>);
    c.header("Cache-Control", "no-store");
    if (BROWSER_HEADERS.some((name) => c.req.header(name) !== undefined)) return adminError(c, "browser_refused");
    const presented = /^Bearer (\S+)$/.exec(c.req.header("authorization") ?? "")?.[1];
    const key = presented === undefined ? null : findAdminKey(keys, presented);
    if (key === null) {
      console.warn(JSON.stringify({ event: "admin_key_refused", path: c.req.path, ip: c.get("client").ip }));
      return adminError(c, "unauthorized");
    }
    const { success } = await c.env.ADMIN_API_LIMIT.limit({ key: `admin:${key.name}` });
    if (!success) return adminError(c, "rate_limited");
    c.set("adminKey", key);
    await next();
  };
}

/** A route's scope and action: a key without the scope is refused; every call is recorded with its answer's status. */
export function adminCall(scope: AdminScope, action: string): MiddlewareHandler<AdminEnv> {
  return async function adminCall(c, next) {
    const key = c.get("adminKey");
    if (!key.scopes.has(scope)) c.res = adminError(c, "scope_missing");
    else await next();
    const call = {
      keyName: key.name,
      action: c.get("adminAction") ?? action,
      userId: c.get("adminTarget") ?? (c.req.param() as Record<string, string | undefined>).uid ?? null,
      reason: c.get("adminReason") ?? null,
      status: c.res.status,
      ip: c.get("client").ip,
    };
    await recordAdminCall(c.env, call, c.get("now"));
    // A change that was made (a reason is required of every change, none of a read) goes out as admin.action.
    if (call.reason !== null && c.res.ok) {
      const data = { action: call.action, key_name: key.name, user_id: call.userId, reason: call.reason };
      emitWebhookEvent(flowContext(c), "admin.action", data);
    }
  };
}
