/**
 * The D1 database for each piece of data, under the layout of core/shards.ts: an account's row and its
 * audit events in the shard its id names; an email's throttles, code failures and suppressions at the
 * email key's placement. With one shard (the default) every function here answers env.DB.
 */
import { readConfig } from "../core/config";
import { candidateShards, placementShard, shardBinding, shardCount, shardOfUserId } from "../core/shards";

function bindings(env: Env): Record<string, D1Database | undefined> {
  return env as unknown as Record<string, D1Database | undefined>;
}

/** Shard `index`'s database; the configuration has checked that every shard of the layout is bound. */
export function shardDatabase(env: Env, index: number): D1Database {
  return bindings(env)[shardBinding(index)]!;
}

/**
 * The database holding account `userId`. An id naming a shard this layout lacks (only a forged one can) is
 * looked for in shard 0, where it cannot exist: ids there have the other form, so the caller finds nothing.
 */
export function userDatabase(env: Env, userId: string): D1Database {
  const shard = shardOfUserId(userId);
  const valid = shard !== null && shard < shardCount(readConfig(env).shardLayout);
  return shardDatabase(env, valid ? shard : 0);
}

/** The database for an email key's per-email state, and for a new account with that email. */
export function emailDatabase(env: Env, key: string): D1Database {
  return shardDatabase(env, placementShard(key, readConfig(env).shardLayout));
}

/** The shard a new account for `key` goes to. */
export function placementOf(env: Env, key: string): number {
  return placementShard(key, readConfig(env).shardLayout);
}

/** Every database that may hold the account for an email key: its placement first, then older generations'. */
export function emailCandidateDatabases(env: Env, key: string): D1Database[] {
  return candidateShards(key, readConfig(env).shardLayout).map((index) => shardDatabase(env, index));
}

/** Every shard, for the daily clean-up and the local spread page. */
export function allShardDatabases(env: Env): { name: string; db: D1Database }[] {
  const count = shardCount(readConfig(env).shardLayout);
  return Array.from({ length: count }, (_, index) => ({ name: shardBinding(index), db: shardDatabase(env, index) }));
}

/**
 * Runs each database's statements as one batch (atomic within that database), the databases side by side,
 * and answers the error of each database whose batch failed. Statements for the same database, in
 * whichever group, join one batch in order: with one shard, a step that touches an account and its email's
 * state stays one round trip, as it always was.
 */
export async function batchEachDatabase(
  groups: [D1Database, D1PreparedStatement[]][],
): Promise<Map<D1Database, unknown>> {
  const merged = new Map<D1Database, D1PreparedStatement[]>();
  for (const [db, statements] of groups) {
    if (statements.length === 0) continue;
    merged.set(db, [...(merged.get(db) ?? []), ...statements]);
  }
  const failed = new Map<D1Database, unknown>();
  await Promise.all(
    [...merged].map(([db, statements]) => db.batch(statements).catch((error) => failed.set(db, error))),
  );
  return failed;
}

/** `batchEachDatabase` for a step that fails as a whole: throws the first database's error. */
export async function batchByDatabase(groups: [D1Database, D1PreparedStatement[]][]): Promise<void> {
  const [first] = await batchEachDatabase(groups);
  if (first !== undefined) throw first[1];
}
