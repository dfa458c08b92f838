// The second part of `npm run simulate`: synthetic accounts and a synthetic day of traffic sent through the
// real shard routing (src/core/shards.ts, loaded as TypeScript by Node's type stripping), reporting how
// evenly accounts and queries spread over the shards. Email keys are SHA-256 digests, so their first 32
// bits (all the routing reads) are uniform: a seeded xorshift stream stands in for them, which keeps 100
// million keys to seconds and every run's figures the same.
import { candidateShards, placementShard } from "../src/core/shards.ts";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * A seeded stream of uniform 32-bit values, as 8 hex digits: the part of an email key routing reads.
 * @param {number} seed
 */
function keyStream(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return `${HEX[x >>> 24]}${HEX[(x >>> 16) & 255]}${HEX[(x >>> 8) & 255]}${HEX[x & 255]}`;
  };
}

/** @param {Float64Array} counts */
function maxOverMean(counts) {
  let max = 0;
  let sum = 0;
  for (const c of counts) {
    max = Math.max(max, c);
    sum += c;
  }
  return max / (sum / counts.length);
}

/**
 * One deployment of the spread table: its generations (each the layout then and how many accounts were
 * created under it) and a day's email lookups.
 * @typedef {{ name: string, generations: { layout: number[], accounts: number }[], requests: number, seed?: number }} SpreadScenario
 */

/** Adds one to `counts[index]`. */
const bump = (/** @type {Float64Array} */ counts, /** @type {number} */ index) => {
  counts[index] = (counts[index] ?? 0) + 1;
};

/**
 * A deployment's accounts, created generation by generation (`generations`: each the layout then and how
 * many accounts were created under it), then one day of `requests` sign-ins and forgot requests, each an
 * email lookup in every candidate shard plus its throttle or limit write at the placement. Returns the
 * spread (max shard ÷ mean) of accounts and of the day's queries, and the shards asked per lookup.
 */
export function simulateSpread(/** @type {SpreadScenario} */ { generations, requests, seed = 20261130 }) {
  const layout = generations.at(-1)?.layout ?? [1];
  const count = layout.at(-1) ?? 1;
  const next = keyStream(seed);
  const accounts = new Float64Array(count);
  for (const generation of generations) {
    for (let i = 0; i < generation.accounts; i++) bump(accounts, placementShard(next(), generation.layout));
  }
  const queries = new Float64Array(count);
  let asked = 0;
  for (let i = 0; i < requests; i++) {
    const candidates = candidateShards(next(), layout);
    for (const shard of candidates) bump(queries, shard);
    bump(queries, /** @type {number} candidateShards lists the placement first, always */ (candidates[0]));
    asked += candidates.length;
  }
  return { accounts: maxOverMean(accounts), queries: maxOverMean(queries), lookupShards: asked / requests };
}

/**
 * The deployments of docs/scale.md's second table, from the capacity model's shard counts: the 100 M row
 * as built from the start (`shards` of it, a day of `requests`), and a deployment of 10 M accounts that
 * grew from half its shard count (`grownShards`) to all of it, half its accounts created before.
 * @param {{ shards: number, requests: number, grownShards: number, grownRequests: number }} counts
 * @returns {SpreadScenario[]}
 */
export function spreadScenarios({ shards, requests, grownShards, grownRequests }) {
  const half = Math.floor(grownShards / 2);
  return [
    { name: `${shards} shards from the start`, generations: [{ layout: [shards], accounts: 100_000_000 }], requests },
    {
      name: `grew from ${half} to ${grownShards} shards, half its accounts before`,
      generations: [
        { layout: [half], accounts: 5_000_000 },
        { layout: [half, grownShards], accounts: 5_000_000 },
      ],
      requests: grownRequests,
    },
  ];
}

/** A figure as the docs print it: thousands separated, `digits` decimals, a minus sign for negatives. */
export const number = (/** @type {number} */ n, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }).replace(/^-/, "\u2212");

/** Each scenario's accounts and its spread. */
export function spreadRows(/** @type {SpreadScenario[]} */ scenarios) {
  return scenarios.map((s) => ({
    name: s.name,
    accounts: s.generations.reduce((sum, g) => sum + g.accounts, 0),
    spread: simulateSpread(s),
  }));
}

/** The second table of docs/scale.md. */
export function spreadTable(/** @type {ReturnType<typeof spreadRows>} */ rows) {
  const head =
    "| Deployment | Accounts | Accounts per shard, max ÷ mean | Shards asked per email lookup | A day's queries per shard, max ÷ mean |";
  const lines = rows.map(
    (r) =>
      `| ${r.name} | ${number(r.accounts)} | ${number(r.spread.accounts, 3)} | ${number(r.spread.lookupShards, 2)} | ${number(r.spread.queries, 3)} |`,
  );
  return [head, "|---|---|---|---|---|", ...lines].join("\n");
}
