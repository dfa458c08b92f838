// The second part of `npm run simulate`: synthetic accounts and a synthetic day of traffic sent through the
// real shard routing (src/core/shards.ts, loaded as TypeScript by Node's type stripping), reporting how
// evenly accounts and queries spread over the shards. Email keys are SHA-256 digests, so their first 32
// bits (all the routing reads) are uniform: a seeded xorshift stream stands in for them, which keeps 100
// million keys to seconds and every run's figures the same.
import { candidateShards, placementShard } from "../src/core/shards.ts";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A seeded stream of uniform 32-bit values, as 8 hex digits: the part of an email key routing reads. */
function keyStream(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return HEX[x >>> 24] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
  };
}

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
 * A deployment's accounts, created generation by generation (`generations`: each the layout then and how
 * many accounts were created under it), then one day of `requests` sign-ins and forgot requests, each an
 * email lookup in every candidate shard plus its throttle or limit write at the placement. Returns the
 * spread (max shard ÷ mean) of accounts and of the day's queries, and the shards asked per lookup.
 */
export function simulateSpread({ generations, requests, seed = 20261130 }) {
  const layout = generations.at(-1).layout;
  const count = layout.at(-1);
  const next = keyStream(seed);
  const accounts = new Float64Array(count);
  for (const generation of generations) {
    for (let i = 0; i < generation.accounts; i++) accounts[placementShard(next(), generation.layout)]++;
  }
  const queries = new Float64Array(count);
  let asked = 0;
  for (let i = 0; i < requests; i++) {
    const candidates = candidateShards(next(), layout);
    for (const shard of candidates) queries[shard]++;
    queries[candidates[0]]++;
    asked += candidates.length;
  }
  return { accounts: maxOverMean(accounts), queries: maxOverMean(queries), lookupShards: asked / requests };
}

/** The deployments of docs/scale.md's second table: the 100 M row as built from the start, and one that grew. */
export const SPREAD_SCENARIOS = [
  {
    name: "295 shards from the start",
    generations: [{ layout: [295], accounts: 100_000_000 }],
    requests: 20_400_000,
  },
  {
    name: "grew from 15 to 30 shards, half its accounts before",
    generations: [
      { layout: [15], accounts: 5_000_000 },
      { layout: [15, 30], accounts: 5_000_000 },
    ],
    requests: 2_040_000,
  },
];

/** A figure as the docs print it: thousands separated, `digits` decimals. */
export const number = (n, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function spreadTable() {
  const head =
    "| Deployment | Accounts | Accounts per shard, max ÷ mean | Shards asked per email lookup | A day's queries per shard, max ÷ mean |";
  const rows = SPREAD_SCENARIOS.map((s) => {
    const r = simulateSpread(s);
    const accounts = s.generations.reduce((sum, g) => sum + g.accounts, 0);
    return `| ${s.name} | ${number(accounts)} | ${number(r.accounts, 3)} | ${number(r.lookupShards, 2)} | ${number(r.queries, 3)} |`;
  });
  return [head, "|---|---|---|---|---|", ...rows].join("\n");
}
