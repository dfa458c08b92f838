/** The admin API's part of the OpenAPI document (api/openapi.ts), from ADMIN_ROUTES and its error table. */
import { z } from "zod";
import type { ApiOperation, ApiPart, CustomRefusal } from "../http/openapi";
import { ADMIN_ROUTES, type AdminRoute } from "./admin";
import { describeAdminError } from "./admin-auth";
import {
  AccountExport,
  AccountLookup,
  AdminError,
  type AdminErrorCode,
  ChangeRequest,
  ChangeResult,
  ResetLinkRequest,
} from "./admin-schemas";

/** Each response schema's one name in the document. */
const RESPONSE_NAMES = new Map<z.ZodType, string>([
  [AccountLookup, "AdminAccountLookup"],
  [AccountExport, "AdminAccountExport"],
  [ChangeResult, "AdminChangeResult"],
]);

/** Each request schema's one name in the document. */
const REQUEST_NAMES = new Map<z.ZodType, string>([
  [ChangeRequest, "AdminChangeRequest"],
  [ResetLinkRequest, "AdminResetLinkRequest"],
]);

function schemaName(names: Map<z.ZodType, string>, route: AdminRoute, schema: z.ZodType): string {
  const name = names.get(schema);
  if (name === undefined) throw new Error(`${route.method} ${route.path}: a schema of it has no name`);
  return name;
}

function adminRefusal(code: AdminErrorCode): CustomRefusal {
  const { status, message } = describeAdminError(code);
  const body = { name: "AdminError", schema: AdminError };
  return { key: code, status, code, meaning: message, body, example: { error: { code, message } } };
}

/** Every call may meet the gate; an account route, a missing account; a change, a missing reason. */
function adminOperation(route: AdminRoute): ApiOperation {
  const codes: AdminErrorCode[] = ["unauthorized", "scope_missing", "browser_refused", "rate_limited"];
  if (route.path === "/admin/v1/accounts") codes.push("bad_request");
  codes.push("account_not_found");
  if (route.request !== undefined) codes.push("reason_required");
  if (route.path.endsWith("/disable-two-factor")) codes.push("two_factor_not_on");
  return {
    method: route.method,
    path: route.path,
    tag: "admin",
    summary: route.summary,
    description: `Needs a key with the \`${route.scope}\` scope (docs/api.md, "Admin API").`,
    security: "adminKey",
    ...(route.path.includes("{uid}") ? { pathParams: z.object({ uid: z.string() }) } : {}),
    ...(route.path === "/admin/v1/accounts" ? { query: z.object({ email: z.string().max(254) }) } : {}),
    ...(route.request === undefined
      ? {}
      : { body: { name: schemaName(REQUEST_NAMES, route, route.request), schema: route.request } }),
    success: {
      status: 200,
      description: route.summary,
      body: { name: schemaName(RESPONSE_NAMES, route, route.response), schema: route.response },
    },
    refusals: codes.map(adminRefusal),
  };
}

/** The operator's API under /admin/v1 (off, 404, unless ADMIN_API_KEYS is set). */
export const ADMIN_API: ApiPart = {
  tags: [{ name: "admin", description: "The operator's API: off (404) unless ADMIN_API_KEYS is set." }],
  securitySchemes: { adminKey: { type: "http", scheme: "bearer", description: "A key of ADMIN_API_KEYS." } },
  sharedSchemas: [],
  operations: ADMIN_ROUTES.map(adminOperation),
  // Bodies are read by the admin routes themselves: a body that is not a reason is `reason_required`.
  bodyRefusals: [],
};
