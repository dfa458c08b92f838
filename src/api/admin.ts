/**
 * /admin/v1: the operator's JSON API (not Contentstack's). Off (404) unless ADMIN_API_KEYS is set; each
 * route's scope, and the audit of every call, in admin-auth.ts. `ADMIN_ROUTES` describes each route with
 * its schemas, for the OpenAPI document and the CLI's help.
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { z } from "zod";
import type { AdminScope } from "../core/admin-keys";
import { exportAccount, findAccount, lookUpAccount } from "../domain/admin-accounts";
import {
  eraseAccount,
  liftLocks,
  liftSuppression,
  revokeEverySession,
  sendResetLink,
  turnOffTwoFactor,
} from "../domain/admin-actions";
import type { User } from "../domain/sessions";
import { flowContext } from "../http/request-context";
import { type AdminEnv, adminCall, adminError, adminGate } from "./admin-auth";
import { exportJson, lookupJson } from "./admin-json";
import { AccountExport, AccountLookup, ChangeRequest, ChangeResult, ResetLinkRequest } from "./admin-schemas";

/** One admin route, as the OpenAPI document lists it. */
export interface AdminRoute {
  method: "get" | "post";
  path: string;
  scope: AdminScope;
  summary: string;
  request?: z.ZodType;
  response: z.ZodType;
}

const change = (path: string, scope: AdminScope, summary: string, request: z.ZodType = ChangeRequest): AdminRoute => ({
  method: "post",
  path,
  scope,
  summary,
  request,
  response: ChangeResult,
});

/** Every admin route (paths in OpenAPI's `{param}` form). */
export const ADMIN_ROUTES: AdminRoute[] = [
  {
    method: "get",
    path: "/admin/v1/accounts",
    scope: "read",
    summary: "Look an account up by ?email=",
    response: AccountLookup,
  },
  {
    method: "get",
    path: "/admin/v1/accounts/{uid}",
    scope: "read",
    summary: "Look an account up by uid",
    response: AccountLookup,
  },
  {
    method: "get",
    path: "/admin/v1/accounts/{uid}/export",
    scope: "read",
    summary: "Export an account's data",
    response: AccountExport,
  },
  change("/admin/v1/accounts/{uid}/revoke-sessions", "sessions", "End every session, open tabs at once"),
  change(
    "/admin/v1/accounts/{uid}/send-reset-link",
    "recovery",
    "Email a reset link to the account's address; optionally must change at next sign-in",
    ResetLinkRequest,
  ),
  change("/admin/v1/accounts/{uid}/disable-two-factor", "recovery", "Turn two-factor sign-in off (the owner is told)"),
  change("/admin/v1/accounts/{uid}/lift-locks", "recovery", "Lift sign-in, reset-code and second-factor locks"),
  change("/admin/v1/accounts/{uid}/lift-suppression", "recovery", "Mail the address again after a bounce or complaint"),
  change("/admin/v1/accounts/{uid}/erase", "erase", "Erase the account (the audit keeps its uid only)"),
];

/** Change bodies are one short reason. */
const MAX_BODY_BYTES = 4 * 1024;

type Handler = (c: Context<AdminEnv>, user: User) => Promise<Response>;

/** The account a route names, recorded as the call's target; 404 when there is none. */
async function withAccount(c: Context<AdminEnv>, user: User | null, handle: Handler): Promise<Response> {
  if (user === null) return adminError(c, "account_not_found");
  c.set("adminTarget", user.id);
  return handle(c, user);
}

type ChangeBody = z.infer<typeof ChangeRequest>;

