// reset-password under load: a fixed number of requests, each with its own link (mailed by the
// forgot-password load), then the queue drained so that the meter counts the "password changed" notices.
import { drainQueue } from "../context.mjs";
import { throughputFigure } from "../figures.mjs";
import { cannon, readMeter, resetMeter } from "../load.mjs";
import { NEW_PASSWORD } from "../profile.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */

/** The load run, and the meter read after the queue drained. */
export async function measureReset(/** @type {BenchContext} */ ctx, /** @type {string[]} */ resetTokens) {
  const { resetWarm } = ctx.profile;
  const run = await ctx.step("load: reset-password", async () => {
    let i = 0;
    const spec = {
      method: "POST",
      path: "/v3/user/reset_password",
      headers: { "content-type": "application/json" },
      next: () => {
        const token = resetTokens[i++];
        if (token === undefined) throw new Error("out of reset tokens");
        return {
          body: JSON.stringify({
            user: { reset_password_token: token, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
          }),
        };
      },
    };
    await cannon(ctx, { ...spec, name: "reset-password (warm-up)", amount: resetWarm, record: false });
    await resetMeter(ctx);
    return cannon(ctx, { ...spec, name: "reset-password", amount: resetTokens.length - resetWarm });
  });
  const meter = await ctx.step("drain queue after reset-password load", async () => {
    await drainQueue(ctx, "reset-password load");
    return readMeter(ctx); // the "password changed" notices' consumer work included
  });
  return { run, meter };
}

/**
 * Throughput against one PBKDF2 derivation.
 * @param {BenchContext} ctx
 * @param {Awaited<ReturnType<typeof measureReset>>} m
 * @param {import("../types.d.ts").Baseline | undefined} pbkdf2
 */
export function resetFigures(ctx, m, pbkdf2) {
  throughputFigure(ctx.sink, "reset_rps", "reset-password throughput", m.run, pbkdf2, 0.6);
}
