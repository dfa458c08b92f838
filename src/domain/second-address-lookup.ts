/**
 * The email consumer's look-up of reset jobs by second address: a reset may be asked from an account's
 * second address, whose index row lives in that address's placement (storage/second-addresses.ts). Asked
 * beside the batch's account query (no step of its own); only an address that names an account not already
 * read costs one more read, in that account's shard.
 */
import { emailKey } from "../core/email-address";
import { findSecondAddressOwners } from "../storage/second-addresses";
import { emailDatabase, userDatabase } from "../storage/shard-databases";
import type { User } from "../storage/users";
import { findUsersByEmailsOrIds } from "../storage/users-by-email";
import type { EmailJob } from "./email-jobs";

/** The index rows for every reset job's address, per placement: the owner's user id by email key. */
export async function secondAddressOwners(env: Env, jobs: EmailJob[], unreadable: Set<D1Database>) {
  const asks = new Map<D1Database, string[]>();
  for (const job of jobs) {
    if (job?.kind !== "password_reset") continue;
    const key = emailKey(job.email);
    const db = emailDatabase(env, key);
    asks.set(db, [...(asks.get(db) ?? []), key]);
  }
  const found = await Promise.all(
    [...asks].map(([db, keys]) =>
      findSecondAddressOwners(db, keys).catch(() => {
        unreadable.add(db);
        return new Map<string, string>();
      }),
    ),
  );
  return new Map(found.flatMap((owners) => [...owners]));
}

/**
 * The accounts reset jobs name by their second address (email -> account), the accounts already read
 * (`byId`) reused. An index row whose account no longer has that second address (removed since) names none.
 */
export async function accountsBySecondAddress(
  env: Env,
  jobs: EmailJob[],
  owners: Map<string, string>,
  byId: Map<string, User>,
  now: number,
): Promise<Map<string, User>> {
  const wanted = new Map<string, string>();
  for (const job of jobs) {
    const owner = job?.kind === "password_reset" ? owners.get(emailKey(job.email)) : undefined;
    if (owner !== undefined && job?.kind === "password_reset") wanted.set(job.email, owner);
  }
  return accountsNamed(env, wanted, byId, now, (user, email) => user.secondEmail === email);
}

/**
 * The accounts index rows name (email -> account id), read from their own shards unless already read
 * (`byId`), each kept only if `holds` (the address is still theirs: a row left behind names none).
 */
export async function accountsNamed(
  env: Env,
  wanted: Map<string, string>,
  byId: Map<string, User>,
  now: number,
  holds: (user: User, email: string) => boolean,
): Promise<Map<string, User>> {
  const missing = [...new Set(wanted.values())].filter((id) => !byId.has(id));
  const read = await Promise.all(missing.map((id) => findUsersByEmailsOrIds(userDatabase(env, id), [], [id], now)));
  const users = new Map([
    ...byId,
    ...read.flatMap(({ accounts }) => accounts).map(({ user }) => [user.id, user] as const),
  ]);
  const result = new Map<string, User>();
  for (const [email, id] of wanted) {
    const user = users.get(id);
    if (user !== undefined && holds(user, email)) result.set(email, user);
  }
  return result;
}
