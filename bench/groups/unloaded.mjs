// Unloaded latency: one request at a time on one keep-alive connection (what a single user waits), for
// hello-world, forgot-password (a new unknown address each) and GET /v3/user.
import { cycle, drainQueue, expectStatus } from "../context.mjs";
import { summarize } from "../figures.mjs";
import { createClient } from "../http.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */
/** @typedef {import("../types.d.ts").UnloadedSeries} UnloadedSeries */

/** The three series (each null if it was not measured). */
export async function measureUnloaded(/** @type {BenchContext} */ ctx, /** @type {string[]} */ userTokens) {
  /** @type {{ hello?: UnloadedSeries, forgot?: UnloadedSeries, user?: UnloadedSeries }} */
  const measured = {};
  await ctx.step("unloaded latency (c=1)", async () => {
    const solo = createClient(ctx.server.origin, { maxSockets: 1 });
    /** @returns {Promise<UnloadedSeries>} */
    const series = async (/** @type {string} */ name, /** @type {(i: number) => Promise<number>} */ send) => {
      for (let i = 0; i < 10; i++) await send(i); // warm-up, not recorded
      const ms = [];
      for (let i = 0; i < ctx.profile.unloadedCount; i++) ms.push(await send(i));
      const summary = summarize(ms);
      ctx.log(
        `  ${name}: p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms (${ms.length} sequential requests)`,
      );
      return { name, ...summary };
    };
    try {
      measured.hello = await series(
        "hello-world",
        async () => expectStatus(await solo.get("/__bench/hello"), 200, "hello").ms,
      );
      measured.forgot = await series("forgot-password", async () => {
        const r = await solo.post("/v3/user/forgot_password", { user: { email: ctx.accounts.nextGhost() } });
        return expectStatus(r, 200, "forgot").ms;
      });
      measured.user = await series("GET /v3/user", async (i) => {
        const r = await solo.get("/v3/user", { headers: { authtoken: cycle(userTokens, i) } });
        return expectStatus(r, 200, "user").ms;
      });
    } finally {
      solo.close();
    }
  });
  for (const [id, label, run] of /** @type {const} */ ([
    ["forgot_p50_c1", "forgot-password p50, unloaded (c=1)", measured.forgot],
    ["user_p50_c1", "GET /v3/user p50, unloaded (c=1)", measured.user],
  ])) {
    const base = measured.hello;
    if (run === undefined || base === undefined) {
      ctx.sink.addFigure({ id, label, unit: "ms", error: "not measured", pass: null });
      continue;
    }
    ctx.sink.addFigure({
      id,
      label,
      value: run.p50,
      unit: "ms",
      baseline: { label: "hello-world c=1", value: base.p50 },
      ratio: run.p50 / base.p50,
      target: { text: "info (design: ≤ 2×)" },
      pass: null,
      p99_ms: run.p99,
    });
  }
  if (ctx.profile.drainEveryPhase)
    await ctx.step("drain queue after unloaded forgot-password", () => drainQueue(ctx, "unloaded forgot-password"));
  return { hello: measured.hello ?? null, forgot: measured.forgot ?? null, user: measured.user ?? null };
}