/** A change: its body (a reason, required and recorded) as `schema` reads it, then the account by uid. */
function changeRoute<B extends ChangeBody = ChangeBody>(
  handle: (c: Context<AdminEnv>, user: User, body: B) => Promise<z.infer<typeof ChangeResult> | Response>,
  schema: z.ZodType<B> = ChangeRequest as unknown as z.ZodType<B>,
) {
  return async (c: Context<AdminEnv>) => {
    const parsed = schema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return adminError(c, "reason_required");
    c.set("adminReason", parsed.data.reason);
    const user = await findAccount(c.env, { uid: c.req.param("uid") ?? "" });
    return withAccount(c, user, async (c, user) => {
      const result = await handle(c, user, parsed.data);
      return result instanceof Response ? result : c.json(result);
    });
  };
}

export const adminRoutes = new Hono<AdminEnv>()
  .use("/admin/*", adminGate())
  .use(
    "/admin/v1/accounts/:uid/*",
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => adminError(c, "reason_required") }),
  )
  .get("/admin/v1/accounts", adminCall("read", "lookup"), async (c) => {
    const email = c.req.query("email");
    if (email === undefined || email.length > 254) return adminError(c, "bad_request");
    const user = await findAccount(c.env, { email });
    return withAccount(c, user, async (c, user) => c.json(lookupJson(await lookUpAccount(c.env, user, c.get("now")))));
  })
  .get("/admin/v1/accounts/:uid", adminCall("read", "lookup"), async (c) => {
    const user = await findAccount(c.env, { uid: c.req.param("uid") });
    return withAccount(c, user, async (c, user) => c.json(lookupJson(await lookUpAccount(c.env, user, c.get("now")))));
  })
  .get("/admin/v1/accounts/:uid/export", adminCall("read", "export"), async (c) => {
    const user = await findAccount(c.env, { uid: c.req.param("uid") });
    return withAccount(c, user, async (c, user) =>
      c.json(exportJson(await exportAccount(c.env, user, c.get("now")), c.get("now"))),
    );
  })
  .post(
    "/admin/v1/accounts/:uid/revoke-sessions",
    adminCall("sessions", "revoke_sessions"),
    changeRoute(async (c, user) => {
      const ended = await revokeEverySession(flowContext(c), user);
      return { uid: user.id, action: "revoke_sessions", sessions_ended: ended };
    }),
  )
  .post(
    "/admin/v1/accounts/:uid/send-reset-link",
    adminCall("recovery", "send_reset_link"),
    changeRoute(async (c, user, body) => {
      const mustChange = body.must_change_at_next_sign_in === true;
      if (mustChange) c.set("adminAction", "send_reset_link_must_change");
      const ended = await sendResetLink(flowContext(c), user, { mustChange });
      const held = ended === null ? {} : { must_change_at_next_sign_in: true, sessions_ended: ended };
      return { uid: user.id, action: "send_reset_link", ...held };
    }, ResetLinkRequest),
  )
  .post(
    "/admin/v1/accounts/:uid/disable-two-factor",
    adminCall("recovery", "disable_two_factor"),
    changeRoute(async (c, user) => {
      if (!(await turnOffTwoFactor(flowContext(c), user))) return adminError(c, "two_factor_not_on");
      return { uid: user.id, action: "disable_two_factor" };
    }),
  )
  .post(
    "/admin/v1/accounts/:uid/lift-locks",
    adminCall("recovery", "lift_locks"),
    changeRoute(async (c, user) => {
      const { codeLocks } = await liftLocks(flowContext(c), user);
      return { uid: user.id, action: "lift_locks", code_locks_lifted: codeLocks };
    }),
  )
  .post(
    "/admin/v1/accounts/:uid/lift-suppression",
    adminCall("recovery", "lift_suppression"),
    changeRoute(async (c, user) => {
      await liftSuppression(flowContext(c), user);
      return { uid: user.id, action: "lift_suppression" };
    }),
  )
  .post(
    "/admin/v1/accounts/:uid/erase",
    adminCall("erase", "erase"),
    changeRoute(async (c, user) => {
      const { sessionsEnded } = await eraseAccount(flowContext(c), user);
      return { uid: user.id, action: "erase", sessions_ended: sessionsEnded };
    }),
  );
