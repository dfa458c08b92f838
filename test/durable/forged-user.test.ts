/**
 * Attack: a client sends tokens with made-up user ids ("blt" + 24 hex + "." + 32 chars + "." + a MAC).
 * Each names a SessionRegistry object. A token's MAC refuses a forgery before any storage call; and even a
 * read that does reach an object (a reset token naming a made-up user) must not create that object's
 * storage, or an attacker could fill storage with objects for free (invariant 13).
 */
import { listDurableObjectIds, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { api, authtokenFor, STRONG_PASSWORD, signUp, uniqueEmail } from "../helpers";
import { tapD1 } from "../support/d1";

const FORGED_USER = "blt0123456789abcdef01234567";

describe("forged user ids", () => {
  it("401 on GET /v3/user and DELETE /v3/user-session, and no storage is created for the forged id", async () => {
    const token = `${FORGED_USER}.${"A".repeat(32)}.${"A".repeat(22)}`;
    const registry = vi.spyOn(env.SESSION_REGISTRY, "getByName");
    const d1 = tapD1();
    expect((await api("/v3/user", { authtoken: token })).status).toBe(401);
    expect((await api("/v3/user-session", { method: "DELETE", authtoken: token })).status).toBe(401);
    // Refused on its MAC: no Durable Object call, no D1 query.
    expect(registry).not.toHaveBeenCalled();
    expect(d1.prepared).toEqual([]);
    vi.restoreAllMocks();
    // A reset token naming the made-up user does reach its registry, which stays empty.
    const reached = vi.spyOn(env.SESSION_REGISTRY, "getByName");
    const reset = await api("/v3/user/reset_password", {
      body: {
        user: { reset_password_token: `${FORGED_USER}.${"B".repeat(43)}`, password: "x", password_confirmation: "x" },
      },
    });
    expect(reset.status).toBe(422);
    expect(reached).toHaveBeenCalledWith(FORGED_USER);

    const stub = env.SESSION_REGISTRY.getByName(FORGED_USER);
    // No table at all (sqlite_master, not a hand list), and nothing in its key-value storage.
    const stored = await runInDurableObject(stub, async (_instance, state) => ({
      tables: state.storage.sql
        .exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_%'")
        .toArray(),
      kv: (await state.storage.list()).size,
    }));
    expect(stored).toEqual({ tables: [], kv: 0 });
  });

  it("a real user's registry does get storage on the first sign-in", async () => {
    const email = uniqueEmail("real");
    const user = await signUp(email);
    await authtokenFor(email, STRONG_PASSWORD);
    const stub = env.SESSION_REGISTRY.getByName(user.uid);
    const count = await runInDurableObject(
      stub,
      (_instance, state) => state.storage.sql.exec("SELECT COUNT(*) AS n FROM sessions").one().n,
    );
    expect(count).toBe(1);
    const ids = await listDurableObjectIds(env.SESSION_REGISTRY);
    expect(ids.some((id) => id.equals(stub.id))).toBe(true);
  });
});
