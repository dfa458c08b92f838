/** The RateLimiter object: exact windows, retries counted once, and an idle key that leaves nothing behind. */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MINUTE } from "../helpers";

const WINDOWS = [
  { ms: MINUTE, max: 1 },
  { ms: 60 * MINUTE, max: 5 },
];

function limiter() {
  return env.RATE_LIMITER.getByName(`test:${crypto.randomUUID()}`);
}

describe("RateLimiter", () => {
  it("allows one hit a minute, counts a retried id once, and refuses beyond the window's max", async () => {
    const stub = limiter();
    const t0 = Date.now();
    expect(await stub.hit(WINDOWS, t0, "a")).toEqual({ ok: true });
    expect(await stub.hit(WINDOWS, t0 + 1000, "a")).toEqual({ ok: true }); // the same job, retried
    expect(await stub.hit(WINDOWS, t0 + 1000, "b")).toEqual({ ok: false, reason: "limited" });
    expect(await stub.hit(WINDOWS, t0 + MINUTE + 1, "b")).toEqual({ ok: true });
  });

  // Fault: a retried older job arrives after a newer one. Its earlier time must not bring the wipe forward,
  // or deleteAll() would erase hits still inside the hour and reopen the limit.
  it("the clean-up alarm only ever moves later", async () => {
    const stub = limiter();
    const t0 = Date.now();
    await stub.hit(WINDOWS, t0, "newer");
    await stub.hit(WINDOWS, t0 - 30 * MINUTE, "older");
    expect(await runInDurableObject(stub, (_i, state) => state.storage.getAlarm())).toBe(t0 + 60 * MINUTE);
  });

  it("an idle key keeps no storage once its alarm has run", async () => {
    const stub = limiter();
    await stub.hit(WINDOWS, Date.now(), "x");
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const tables = await runInDurableObject(stub, (_i, state) =>
      state.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table'").toArray(),
    );
    expect(tables).toEqual([]);
  });
});
