/**
 * Attack: a client sends tokens with made-up user ids ("blt" + 24 hex + "." + 32 chars). Each names a
 * SessionRegistry object; reading through it must not create that object's storage, or an attacker
 * could fill storage with objects for free.
 */
import { listDurableObjectIds, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, authtokenFor, STRONG_PASSWORD, signUp, uniqueEmail } from "../helpers";

const FORGED_USER = "blt0123456789abcdef01234567";

describe("forged user ids", () => {
  it("401 on GET /v3/user and DELETE /v3/user-session, and no storage is created for the forged id", async () => {
    const token = `${FORGED_USER}.${"A".repeat(32)}`;
    expect((await api("/v3/user", { authtoken: token })).status).toBe(401);
    expect((await api("/v3/user-session", { method: "DELETE", authtoken: token })).status).toBe(401);

    const stub = env.SESSION_REGISTRY.getByName(FORGED_USER);
    const tables = await runInDurableObject(stub, (_instance, state) =>
      state.storage.sql
        .exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('state', 'sessions')")
        .toArray(),
    );
    expect(tables).toEqual([]);
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
