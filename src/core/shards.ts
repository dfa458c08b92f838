/**
 * Where an account lives when users span several D1 databases ("shards"). Pure rules; the bindings are
 * looked up in storage/shard-databases.ts. See docs/scale.md ("Shards").
 *
 * The layout is a list of generations, oldest first: D1_SHARD_LAYOUT="4" is four shards from the start,
 * "1,4" a deployment that began with one database and grew to four. Growing moves nothing:
 * - an account stays in the shard it was created in, and its id names that shard;
 * - a new account goes to its email key's shard in the newest generation: the key's placement;
 * - per-email state (sign-in throttles, code failures, suppressions) always lives at the placement;
 * - a lookup by email asks the placement and, side by side, each older generation's shard for the key.
 * Shard i is the D1 binding DB (i = 0), DB_2, DB_3 …, like the email queues.
 */
import { encodeHexLowerCase } from "@oslojs/encoding";

/** Shard counts per generation, oldest first; strictly growing. */
export type ShardLayout = readonly number[];

/** A shard index fits in the id's four hex digits; bindings per Worker run out long before. */
export const MAX_SHARDS = 1024;

/** D1_SHARD_LAYOUT's value, or why it is not one. Unset: one shard, as every deployment starts. */
export function parseShardLayout(text: string | undefined): ShardLayout | string {
  if (text === undefined || text.trim() === "") return [1];
  const parts = text.split(",").map((part) => part.trim());
  const layout: number[] = [];
  for (const part of parts) {
    const count = /^[0-9]{1,4}$/.test(part) ? Number(part) : Number.NaN;
    if (!(count >= 1 && count <= MAX_SHARDS)) return `each generation is a shard count from 1 to ${MAX_SHARDS}`;
    if (layout.length > 0 && count <= layout[layout.length - 1]!) return "each generation must add shards";
    layout.push(count);
  }
  return layout;
}

/** The D1 binding of shard `index` (0-based). */
export function shardBinding(index: number): string {
  return index === 0 ? "DB" : `DB_${index + 1}`;
}

/** How many shards a layout has (its newest generation's count). */
export function shardCount(layout: ShardLayout): number {
  return layout[layout.length - 1]!;
}

/**
 * A key's position on the ring of shards: its first 32 bits. Email keys are SHA-256 hex (core/email-address.ts),
 * so these bits are already uniform and stable across releases; no second hash is needed.
 */
function keyPoint(key: string): number {
  if (!/^[0-9a-f]{8}/.test(key)) throw new TypeError("a shard key is a hex digest");
  return Number.parseInt(key.slice(0, 8), 16);
}

/** The shard a key's new account and per-email state go to: its shard in the newest generation. */
export function placementShard(key: string, layout: ShardLayout): number {
  return keyPoint(key) % shardCount(layout);
}

/** Every shard that may hold an account for `key`: the placement first, then older generations', distinct. */
export function candidateShards(key: string, layout: ShardLayout): number[] {
  const point = keyPoint(key);
  const shards: number[] = [];
  for (let g = layout.length - 1; g >= 0; g--) {
    const shard = point % layout[g]!;
    if (!shards.includes(shard)) shards.push(shard);
  }
  return shards;
}

const LEGACY_UID = /^blt[0-9a-f]{24}$/;
const SHARDED_UID = /^blt([0-9a-f]{4})[0-9a-f]{24}$/;
/** Either id form, for patterns that embed an id (tokens); anything else is not one of our ids. */
export const UID_SOURCE = "blt(?:[0-9a-f]{4})?[0-9a-f]{24}";
export const UID_PATTERN = new RegExp(`^${UID_SOURCE}$`);

/**
 * A new Contentstack-style uid for an account in `shard`. Shard 0 keeps the original form, "blt" + 24 hex
 * (96 random bits), so ids from before sharding and every id of a one-shard deployment look as they always
 * did; any other shard puts its index in four hex digits after "blt".
 */
export function newUserId(shard: number): string {
  const random = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(12)));
  if (shard === 0) return `blt${random}`;
  if (!Number.isInteger(shard) || shard < 0 || shard >= MAX_SHARDS) throw new RangeError("no such shard");
  return `blt${shard.toString(16).padStart(4, "0")}${random}`;
}

/** The shard an id names (0 for the original form); null for a string that is not one of our ids. */
export function shardOfUserId(id: string): number | null {
  if (LEGACY_UID.test(id)) return 0;
  const match = SHARDED_UID.exec(id);
  return match === null ? null : Number.parseInt(match[1]!, 16);
}
