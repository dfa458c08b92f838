// GET /v3/user ("who am I") under load: round-robin over the sessions set up for it.
import { cycle } from "../context.mjs";
import { ratioFigure, throughputFigure } from "../figures.mjs";
import { readMeter, warmAndRun } from "../load.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */

/** The load run and its meter. */
export function measureWhoAmI(/** @type {BenchContext} */ ctx, /** @type {string[]} */ userTokens) {
  return ctx.step("load: GET /v3/user", async () => {
    let i = 0;
    const run = await warmAndRun(ctx, {
      name: "GET /v3/user",
      method: "GET",
      path: "/v3/user",
      next: () => ({ headers: { authtoken: cycle(userTokens, i++) } }),
    });
    return { run, meter: await readMeter(ctx) };
  });
}

/**
 * Throughput and p50 against hello-world.
 * @param {BenchContext} ctx
 * @param {Awaited<ReturnType<typeof measureWhoAmI>>} m
 * @param {import("../types.d.ts").Baseline | undefined} hello
 */
export function whoAmIFigures(ctx, m, hello) {
  throughputFigure(ctx.sink, "user_rps", "GET /v3/user throughput", m?.run, hello, 0.7);
  ratioFigure(ctx.sink, {
    id: "user_p50",
    label: "GET /v3/user p50",
    run: m?.run,
    baseline: hello,
    metric: "p50",
    unit: "ms",
    target: { op: "<=", value: 1.5, text: "≤ 1.5×" },
  });
}
