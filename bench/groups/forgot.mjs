// forgot-password under load: one request for each existing load account (every job mails a link), then
// a new unknown address each; each run's request path, and the pipeline until the consumer had mailed the
// last email. The links mailed to the reset pool are read back for the reset-password group.
import { collectTokens, cycle, drainQueue } from "../context.mjs";
import { ratioFigure, throughputFigure } from "../figures.mjs";
import { cannon, pipeline, readMeter, resetMeter } from "../load.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */
/** @typedef {import("../types.d.ts").Baseline} Baseline */

const SPEC = {
  method: "POST",
  path: "/v3/user/forgot_password",
  headers: { "content-type": "application/json" },
};
const body = (/** @type {string} */ address) => JSON.stringify({ user: { email: address } });

/** The known-address run and its meter, then the reset pool's links, then the unknown-address run. */
export async function measureForgot(/** @type {BenchContext} */ ctx) {
  const { accounts, profile } = ctx;
  const known = await ctx.step("load: forgot-password, existing accounts (one request each)", async () => {
    // Every request names another account, so every job mails a link (the path real traffic takes);
    // the warm-up uses unknown addresses and leaves the accounts untouched.
    if (profile.warmSeconds > 0)
      await cannon(ctx, {
        ...SPEC,
        name: "forgot (warm-up)",
        seconds: profile.warmSeconds,
        record: false,
        next: () => ({ body: body(accounts.nextGhost()) }),
      });
    await drainQueue(ctx, "forgot-password warm-up");
    await resetMeter(ctx);
    let i = 0;
    const run = await cannon(ctx, {
      ...SPEC,
      name: "forgot-password, existing",
      amount: accounts.load.length,
      next: () => ({ body: body(cycle(accounts.load, i++)) }),
    });
    const drained = await drainQueue(ctx, "forgot-password, existing");
    return { run, pipeline: pipeline(run, drained), meter: await readMeter(ctx) };
  });

  const resetTokens = await ctx.step(
    "reset links from the forgot-password load (the emails Resend accepted)",
    async () => {
      const tokens = await collectTokens(ctx, accounts.reset);
      ctx.log(`  ${tokens.length} reset links read from the emails Resend accepted`);
      return tokens;
    },
    { critical: true },
  );

  const unknown = await ctx.step("load: forgot-password, unknown addresses (a new one each)", async () => {
    await resetMeter(ctx);
    const run = await cannon(ctx, {
      ...SPEC,
      name: "forgot-password, unknown",
      seconds: profile.runSeconds,
      next: () => ({ body: body(accounts.nextGhost()) }),
    });
    const drained = await drainQueue(ctx, "forgot-password, unknown");
    return { run, pipeline: pipeline(run, drained), meter: await readMeter(ctx) };
  });
  return { known, unknown, resetTokens: resetTokens ?? [] };
}

/**
 * Throughput of both runs and their pipelines against hello-world, and the existing accounts' p99.
 * @param {BenchContext} ctx
 * @param {Awaited<ReturnType<typeof measureForgot>>} m
 * @param {Baseline | undefined} hello
 */
export function forgotFigures(ctx, m, hello) {
  const throughput = (
    /** @type {string} */ id,
    /** @type {string} */ label,
    /** @type {{ rps: number } | undefined} */ run,
    /** @type {number} */ value,
  ) => throughputFigure(ctx.sink, id, label, run, hello, value);
  throughput("forgot_known_rps", "forgot-password (existing) request path", m.known?.run, 0.6);
  throughput("forgot_unknown_rps", "forgot-password (unknown) request path", m.unknown?.run, 0.6);
  throughput("forgot_known_pipeline", "forgot-password (existing) + consumer", m.known?.pipeline, 0.15);
  throughput("forgot_unknown_pipeline", "forgot-password (unknown) + consumer", m.unknown?.pipeline, 0.35);
  ratioFigure(ctx.sink, {
    id: "forgot_p99",
    label: "forgot-password (existing) p99",
    run: m.known?.run,
    baseline: hello,
    metric: "p99",
    unit: "ms",
  });
}
