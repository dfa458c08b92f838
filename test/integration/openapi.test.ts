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
