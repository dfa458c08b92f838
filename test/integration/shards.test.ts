/**
 * Users over several D1 shards (src/core/shards.ts). The whole suite runs with one shard (`npm test`) and
 * with the layout "1,4" (`npm run test:sharded`); these tests hold what only a layout can show: the spread,
 * sign-up's uniqueness across shards, and an account created under an older generation working in full.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/core/config";
import { emailKey, normalizeEmail } from "../../src/core/email-address";
import { hashPassword } from "../../src/core/password-hash";
import { newUserId, shardBinding, shardCount } from "../../src/core/shards";
import { placementOf, shardDatabase } from "../../src/storage/shard-databases";
import { insertUser } from "../../src/storage/users";
import {
  api,
  authtokenFor,
  json,
  NEW_PASSWORD,
  postSignUp,
  resetPassword,
  resetTokenFor,
  STRONG_PASSWORD,
  signIn,
  signUp,
  uniqueEmail,
  whoAmI,
} from "../helpers";

const layout = readConfig(env).shardLayout;

async function spread(): Promise<{ name: string; users: number }[]> {
  const response = await api("/dev/shards");
  expect(response.status).toBe(200);
  return (await json(response)).shards;
}

describe(`shards (layout ${layout.join(",")})`, () => {
  it("GET /dev/shards counts each shard's accounts, and sign-ups reach every shard", async () => {
    const before = await spread();
    expect(before.map((s) => s.name)).toEqual(Array.from({ length: shardCount(layout) }, (_, i) => shardBinding(i)));
    const emails = Array.from({ length: 32 }, () => uniqueEmail("spread"));
    await Promise.all(emails.map((email) => signUp(email)));
    const after = await spread();
    const added = after.map((s, i) => s.users - before[i]!.users);
    expect(added.reduce((a, b) => a + b, 0)).toBe(32);
    // Each account landed where its email places it; 32 keys leave no shard of four empty (p < 10⁻³).
    const expected = after.map((_, i) => emails.filter((e) => placementOf(env, emailKey(normalizeEmail(e))) === i));
    expect(added).toEqual(expected.map((list) => list.length));
    for (const count of added) expect(count).toBeGreaterThan(0);
  });

  it("two racing sign-ups for one address: exactly one account", async () => {
    const email = uniqueEmail("race");
    const responses = await Promise.all(Array.from({ length: 8 }, () => postSignUp(email)));
    expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array(7).fill(422)]);
  });
});

// A deployment that grew: the account was created when the layout had fewer shards, so it lives in a shard
// that is not its email's placement today. Every flow must still find it, and nobody may take its address.
describe.runIf(layout.length > 1)("an account from an older generation", () => {
  async function olderAccount() {
    let email = uniqueEmail("older");
    while (placementOf(env, emailKey(email)) === 0) email = uniqueEmail("older");
    const passwordHash = await hashPassword(STRONG_PASSWORD, readConfig(env).pepper);
    const now = new Date().toISOString();
    const id = newUserId(0);
    const db = shardDatabase(env, 0);
    await insertUser(db, { id, email, emailKey: emailKey(email), passwordHash, firstName: null, lastName: null, now });
    return { email, id };
  }

  it("its address cannot be signed up again in the newer shard", async () => {
    const { email } = await olderAccount();
    const taken = await postSignUp(email);
    expect(taken.status).toBe(422);
    expect((await json(taken)).errors).toEqual({ email: ["is already taken."] });
  });

  it("signs in, counts failures where its address's throttle lives, resets and signs in again", async () => {
    const { email, id } = await olderAccount();
    expect((await signIn(email, "not-the-password-at-all-1")).status).toBe(422);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    const profile = await json(await whoAmI(token));
    expect(profile.user.uid).toBe(id);
    expect((await signIn(email, "not-the-password-at-all-2")).status).toBe(422);
    expect((await json(await whoAmI(token))).user.failed_attempts).toBe(1);

    const reset = await resetPassword(await resetTokenFor(email));
    expect(reset.status).toBe(200);
    expect((await whoAmI(token)).status).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });
});
