/**
 * Users over several D1 shards (src/core/shards.ts). The whole suite runs with one shard (`npm test`) and
 * with the layout "1,4" (`npm run test:sharded`); these tests hold what only a layout can show: the spread,
 * sign-up's uniqueness across shards, and an account created under an older generation working in full.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { readConfig } from "../../src/core/config";
import { emailKey, normalizeEmail } from "../../src/core/email-address";
import { hashPassword } from "../../src/core/password-hash";
import { newUserId, shardBinding, shardCount } from "../../src/core/shards";
import worker from "../../src/dev/worker";
import { suppressStatement } from "../../src/storage/mail-events";
import { placementOf, shardDatabase } from "../../src/storage/shard-databases";
import { insertUser } from "../../src/storage/users";
import {
  api,
  authtokenFor,
  json,
  mailbox,
  NEW_PASSWORD,
  page,
  postSignUp,
  resetJob,
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
    await insertUser(db, {
      id,
      email,
      emailKey: emailKey(email),
      passwordHash,
      firstName: null,
      lastName: null,
      language: null,
      now,
    });
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
    expect((await signIn(email, "not-the-password-at-all-2")).status).toBe(422);
    // The first GET /v3/user has no copy of the profile yet: the account's shard, and the throttle's placement.
    const profile = await json(await whoAmI(token));
    expect(profile.user.uid).toBe(id);
    expect(profile.user.failed_attempts).toBe(1);

    const reset = await resetPassword(await resetTokenFor(email));
    expect(reset.status).toBe(200);
    expect((await whoAmI(token)).status).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });

  // Its address's suppression lives at the placement, not in its shard: the consumer and /account must look there.
  it("a bounce recorded for its address holds back reset emails and shows on /account", async () => {
    const { email } = await olderAccount();
    const key = emailKey(email);
    const now = Date.now();
    await suppressStatement(shardDatabase(env, placementOf(env, key)), key, now + 86_400_000, "bounced", now).run();
    const batch = createMessageBatch("email", [
      { id: "suppressed", timestamp: new Date(), attempts: 1, body: resetJob(email) },
    ]);
    await worker.queue(batch as MessageBatch<any>, env);
    expect((await getQueueResult(batch, createExecutionContext())).explicitAcks).toEqual(["suppressed"]);
    expect(await mailbox(email)).toHaveLength(0);
    const account = await page("/account", { cookie: await authtokenFor(email, STRONG_PASSWORD) });
    expect(await account.text()).toContain("We will send nothing to it until");
  });
});

// A shard's outage is its own accounts' trouble, not everyone's: the other shards' people sign in, and the
// email queue keeps sending their mail, retrying only the jobs that need the shard that is down.
describe.runIf(shardCount(layout) > 1)("one shard down", () => {
  /** A new address placed in `shard` (or, with `not`, anywhere else but shard 0, which older lookups share). */
  function emailIn(shard: number, not = false): string {
    for (;;) {
      const email = uniqueEmail("outage");
      const placed = placementOf(env, emailKey(email));
      if (not ? placed !== shard && placed !== 0 : placed === shard) return email;
    }
  }

  function breakShard(shard: number): void {
    const db = shardDatabase(env, shard);
    const down = () => {
      throw new Error("D1_ERROR: shard unreachable (simulated)");
    };
    vi.spyOn(db, "prepare").mockImplementation(down);
    vi.spyOn(db, "batch").mockImplementation(down);
  }

  it("sign-in works on the other shards; on the broken one it is a clean 5xx envelope", async () => {
    const [healthy, broken] = [emailIn(1, true), emailIn(1)];
    await Promise.all([signUp(healthy), signUp(broken)]);
    breakShard(1);
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await signIn(healthy, STRONG_PASSWORD)).status).toBe(200);
    const refused = await signIn(broken, STRONG_PASSWORD);
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect(Object.keys(await json(refused))).toEqual(["error_message", "error_code", "errors"]);
  });

  it("the email queue sends the healthy shards' jobs of a batch and retries only the broken shard's", async () => {
    const [healthy, broken] = [emailIn(1, true), emailIn(1)];
    await Promise.all([signUp(healthy), signUp(broken)]);
    breakShard(1);
    const batch = createMessageBatch("email", [
      { id: "healthy", timestamp: new Date(), attempts: 1, body: resetJob(healthy) },
      { id: "broken", timestamp: new Date(), attempts: 1, body: resetJob(broken) },
    ]);
    await worker.queue(batch as MessageBatch<any>, env);
    const result = await getQueueResult(batch, createExecutionContext());
    expect(result.explicitAcks).toEqual(["healthy"]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["broken"]);
    expect(await mailbox(healthy)).toHaveLength(1);
    expect(await mailbox(broken)).toHaveLength(0);
  });
});

describe(`email change across shards (layout ${layout.join(",")})`, () => {
  const shardOf = (email: string) => placementOf(env, emailKey(normalizeEmail(email)));
  const addressPlaced = (label: string, wanted: (shard: number) => boolean) => {
    for (;;) {
      const email = uniqueEmail(label);
      if (wanted(shardOf(email))) return email;
    }
  };

  // The account stays in its shard; its email index moves to the new address's placement, so an address
  // none of whose candidate shards holds the account is accepted too (email-change-shards.test.ts follows it).
  it.skipIf(shardCount(layout) === 1)(
    "accepts an address none of whose candidate shards holds the account, as one placed in its own",
    async () => {
      const email = addressPlaced("home", (shard) => shard !== 0);
      await signUp(email);
      const here = await authtokenFor(email, STRONG_PASSWORD);
      const away = addressPlaced("away", (shard) => shard !== shardOf(email));
      const form = { new_email: away, email_password: STRONG_PASSWORD };
      const accepted = await page("/account/email", { form, cookie: here });
      expect(accepted.status).toBe(200);
      await vi.waitFor(async () => expect((await mailbox(away)).length).toBeGreaterThan(0));

      const near = addressPlaced("near", (shard) => shard === shardOf(email));
      const asked = await page("/account/email", { form: { ...form, new_email: near }, cookie: here });
      expect(asked.status).toBe(200);
    },
  );
});
