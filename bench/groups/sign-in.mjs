// Sign-in under load: the correct password, round-robin over the load accounts that are not reset.
import { cycle } from "../context.mjs";
import { throughputFigure } from "../figures.mjs";
import { readMeter, warmAndRun } from "../load.mjs";
import { PASSWORD } from "../profile.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */

/** The load run and its meter. */
export function measureSignIn(/** @type {BenchContext} */ ctx) {
  return ctx.step("load: sign-in", async () => {
    let i = 0;
    const run = await warmAndRun(ctx, {
      name: "sign-in",
      method: "POST",
      path: "/v3/user-session",
      headers: { "content-type": "application/json" },
      next: () => ({
        body: JSON.stringify({ user: { email: cycle(ctx.accounts.signIn, i++), password: PASSWORD } }),
      }),
    });
    return { run, meter: await readMeter(ctx) };
  });
}

/**
 * Throughput against one PBKDF2 derivation.
 * @param {BenchContext} ctx
 * @param {Awaited<ReturnType<typeof measureSignIn>>} m
 * @param {import("../types.d.ts").Baseline | undefined} pbkdf2
 */
export function signInFigures(ctx, m, pbkdf2) {
  throughputFigure(ctx.sink, "sign_in_rps", "sign-in throughput", m?.run, pbkdf2, 0.8);
}
