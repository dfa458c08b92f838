/** Where accounts live across D1 shards (src/core/shards.ts): known answers, and the spread of real keys. */
import { describe, expect, it } from "vitest";
import { emailKey } from "../../src/core/email-address";
import {
  candidateShards,
  newUserId,
  parseShardLayout,
  placementShard,
  shardBinding,
  shardOfUserId,
  UID_PATTERN,
} from "../../src/core/shards";

/** A key whose first 32 bits are `point` (email keys are SHA-256 hex). */
const keyAt = (point: number) => `${point.toString(16).padStart(8, "0")}${"0".repeat(56)}`;

describe("shard layout", () => {
  it("reads generations oldest first; unset is one shard", () => {
    expect(parseShardLayout(undefined)).toEqual([1]);
    expect(parseShardLayout(" ")).toEqual([1]);
    expect(parseShardLayout("4")).toEqual([4]);
    expect(parseShardLayout("1, 4,16")).toEqual([1, 4, 16]);
    expect(parseShardLayout("4,4")).toBe("each generation must add shards");
    expect(parseShardLayout("-1")).toBe("each generation is a shard count from 1 to 1024");
    expect(parseShardLayout("2.5")).toBe("each generation is a shard count from 1 to 1024");
  });

  it("names bindings like the email queues: DB, DB_2, DB_3 …", () => {
    expect([0, 1, 2, 9].map(shardBinding)).toEqual(["DB", "DB_2", "DB_3", "DB_10"]);
  });
});

describe("placement and candidates", () => {
  it("places a key by its first 32 bits in the newest generation", () => {
    expect(placementShard(keyAt(10), [4])).toBe(2);
    expect(placementShard(keyAt(10), [1, 4])).toBe(2);
    expect(placementShard(keyAt(0xffffffff), [1, 4, 16])).toBe(15);
    expect(placementShard(keyAt(7), [1])).toBe(0);
  });

  it("looks for an account in the placement first, then each older generation's shard, once each", () => {
    expect(candidateShards(keyAt(10), [4])).toEqual([2]);
    expect(candidateShards(keyAt(10), [1, 4])).toEqual([2, 0]);
    expect(candidateShards(keyAt(5), [2, 4])).toEqual([1]);
    expect(candidateShards(keyAt(6), [2, 4])).toEqual([2, 0]);
    expect(candidateShards(keyAt(13), [1, 2, 8])).toEqual([5, 1, 0]);
    expect(candidateShards(keyAt(8), [1, 2, 8])).toEqual([0]);
  });

  it("refuses a key that is not a digest (a caller passing a raw address is a bug)", () => {
    expect(() => placementShard("someone@example.com", [4])).toThrow(TypeError);
  });

  // Sharding is worth only an even spread: 40,000 real email keys over 4 and over 16 shards.
  it("spreads real email keys evenly (max shard within 5 % of the mean)", () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => emailKey(`person.${i}@example.com`));
    for (const count of [4, 16]) {
      const sizes = new Array<number>(count).fill(0);
      for (const key of keys) sizes[placementShard(key, [count])]!++;
      expect(Math.max(...sizes) / (keys.length / count)).toBeLessThan(1.05);
    }
  });
});

describe("user ids", () => {
  it("shard 0 keeps the original form; other shards carry their index in four hex digits", () => {
    const first = newUserId(0);
    expect(first).toMatch(/^blt[0-9a-f]{24}$/);
    expect(shardOfUserId(first)).toBe(0);
    const third = newUserId(2);
    expect(third).toMatch(/^blt0002[0-9a-f]{24}$/);
    expect(shardOfUserId(third)).toBe(2);
    expect(shardOfUserId(newUserId(1023))).toBe(1023);
    for (const id of [first, third]) expect(UID_PATTERN.test(id)).toBe(true);
  });

  it("an id from before sharding names shard 0; anything else is no id", () => {
    expect(shardOfUserId("blt0123456789abcdef01234567")).toBe(0);
    for (const bad of ["blt123", "BLT0123456789abcdef01234567", "blt0123456789abcdef0123456g", "x", ""]) {
      expect(shardOfUserId(bad)).toBeNull();
      expect(UID_PATTERN.test(bad)).toBe(false);
    }
    expect(() => newUserId(1024)).toThrow(RangeError);
    expect(() => newUserId(-1)).toThrow(RangeError);
  });
});
