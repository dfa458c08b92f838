/**
 * Refusals of the SessionRegistry that no flow through the Worker can reach on purpose (issue 29): a code
 * that matches no step on an object that has used none yet, the same confirming step twice, and a live
 * socket for a session the object does not hold. Called through real stubs, like the Worker does.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../../src/core/time";
import { liveSocketRequest } from "../../src/durable/live-sign-out";
import { SECOND_FACTOR_SCHEMA, SecondFactorTable } from "../../src/durable/second-factor-table";

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
    const result = await registry.useSecondFactor({ totpStep: null }, Date.now(), "sign_in");
    expect(result).toMatchObject({ ok: false, reason: "wrong" });
  });

  it("the same confirming step twice enables nothing the second time; a later step's code is then the one", async () => {
    const registry = freshRegistry();
    expect(await registry.enableSecondFactor(1000, ["hash-a"], Date.now())).toBe(true);
    expect(await registry.enableSecondFactor(1000, ["hash-b"], Date.now())).toBe(false);
    expect(await registry.useSecondFactor({ recoveryHash: "hash-a" }, Date.now(), "sign_in")).toMatchObject({
      ok: true,
    });
    expect(await registry.useSecondFactor({ totpStep: 1000 }, Date.now(), "sign_in")).toMatchObject({ ok: false });
    expect(await registry.useSecondFactor({ totpStep: 1001 }, Date.now(), "sign_in")).toMatchObject({ ok: true });
  });
});

describe("the wrong-code budgets", () => {
  const wrong = { totpStep: null };

  // Attack: a password holder guessing codes for a year. Each lock is longer than the one before, up to a
  // day, so the guesses a year stay near 5 a day (docs/design.md: the yearly chance stays below 1 %).
  it("repeated locks grow: 15 minutes, 1 hour, 4 hours, then a day each time", async () => {
    const registry = freshRegistry();
    let now = Date.now();
    for (const lockMs of [15 * MINUTE_MS, HOUR_MS, 4 * HOUR_MS, DAY_MS, DAY_MS]) {
      for (let i = 0; i < 4; i++) {
        expect(await registry.useSecondFactor(wrong, now, "sign_in")).toEqual({
          ok: false,
          reason: "wrong",
          lockedNow: false,
        });
      }
      expect(await registry.useSecondFactor(wrong, now, "sign_in")).toEqual({
        ok: false,
        reason: "wrong",
        lockedNow: true,
      });
      expect(await registry.useSecondFactor({ totpStep: 99 }, now + lockMs - 1, "sign_in")).toEqual({
        ok: false,
        reason: "locked",
        retryAfterMs: 1,
      });
      now += lockMs;
    }
    // A month with no lock: the next starts at 15 minutes again.
    now += 30 * DAY_MS;
    for (let i = 0; i < 5; i++) await registry.useSecondFactor(wrong, now, "sign_in");
    expect(await registry.useSecondFactor(wrong, now + 15 * MINUTE_MS, "sign_in")).toMatchObject({ reason: "wrong" });
  });

  it("sign-in's lock leaves the reset's budget whole, and the other way round", async () => {
    const registry = freshRegistry();
    const now = Date.now();
    expect(await registry.enableSecondFactor(1000, ["hash-a", "hash-b"], Date.now())).toBe(true);
    for (let i = 0; i < 5; i++) await registry.useSecondFactor(wrong, now, "sign_in");
    expect(await registry.useSecondFactor({ recoveryHash: "hash-a" }, now, "sign_in")).toMatchObject({
      reason: "locked",
    });
    expect(await registry.useSecondFactor({ recoveryHash: "hash-a" }, now, "reset")).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i++) await registry.useSecondFactor(wrong, now + 20 * MINUTE_MS, "reset");
    expect(await registry.useSecondFactor({ recoveryHash: "hash-b" }, now + 20 * MINUTE_MS, "reset")).toMatchObject({
      reason: "locked",
    });
    expect(await registry.useSecondFactor({ recoveryHash: "hash-b" }, now + 20 * MINUTE_MS, "sign_in")).toMatchObject({
      ok: true,
    });
  });

  // Upgrade: an object created before per-surface budgets holds its wrong codes in `second_factor_failures`.
  it("a registry's old shared window becomes sign-in's budget: a lock in force stays, and the old table goes", async () => {
    const registry = freshRegistry();
    await registry.useSecondFactor(wrong, Date.now(), "sign_in");
    const now = Date.now();
    await runInDurableObject(registry, (_instance, state) => {
      const sql = state.storage.sql;
      sql.exec("DROP TABLE second_factor_budgets; CREATE TABLE second_factor_failures (at INTEGER NOT NULL)");
      for (let i = 0; i < 5; i++) sql.exec("INSERT INTO second_factor_failures (at) VALUES (?)", now - MINUTE_MS);
      sql.exec(SECOND_FACTOR_SCHEMA);
      const table = new SecondFactorTable(sql);
      table.upgradeFromSharedWindow(now);
      const old = sql.exec("SELECT 1 FROM sqlite_master WHERE name = 'second_factor_failures'").toArray();
      expect(old).toEqual([]);
      expect(table.use({ totpStep: 5 }, now, "sign_in")).toMatchObject({
        reason: "locked",
        retryAfterMs: 14 * MINUTE_MS,
      });
      expect(table.use({ totpStep: 5 }, now, "reset")).toMatchObject({ ok: true });
      expect(table.use({ totpStep: 6 }, now + 14 * MINUTE_MS, "sign_in")).toMatchObject({ ok: true });
    });
  });
});

describe("the live socket", () => {
  it("a session the object does not hold: 401, no socket; a request that is no upgrade: 400", async () => {
    const registry = freshRegistry();
    await registry.useSecondFactor({ totpStep: null }, Date.now(), "sign_in");
    const refused = await registry.fetch(liveSocketRequest("no-such-session"));
    expect(refused.status).toBe(401);
    expect(refused.webSocket).toBeNull();
    const plain = await registry.fetch(
      new Request("https://session-registry/live", { headers: { "x-session-id": "x" } }),
    );
    expect(plain.status).toBe(400);
  });
});
