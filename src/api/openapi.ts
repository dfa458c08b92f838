/**
 * GET /openapi.json: the OpenAPI 3.1 document of the API, generated from the route modules' descriptors
 * (http/openapi.ts), in production too. A route module's operations are listed in its API's part, and each
 * API's part in PARTS; a test fails on any /v3 or /admin/v1 route missing from the document.
 */
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { type ApiPart, buildOpenApiDocument } from "../http/openapi";
import { ADMIN_API } from "./admin-openapi";
import { passwordResetOperations } from "./password-reset";
import { userOperations } from "./user";
import { USER_SCHEMA } from "./user-json";
import { userSessionOperations } from "./user-session";

/** The /v3 API: Contentstack's user endpoints. */
const V3_API: ApiPart = {
  tags: [
    { name: "user-session", description: "Sign in and out." },
    { name: "user", description: "Sign up, and the signed-in user." },
    { name: "password", description: "Forgotten passwords." },
  ],
  securitySchemes: { authtoken: { type: "apiKey", in: "header", name: "authtoken" } },
  sharedSchemas: [USER_SCHEMA],
  operations: [...userSessionOperations, ...userOperations, ...passwordResetOperations],
};

/** Every API the document describes: another API (the admin API) adds its part here. */
const PARTS: readonly ApiPart[] = [V3_API, ADMIN_API];

const INFO = {
  title: "edge-password-reset",
  version: "v3",
  description:
    "Wire-compatible with Contentstack's Content Management API user endpoints. Every notice, `error_message` " +
    "and `error_code` is Contentstack's English text whatever the request's language. Bodies are JSON, at most " +
    "16 KiB. The prose (limits, locks, two-factor) is in docs/api.md.",
};

/** The document, built on first use: no cost at an isolate's start. */
let documentText: string | undefined;

/** The document as served. */
export function openApiDocument(): string {
  documentText ??= JSON.stringify(buildOpenApiDocument(INFO, PARTS));
  return documentText;
}

export const openApiRoutes = new Hono<AppEnv>().get("/openapi.json", (c) =>
  c.body(openApiDocument(), 200, {
    "Content-Type": "application/json",
    // Public and the same for everyone: any tool (an editor, a client generator) may read it.
    "Access-Control-Allow-Origin": "*",
    "X-Content-Type-Options": "nosniff",
  }),
);
