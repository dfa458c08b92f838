// Timing pairs: concurrency 1 on one keep-alive connection, known and unknown addresses alternating, the
// order inside each pair alternating. forgot-password, sign-in with a wrong password, and sign-in's retry
// of a counted failure: each answers known and unknown addresses alike, and must take as long.
import { drainQueue, expectStatus, warmAddress } from "../context.mjs";
import { gapFigures, pairStats, pairSummary } from "../figures.mjs";
import { createClient } from "../http.mjs";
import { email, WRONG_PASSWORD } from "../profile.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */
/** @typedef {import("../types.d.ts").HttpClient} HttpClient */
/** @typedef {import("../types.d.ts").PairResult} PairResult */

/**
 * Sends each known and unknown address in turn; `send` resolves one request's milliseconds.
 * @param {BenchContext} ctx
 * @param {string} label
 * @param {string[]} known
 * @param {string[]} unknown
 * @param {(client: HttpClient, address: string) => Promise<number>} send
 */
async function timingPairs(ctx, label, known, unknown, send) {
  const solo = createClient(ctx.server.origin, { maxSockets: 1 });
  /** @type {number[]} */
  const knownMs = [];
  /** @type {number[]} */
  const unknownMs = [];
  try {
    // A few unrecorded requests first, so both paths are warm.
    for (let i = 0; i < 3; i++) await send(solo, warmAddress(i));
    for (let i = 0; i < known.length; i++) {
      if (ctx.aborted()) throw new Error("aborted");
      const pair = /** @type {const} */ ([
        [known[i], knownMs],
        [unknown[i], unknownMs],
      ]);
      for (const [address, samples] of i % 2 === 0 ? pair : [pair[1], pair[0]]) {
        if (address === undefined) throw new Error(`${label}: fewer unknown than known addresses`);
        samples.push(await send(solo, address));
      }
    }
  } finally {
    solo.close();
  }
  return pairStats(ctx.log, label, knownMs, unknownMs);
}

/** The three pair tests, each null if it failed. */
export async function measureTimingPairs(/** @type {BenchContext} */ ctx) {
  const { profile, accounts, sink } = ctx;
  const unknownForgot = Array.from({ length: profile.pairAccounts }, (_, i) => email("nobody-forgot", i));
  const unknownSignIn = Array.from({ length: profile.pairAccounts }, (_, i) => email("nobody-signin", i));
  const repeat = (/** @type {string[]} */ list) =>
    Array.from(
      { length: list.length * profile.pairsPerEmail },
      (_, i) => /** @type {string} */ (list[i % list.length]),
    );

  const forgot = await ctx.step("timing pairs: forgot-password", async () => {
    const r = await timingPairs(
      ctx,
      "forgot-password",
      repeat(accounts.pairKnown),
      repeat(unknownForgot),
      async (c, a) => {
        const res = await c.post("/v3/user/forgot_password", { user: { email: a } });
        return expectStatus(res, 200, "forgot-password pair").ms;
      },
    );
    gapFigures(sink, "forgot", "forgot-password", r);
    return r;
  });
  if (profile.drainEveryPhase)
    await ctx.step("drain queue after forgot-password pairs", () => drainQueue(ctx, "forgot-password pairs"));

  /** @type {PairResult | undefined} */
  let signInRetry;
  const signIn = await ctx.step("timing pairs: sign-in", async () => {
    // Known addresses with a wrong password against unknown addresses: the same 422 answer. Each address is
    // used pairsPerEmail (4) times with a new wrong password each time (a repeated one counts once and is
    // not the guessing path), below the per-address lock (after the 5th distinct failure). Each counted
    // failure is followed at once by the same password again, as a client's retry: timed separately.
    /** @type {Map<string, number>} */
    const tries = new Map();
    /** @type {{ known: number[], unknown: number[] }} */
    const retries = { known: [], unknown: [] };
    const r = await timingPairs(
      ctx,
      "sign-in",
      repeat(accounts.pairKnown),
      repeat(unknownSignIn),
      async (c, address) => {
        const n = tries.get(address) ?? 0;
        tries.set(address, n + 1);
        const user = { email: address, password: `${WRONG_PASSWORD}-${n}` };
        const res = await c.post("/v3/user-session", { user });
        expectStatus(res, 422, "sign-in pair");
        const retry = await c.post("/v3/user-session", { user });
        expectStatus(retry, 422, "sign-in retry pair");
        if (!address.startsWith("warm-")) retries[address.startsWith("nobody-") ? "unknown" : "known"].push(retry.ms);
        return res.ms;
      },
    );
    gapFigures(sink, "sign_in", "sign-in", r);
    signInRetry = pairStats(ctx.log, "sign-in retry", retries.known, retries.unknown);
    gapFigures(sink, "sign_in_retry", "sign-in retry of a counted failure", signInRetry);
    return r;
  });
  return {
    forgot: forgot === undefined ? null : pairSummary(forgot),
    sign_in: signIn === undefined ? null : pairSummary(signIn),
    sign_in_retry: signInRetry === undefined ? null : pairSummary(signInRetry),
  };
}
