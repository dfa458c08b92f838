/**
 * Refusals of the SessionRegistry that no flow through the Worker can reach on purpose (issue 29): a code
 * that matches no step on an object that has used none yet, the same confirming step twice, and a live
 * socket for a session the object does not hold. Called through real stubs, like the Worker does.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { liveSocketRequest } from "../../src/durable/live-sign-out";

/** A registry of a user id no other test uses. */
function freshRegistry() {
  const hex = [...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, "0")).join("");
  return env.SESSION_REGISTRY.getByName(`blt${hex}`);
}

describe("the second factor", () => {
  // The row of the newest step can be missing (a set-up that failed after D1 took the key): a typed code
  // that matched no step must still be wrong, not "newer than none".
  it("a code that matched no step is wrong, even where no step was used yet", async () => {
    const registry = freshRegistry();
    const result = await registry.useSecondFactor({ totpStep: null }, Date.now());
    expect(result).toMatchObject({ ok: false, reason: "wrong" });
  });

  it("the same confirming step twice enables nothing the second time; a later step's code is then the one", async () => {
    const registry = freshRegistry();
    expect(await registry.enableSecondFactor(1000, ["hash-a"])).toBe(true);
    expect(await registry.enableSecondFactor(1000, ["hash-b"])).toBe(false);
    expect(await registry.useSecondFactor({ recoveryHash: "hash-a" }, Date.now())).toMatchObject({ ok: true });
    expect(await registry.useSecondFactor({ totpStep: 1000 }, Date.now())).toMatchObject({ ok: false });
    expect(await registry.useSecondFactor({ totpStep: 1001 }, Date.now())).toMatchObject({ ok: true });
  });
});

describe("the live socket", () => {
  it("a session the object does not hold: 401, no socket; a request that is no upgrade: 400", async () => {
    const registry = freshRegistry();
    await registry.useSecondFactor({ totpStep: null }, Date.now());
    const refused = await registry.fetch(liveSocketRequest("no-such-session"));
    expect(refused.status).toBe(401);
    expect(refused.webSocket).toBeNull();
    const plain = await registry.fetch(
      new Request("https://session-registry/live", { headers: { "x-session-id": "x" } }),
    );
    expect(plain.status).toBe(400);
  });
});
