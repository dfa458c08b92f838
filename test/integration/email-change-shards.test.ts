/**
 * An email change with shards (issue 26): the account stays in its shard and its email index moves to the new
 * address's placement (moved_email_index, migration 0017). Every lookup by email finds it there, the old
 * address goes free, the revert moves the index back, and a change racing sign-ups of the same address is
 * decided by the databases' uniqueness. Run with one shard and with TEST_SHARD_LAYOUT=1,4: with one shard the
 * new address is always the account's own shard, and the same flows hold without an index row.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/core/config";
import { emailKey, normalizeEmail } from "../../src/core/email-address";
import { newUserId, shardCount } from "../../src/core/shards";
import { findAccount } from "../../src/domain/admin-accounts";
import { eraseAccountStatements, eraseEmailStatements } from "../../src/storage/account-erasure";
import { emailCandidateDatabases, emailDatabase, placementOf, shardDatabase } from "../../src/storage/shard-databases";
import { moveUserEmail } from "../../src/storage/user-email";
import { insertUser } from "../../src/storage/users";
import { findUserByEmailIn } from "../../src/storage/users-by-email";
import {
  authtokenFor,
  everyShard,
  homeIp,
  json,
  type MailboxMessage,
  NEW_PASSWORD,
  page,
  postSignUp,
  randomIp,
  resetPassword,
  resetTokenFor,
  STRONG_PASSWORD,
  shardForUser,
  signIn,
  signUp,
  uniqueEmail,
  waitForMail,
  whoAmI,
} from "../helpers";

const sharded = shardCount(readConfig(env).shardLayout) > 1;

function placement(address: string): D1Database {
  return emailDatabase(env, emailKey(normalizeEmail(address)));
}

/**
 * A new address whose look-up never asks the account's shard (with one shard, any): not its placement, nor
 * an older generation's shard that lookups by that address also ask. Only then does finding the account by
 * it depend on the index row.
 */
function addressElsewhere(uid: string): string {
  for (;;) {
    const address = uniqueEmail("moved");
    const asked = emailCandidateDatabases(env, emailKey(normalizeEmail(address)));
    if (!sharded || !asked.includes(shardForUser(uid))) return address;
  }
}

/**
 * An address for a new account that can move: with shards, placed outside every shard that all addresses'
 * look-ups ask (with the layout "1,4", shard 0, the first generation's only one), else no address is elsewhere.
 */
function movableAddress(label = "before"): string {
  const askedByAll = (db: D1Database) =>
    Array.from({ length: 16 }, () => emailCandidateDatabases(env, emailKey(uniqueEmail("probe")))).every((asked) =>
      asked.includes(db),
    );
  for (;;) {
    const address = uniqueEmail(label);
    if (!sharded || !askedByAll(placement(address))) return address;
  }
}

function linkToken(message: MailboxMessage, path: string): string {
  const match = new RegExp(`${path.replaceAll("/", "\\/")}\\?token=([A-Za-z0-9._-]+)`).exec(message.text);
  if (match === null) throw new Error(`no ${path} link in: ${message.text}`);
  return match[1]!;
}

async function mailWithSubject(email: string, subject: string): Promise<MailboxMessage> {
  for (let count = 1; ; count++) {
    const messages = await waitForMail(email, count);
    const found = messages.find((m) => m.subject === subject);
    if (found !== undefined) return found;
  }
}

/** The index rows naming `address`, in every shard. */
async function indexRows(address: string): Promise<{ user_id: string }[]> {
  const rows = await Promise.all(
    everyShard().map(async (db) => {
      const query = db.prepare("SELECT user_id FROM moved_email_index WHERE email = ?").bind(address);
      return (await query.all<{ user_id: string }>()).results;
    }),
  );
  return rows.flat();
}

