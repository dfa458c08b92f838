// The OpenAPI document (/openapi.json): generated from the routes' zod schemas, it must list every route of
// the API. Its validity as OpenAPI 3.1 is checked in Node (test/production/openapi.test.mjs): the validator
// compiles schemas with `new Function`, which the Workers runtime refuses.
import { inspectRoutes } from "hono/dev";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { api } from "../helpers";

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
