// The OpenAPI document (/openapi.json): generated from the routes' zod schemas, it must list every route of
// the API. Its validity as OpenAPI 3.1 is checked in Node (test/production/openapi.test.mjs): the validator
// compiles schemas with `new Function`, which the Workers runtime refuses.
import { inspectRoutes } from "hono/dev";
import { describe, expect, it } from "vitest";
import { passwordResetOperations } from "../../src/api/password-reset";
import { userOperations } from "../../src/api/user";
import { userSessionOperations } from "../../src/api/user-session";
import { createApp } from "../../src/app";
import type { ApiOperation } from "../../src/http/openapi";
import { api, STRONG_PASSWORD, uniqueEmail } from "../helpers";

/** The prefixes of the documented APIs: a route under one of them must be in the document. */
const DOCUMENTED_PREFIXES = ["/v3", "/admin/v1"];

interface Document {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

async function fetchDocument(): Promise<Document> {
  const response = await api("/openapi.json", { method: "GET" });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json");
  return (await response.json()) as Document;
}

/** The app's handlers (not middleware, not the catch-all fallbacks) under a documented prefix, as "get /v3/user". */
function apiRoutes(): string[] {
  const routes = inspectRoutes(createApp())
    .filter((route) => !route.isMiddleware && route.method !== "ALL")
    .filter((route) =>
      DOCUMENTED_PREFIXES.some((prefix) => route.path === prefix || route.path.startsWith(`${prefix}/`)),
    )
    .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
  return [...new Set(routes)].sort();
}

function documentedOperations(document: Document): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
    .sort();
}

describe("GET /openapi.json", () => {
  it("200 with an OpenAPI 3.1 document", async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe("3.1.0");
  });

  it("documents every /v3 and /admin/v1 route of the app, and nothing else", async () => {
    const routes = apiRoutes();
    expect(routes).toContain("post /v3/user-session");
    expect(documentedOperations(await fetchDocument())).toEqual(routes);
  });

  it("request bodies are the routes' own schemas: an unknown field or a missing one is refused as documented", async () => {
    const document = await fetchDocument();
    const signUp = document.components.schemas.SignUpRequest?.properties?.user as { required: string[] };
    expect(signUp.required).toEqual(["email", "password", "password_confirmation"]);
    const response = await api("/v3/user", { body: { user: { email: "a@example.com", extra: 1 } } });
    expect(response.status).toBe(422);
    const refusals = document.paths["/v3/user"]?.post?.responses["422"] as {
      content: { "application/json": { examples: Record<string, { value: { error_code: number } }> } };
    };
    const codes = Object.values(refusals.content["application/json"].examples).map((e) => e.value.error_code);
    expect(codes).toContain(((await response.json()) as { error_code: number }).error_code);
  });
});

const OPERATIONS = [...userSessionOperations, ...userOperations, ...passwordResetOperations];

function operation(method: ApiOperation["method"], path: string): ApiOperation {
  const found = OPERATIONS.find((o) => o.method === method && o.path === path);
  if (found === undefined) throw new Error(`${method} ${path} is not documented`);
  return found;
}

/** The status and error_code pairs the document lists for an operation, as "422/141". */
async function documentedRefusals(method: string, path: string): Promise<string[]> {
  type Responses = Record<
    string,
    { content?: { "application/json": { examples?: Record<string, { value: { error_code: number } }> } } }
  >;
  const responses = ((await fetchDocument()).paths[path]?.[method]?.responses ?? {}) as Responses;
  return Object.entries(responses).flatMap(([status, response]) =>
    Object.values(response.content?.["application/json"].examples ?? {}).map((e) => `${status}/${e.value.error_code}`),
  );
}

describe("the document says what the API answers", () => {
  it("each success body parses with the schema the document was generated from", async () => {
    const email = uniqueEmail("openapi");
    const credentials = { user: { email, password: STRONG_PASSWORD } };
    const signUp = await api("/v3/user", {
      body: { user: { email, password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD } },
    });
    expect(signUp.status).toBe(201);
    operation("post", "/v3/user").success.body.schema.parse(await signUp.json());
    const signIn = await api("/v3/user-session", { body: credentials });
    const signedIn = operation("post", "/v3/user-session").success.body.schema.parse(await signIn.json()) as {
      user: { authtoken: string };
    };
    const { authtoken } = signedIn.user;
    operation("get", "/v3/user").success.body.schema.parse(await (await api("/v3/user", { authtoken })).json());
    const forgot = await api("/v3/user/forgot_password", { body: { user: { email } } });
    operation("post", "/v3/user/forgot_password").success.body.schema.parse(await forgot.json());
    const signOut = await api("/v3/user-session", { method: "DELETE", authtoken });
    operation("delete", "/v3/user-session").success.body.schema.parse(await signOut.json());
  });

  it.each([
    ["post", "/v3/user", { user: { email: "not-an-email", password: "x", password_confirmation: "x" } }],
    ["post", "/v3/user", { user: { email: "short@example.com", password: "x", password_confirmation: "x" } }],
    ["post", "/v3/user", "not json"],
    ["post", "/v3/user-session", { user: { email: "nobody@example.com", password: STRONG_PASSWORD } }],
    ["post", "/v3/user-session", { user: { email: "nobody@example.com" } }],
    ["get", "/v3/user", undefined],
    ["delete", "/v3/user-session", undefined],
    ["post", "/v3/user/forgot_password", { user: {} }],
    [
      "post",
      "/v3/user/reset_password",
      { user: { password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD } },
    ],
    [
      "post",
      "/v3/user/reset_password",
      { user: { reset_password_token: "blt0", password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD } },
    ],
  ] as const)("a refusal of %s %s is one the document lists", async (method, path, body) => {
    const response = await api(path, { method: method.toUpperCase(), body });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const { error_code } = (await response.json()) as { error_code: number };
    expect(await documentedRefusals(method, path)).toContain(`${response.status}/${error_code}`);
  });
});

describe("GET /dev/api-reference (development only)", () => {
  it("200 with Scalar's page over /openapi.json, its scripts allowed by this response's nonce only", async () => {
    const response = await api("/dev/api-reference", { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /script-src 'nonce-([^']+)'(;|$)/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(html).toContain('"url": "/openapi.json"');
  });

  it("a new nonce for each response", async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => (await api("/dev/api-reference")).headers.get("content-security-policy")),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
