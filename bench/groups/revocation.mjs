// revoke-all: registries seeded with N sessions through the real createSession, then
// `await registry.revokeAllSessions()` timed inside the Worker (POST /__bench/revoke-all).
import { randomBytes } from "node:crypto";
import { expectStatus } from "../context.mjs";
import { judge } from "../figures.mjs";
import { median } from "../stats.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */
/** @typedef {import("../types.d.ts").RevokeResult} RevokeResult */

/** Each session count's revoke times, by count; figures against 10 sessions. */
export async function measureRevocation(/** @type {BenchContext} */ ctx) {
  const { profile, sink } = ctx;
  /** @type {Record<string, RevokeResult>} */
  const revoke = {};
  await ctx.step("revoke-all", async () => {
    for (const { sessions, requests: planned, users } of profile.revoke) {
      // Seeding 10,000 sessions takes ~1 ms each; on a slow machine, keep the run inside the time limit.
      const elapsed = (performance.now() - ctx.wallStart) / 1000;
      const requests = planned > 1 && elapsed > profile.watchdogSeconds - 130 ? 1 : planned;
      if (requests < planned)
        sink.notes.push(
          `revoke-all at ${sessions}: ${requests} of ${planned} seeding requests made, to stay inside the time limit (the machine was slow).`,
        );
      /** @type {number[]} */
      const samples = [];
      let totalMs = 0;
      let count = 0;
      let seedMs = 0;
      for (let k = 0; k < requests; k++) {
        const uid = `blt${randomBytes(12).toString("hex")}`;
        const r = await ctx.client.post(
          `/__bench/revoke-all?user=${uid}&sessions=${sessions}&users=${users}`,
          undefined,
          { timeoutMs: 120_000 },
        );
        expectStatus(r, 200, `revoke-all ${sessions}`);
        const body =
          /** @type {{ revoked: number, samples_ms: number[], total_ms: number, users: number, seed_ms: number }} */ (
            r.json()
          );
        if (body.revoked !== sessions * users) throw new Error(`revoke-all ${sessions}: revoked ${body.revoked}`);
        samples.push(...body.samples_ms);
        totalMs += body.total_ms;
        count += body.users;
        seedMs += body.seed_ms;
      }
      const result = {
        sessions,
        mean_ms: totalMs / count,
        median_ms: median(samples),
        samples_ms: samples,
        revokes: count,
        seed_s: seedMs / 1000,
      };
      revoke[sessions] = result;
      ctx.log(
        `  ${sessions} sessions: mean ${result.mean_ms.toFixed(2)} ms over ${count} revokes (seeding took ${(seedMs / 1000).toFixed(1)} s)`,
      );
    }
  });
  const base10 = revoke[10];
  for (const { sessions } of profile.revoke) {
    const r = revoke[sessions];
    const label = `revoke-all, ${sessions.toLocaleString("en-US")} sessions`;
    if (r === undefined || base10 === undefined) {
      sink.addFigure({ id: `revoke_${sessions}`, label, unit: "ms", error: "not measured", pass: null });
      continue;
    }
    /** @type {import("../types.d.ts").Target | null} */
    const target = sessions === 10_000 ? { op: "<=", value: 3, text: "≤ 3× (at 10,000)" } : null;
    const ratio = r.mean_ms / base10.mean_ms;
    sink.addFigure({
      id: `revoke_${sessions}`,
      label,
      value: r.mean_ms,
      unit: "ms",
      baseline: sessions === 10 ? null : { label: "10 sessions", value: base10.mean_ms },
      ratio: sessions === 10 ? null : ratio,
      median_ms: r.median_ms,
      samples_ms: r.samples_ms,
      revokes: r.revokes,
      target,
      pass: target ? judge(ratio, target) : null,
    });
  }
  if (Object.keys(revoke).length > 0) {
    sink.notes.push(
      "revoke-all times are measured inside the Worker around `await registry.revokeAllSessions()` (RPC round trip and the object's storage commit included); Workers clocks tick in whole milliseconds, so each figure is the mean over several registries revoked in one timed stretch.",
    );
  }
  return revoke;
}