/** An account that asked for and confirmed a change to an address placed in another shard. */
async function movedAccount() {
  const oldEmail = movableAddress();
  const uid = (await signUp(oldEmail)).uid as string;
  const authtoken = await authtokenFor(oldEmail, STRONG_PASSWORD);
  const newEmail = addressElsewhere(uid);
  const asked = await page("/account/email", {
    form: { new_email: newEmail, email_password: STRONG_PASSWORD },
    cookie: authtoken,
    ip: homeIp(oldEmail),
  });
  expect(asked.status).toBeLessThan(400);
  const token = linkToken(await mailWithSubject(newEmail, "Confirm your new email address"), "/email-change/confirm");
  expect((await page("/email-change/confirm", { form: { token } })).status).toBe(200);
  return { uid, oldEmail, newEmail, authtoken };
}

describe(`email change across shards (${sharded ? "several shards" : "one shard"})`, () => {
  it("the account stays in its shard and is found by its new address everywhere; the old address is free", async () => {
    const { uid, oldEmail, newEmail, authtoken } = await movedAccount();
    expect((await json(await whoAmI(authtoken))).user.email).toBe(newEmail);
    // The index row is at the new address's placement, and only when that is another shard.
    expect(await indexRows(newEmail)).toEqual(sharded ? [{ user_id: uid }] : []);
    // Sign-in by the new address.
    const signedIn = await signIn(newEmail, STRONG_PASSWORD);
    expect(signedIn.status).toBe(200);
    expect((await json(signedIn)).user.uid).toBe(uid);
    expect((await signIn(oldEmail, STRONG_PASSWORD, { ip: randomIp() })).status).toBe(422);
    // The admin look-up.
    expect((await findAccount(env, { email: newEmail }))?.id).toBe(uid);
    expect(await findAccount(env, { email: oldEmail })).toBeNull();
    // Sign-up of the new address is refused; of the old one, allowed.
    expect((await postSignUp(newEmail)).status).toBe(422);
    expect((await postSignUp(oldEmail)).status).toBe(201);
    // Forgot-password (the queue consumer's look-up) reaches the account, and its link works.
    expect((await resetPassword(await resetTokenFor(newEmail))).status).toBe(200);
    expect((await json(await signIn(newEmail, NEW_PASSWORD))).user.uid).toBe(uid);
  });

  it("a second change moves the index on, and the revert moves it back", async () => {
    const { uid, oldEmail, newEmail } = await movedAccount();
    const revert = linkToken(await mailWithSubject(oldEmail, "Your email address was changed"), "/email-change/revert");
    expect((await page("/email-change/revert", { form: { token: revert } })).status).toBe(200);
    expect(await indexRows(newEmail)).toEqual([]);
    expect((await findAccount(env, { email: oldEmail }))?.id).toBe(uid);
    expect(await findAccount(env, { email: newEmail })).toBeNull();
    expect((await postSignUp(newEmail)).status).toBe(201); // the new address went free again

    // Straight from one moved address to another: the first address's row goes, the second's comes.
    const first = addressElsewhere(uid);
    const second = addressElsewhere(uid);
    const now = new Date().toISOString();
    expect(await moveUserEmail(env, uid, { from: oldEmail, to: first }, now)).toBe(true);
    expect(await moveUserEmail(env, uid, { from: first, to: second }, now)).toBe(true);
    expect(await indexRows(first)).toEqual([]);
    expect(await indexRows(second)).toEqual(sharded ? [{ user_id: uid }] : []);
    expect((await findAccount(env, { email: second }))?.id).toBe(uid);
  });

  it("a change confirmed after a sign-up took the address is refused, and leaves no index row", async () => {
    const oldEmail = movableAddress("late");
    const uid = (await signUp(oldEmail)).uid as string;
    const newEmail = addressElsewhere(uid);
    const other = (await signUp(newEmail)).uid as string;
    const now = new Date().toISOString();
    expect(await moveUserEmail(env, uid, { from: oldEmail, to: newEmail }, now)).toBe(false);
    expect(await indexRows(newEmail)).toEqual([]);
    expect((await findAccount(env, { email: newEmail }))?.id).toBe(other);
    expect((await findAccount(env, { email: oldEmail }))?.id).toBe(uid);
    // A move whose account no longer has the address it moves from (moved since): its claim is given back.
    const free = addressElsewhere(uid);
    expect(await moveUserEmail(env, uid, { from: uniqueEmail("gone"), to: free }, now)).toBe(false);
    expect(await indexRows(free)).toEqual([]);
    expect((await postSignUp(free)).status).toBe(201);
  });

  it("a confirmation racing sign-ups of its address through the routes: exactly one owner", async () => {
    const oldEmail = movableAddress("racer");
    const uid = (await signUp(oldEmail)).uid as string;
    const authtoken = await authtokenFor(oldEmail, STRONG_PASSWORD);
    const newEmail = addressElsewhere(uid);
    const form = { new_email: newEmail, email_password: STRONG_PASSWORD };
    await page("/account/email", { form, cookie: authtoken, ip: homeIp(oldEmail) });
    const token = linkToken(await mailWithSubject(newEmail, "Confirm your new email address"), "/email-change/confirm");
    const [confirmed, ...signUps] = await Promise.all([
      page("/email-change/confirm", { form: { token } }),
      ...Array.from({ length: 8 }, () => postSignUp(newEmail)),
    ]);
    const created = signUps.filter((r) => r.status === 201);
    expect((confirmed!.status === 200 ? 1 : 0) + created.length).toBe(1);
    const owner = confirmed!.status === 200 ? uid : (await json(created[0]!)).user.uid;
    expect((await findAccount(env, { email: newEmail }))?.id).toBe(owner);
  });

  it("erasing a moved account (the admin's erase statements) frees its address", async () => {
    const { uid, newEmail } = await movedAccount();
    const key = emailKey(newEmail);
    const account = shardForUser(uid);
    await account.batch(eraseAccountStatements(account, uid));
    for (const db of emailCandidateDatabases(env, key)) await db.batch(eraseEmailStatements(db, key));
    expect(await indexRows(newEmail)).toEqual([]);
    expect((await postSignUp(newEmail)).status).toBe(201);
  });

  // 400 at once: 200 accounts, from every shard, change to one address while 200 sign-ups insert it. The
  // databases decide (the users row's UNIQUE, the index's keys, the triggers between them): one owner.
  it("400 changes and sign-ups of one address at once: exactly one owner", async () => {
    const target = uniqueEmail("contested");
    const now = new Date().toISOString();
    const count = shardCount(readConfig(env).shardLayout);
    const movers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const email = uniqueEmail(`mover${i}`);
        const shard = i % count;
        const id = newUserId(shard);
        const row = { id, email, emailKey: emailKey(email), passwordHash: "x", now };
        await insertUser(shardDatabase(env, shard), { ...row, firstName: null, lastName: null, language: null });
        return { id, email };
      }),
    );
    const key = emailKey(target);
    const home = placementOf(env, key);
    const results = await Promise.all([
      ...movers.map(({ id, email }) => moveUserEmail(env, id, { from: email, to: target }, now)),
      ...Array.from({ length: 200 }, async () => {
        const user = await insertUser(shardDatabase(env, home), {
          id: newUserId(home),
          email: target,
          emailKey: key,
          passwordHash: "x",
          firstName: null,
          lastName: null,
          language: null,
          now,
        });
        return user !== null;
      }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const owners = await Promise.all(
      everyShard().map(async (db) => {
        const query = db.prepare("SELECT id FROM users WHERE email = ?").bind(target);
        return (await query.all<{ id: string }>()).results;
      }),
    );
    expect(owners.flat()).toHaveLength(1);
    const owner = owners.flat()[0]!.id;
    const rows = await indexRows(target);
    // A moved owner has its one index row (with several shards, unless it lives at the placement); a signed-up
    // one has none.
    expect(rows.length).toBeLessThanOrEqual(1);
    if (rows.length === 1) expect(rows[0]!.user_id).toBe(owner);
    expect((await findUserByEmailIn(env, [shardDatabase(env, home)], target))?.id).toBe(owner);
  });
});
