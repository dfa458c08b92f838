// Set-up every later group needs: warm paths, the accounts, the live sign-out's reset links and the
// sessions GET /v3/user uses. Every step is critical: without it no figure can be measured.
import { collectTokens, expectStatus, forgot, signIn, signUp, warmAddress } from "../context.mjs";
import { pool } from "../http.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */

/** Resolves the live accounts' reset tokens and the sessions for GET /v3/user, or undefined if a step failed. */
export async function setUp(/** @type {BenchContext} */ ctx) {
  const { accounts, client, profile } = ctx;
  await ctx.step(
    "warm up",
    async () => {
      for (let i = 0; i < 3; i++) {
        expectStatus(await client.get("/__bench/hello"), 200, "hello");
        expectStatus(await client.post("/__bench/pbkdf2"), 200, "pbkdf2");
      }
      // The pages' error path and the password policy's blocklist load lazily: touch them once.
      await signUp(ctx, warmAddress(0));
    },
    { critical: true },
  );
  await ctx.step(
    "sign-ups",
    async () => {
      const all = [...accounts.load, ...accounts.pairKnown, ...accounts.live, ...accounts.sentinels];
      await pool(all, 4, (a) => signUp(ctx, a));
      ctx.log(`  ${all.length} accounts (each one PBKDF2 derivation)`);
    },
    { critical: true },
  );
  const liveTokens = await ctx.step(
    "reset links for the sign-out push (forgot-password + Resend stand-in)",
    async () => {
      await pool(accounts.live, 4, (a) => forgot(ctx, a));
      return collectTokens(ctx, accounts.live);
    },
    { critical: true },
  );
  const userTokens = await ctx.step(
    "sessions for GET /v3/user",
    async () => {
      const tokens = await pool(accounts.signIn.slice(0, profile.userTokens), 4, (a) => signIn(ctx, a));
      // Each account's first GET /v3/user after its sign-up reads D1 and leaves the registry a copy of the
      // profile; later ones (and later sign-ins) answer from the copy. The load measures the later ones.
      await pool(tokens, 4, async (authtoken) =>
        expectStatus(await ctx.client.get("/v3/user", { headers: { authtoken } }), 200, "first GET /v3/user"),
      );
      ctx.log(`  ${tokens.length} sessions of as many accounts, each with its first GET /v3/user done`);
      return tokens;
    },
    { critical: true },
  );
  if (liveTokens === undefined || userTokens === undefined) return undefined;
  return { liveTokens, userTokens };
}
