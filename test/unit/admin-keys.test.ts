/**
 * ADMIN_API_KEYS (core/admin-keys.ts): what a valid list is, the bad values that stop the Worker instead of
 * running an admin API with a weak or nameless key, and the match that names the key; and every admin
 * route's schemas convert to JSON Schema (what the OpenAPI document is built from).
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ADMIN_ROUTES } from "../../src/api/admin";
import { findAdminKey, parseAdminKeys } from "../../src/core/admin-keys";
import { ConfigError } from "../../src/core/config-values";

const LONG = "k".repeat(32);

describe("ADMIN_API_KEYS", () => {
  it("unset or blank: no keys (the admin API is off)", () => {
    expect(parseAdminKeys(undefined)).toEqual([]);
    expect(parseAdminKeys("  ")).toEqual([]);
    expect(parseAdminKeys("[]")).toEqual([]);
  });

  it("named keys with scopes; the match names the key, a near miss matches nothing", () => {
    const keys = parseAdminKeys(
      JSON.stringify([
        { name: "ops-alice", key: `a${LONG}`, scopes: ["read", "sessions"] },
        { name: "ops.bob", key: `b${LONG}`, scopes: ["erase"] },
      ]),
    );
    expect(keys.map((k) => [k.name, [...k.scopes]])).toEqual([
      ["ops-alice", ["read", "sessions"]],
      ["ops.bob", ["erase"]],
    ]);
    expect(findAdminKey(keys, `b${LONG}`)?.name).toBe("ops.bob");
    expect(findAdminKey(keys, `a${LONG}`)?.name).toBe("ops-alice");
    for (const miss of [LONG, `a${LONG}x`, `A${LONG}`, "", `a${"k".repeat(31)}`])
      expect(findAdminKey(keys, miss)).toBeNull();
  });

  it("a bad value stops the Worker: not JSON, a short key, no or unknown scopes, a missing or repeated name", () => {
    for (const bad of [
      "ops:key",
      JSON.stringify({ name: "x", key: LONG, scopes: ["read"] }),
      JSON.stringify([{ name: "x", key: "k".repeat(31), scopes: ["read"] }]),
      JSON.stringify([{ name: "x", key: LONG, scopes: [] }]),
      JSON.stringify([{ name: "x", key: LONG, scopes: ["admin"] }]),
      JSON.stringify([{ key: LONG, scopes: ["read"] }]),
      JSON.stringify([{ name: "has space", key: LONG, scopes: ["read"] }]),
      JSON.stringify([
        { name: "x", key: `a${LONG}`, scopes: ["read"] },
        { name: "x", key: `b${LONG}`, scopes: ["read"] },
      ]),
    ]) {
      expect(() => parseAdminKeys(bad), bad).toThrow(ConfigError);
    }
  });
});

describe("the admin routes' schemas", () => {
  it("every request and answer converts to JSON Schema, and every route has a scope", () => {
    expect(ADMIN_ROUTES.length).toBe(9);
    for (const route of ADMIN_ROUTES) {
      expect(route.path.startsWith("/admin/v1/")).toBe(true);
      expect(["read", "sessions", "recovery", "erase"]).toContain(route.scope);
      for (const schema of [route.request, route.response]) {
        if (schema !== undefined) expect(z.toJSONSchema(schema, { io: "input" })).toHaveProperty("type", "object");
      }
    }
  });
});
