// The baselines every throughput ratio divides by, served by the same runtime in the same run: hello-world
// (GET /__bench/hello) and one PBKDF2 derivation (POST /__bench/pbkdf2). They run before the measured
// routes and (full profile) after them; ratios use their mean.
import { combine } from "../figures.mjs";
import { warmAndRun } from "../load.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */
/** @typedef {{ hello: import("../types.d.ts").Run, pbkdf2: import("../types.d.ts").Run }} BaselineRuns */

/** One run of each baseline, numbered `n` (1 before, 2 after). */
export function measureBaselines(/** @type {BenchContext} */ ctx, /** @type {1 | 2} */ n) {
  return ctx.step(`load: baselines (${n === 1 ? "before" : "after"})`, async () => ({
    hello: await warmAndRun(ctx, { name: `hello-world #${n}`, method: "GET", path: "/__bench/hello" }),
    pbkdf2: await warmAndRun(ctx, { name: `PBKDF2 route #${n}`, method: "POST", path: "/__bench/pbkdf2" }),
  }));
}

/**
 * The two baselines as means of their runs; a note if one moved more than 10 % between them.
 * @param {BenchContext} ctx
 * @param {BaselineRuns | undefined} before
 * @param {BaselineRuns | undefined} after
 */
export function combineBaselines(ctx, before, after) {
  const hello = combine("hello-world", before?.hello, after?.hello);
  const pbkdf2 = combine("PBKDF2 route", before?.pbkdf2, after?.pbkdf2);
  for (const b of [hello, pbkdf2]) {
    if (b !== undefined && b.drift !== null && Math.abs(b.drift) > 0.1) {
      ctx.sink.notes.push(
        `${b.label} throughput moved ${(b.drift * 100).toFixed(0)} % between its runs before and after the measured routes (a busy machine); ratios use the mean of both.`,
      );
    }
  }
  return { hello, pbkdf2 };
}
