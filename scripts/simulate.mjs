// `npm run simulate`: the capacity model of docs/scale.md. No network, a fraction of a second. Inputs are
// deployment sizes and traffic; constants are Cloudflare's published limits and prices (with where and when
// they were read), the storage footprint measured by scripts/storage-footprint.mjs, and the per-flow
// operation counts and costs measured by the benchmark of record. Outputs: databases needed (by storage and
// by write rate), queues needed, storage per database, peak primary queries per database, monthly cost, and
// the first limit each deployment meets. `-- --write` regenerates the table in docs/scale.md; `-- --check`
// fails if the table there is not what the script prints (run by `npm run lint`). The second table,
// scripts/simulate-spread.mjs, sends synthetic accounts and a day of traffic through the real shard routing
// (about 20 s for its 100 million accounts); --write and --check cover it too.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PRICES } from "../bench/cost.mjs";
import { number, spreadTable } from "./simulate-spread.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
/** The benchmark of record (README "Benchmark"): per-flow operations and cost per million. */
const BENCH = "bench/results/2026-11-30T12-06-36Z.json";

/** Cloudflare's published limits, read 2026-11-30 on developers.cloudflare.com (Workers Paid). */
export const LIMITS = {
  /** D1: maximum database size (d1/platform/limits). */
  d1DatabaseBytes: 10 * 1024 ** 3,
  /** D1: a database serves queries one at a time; its throughput is about 1 / query time (d1/platform/limits, "Queries per second"). We count 1 ms per primary query. */
  d1QueriesPerSecond: 1000,
  /** D1: databases per account (d1/platform/limits). */
  d1Databases: 50_000,
  /** Queues: messages per second per queue (queues/platform/limits). */
  queueMessagesPerSecond: 5000,
  /** Durable Objects: a soft limit of about 1,000 requests per second per object (durable-objects/platform/limits). One object per user: never the limit here. */
  durableObjectRequestsPerSecond: 1000,
  /** D1 storage beyond the first 5 GB: $0.75 per GB-month (d1/platform/pricing). */
  d1StoragePerGbMonth: 0.75,
  /** Fill a database to this share of its size at most, leaving room to grow until the next shard lands. */
  headroom: 0.7,
};

/** Bytes measured by scripts/storage-footprint.mjs (docs/storage.md, "Footprint"). */
export const FOOTPRINT = { account: 417, auditEvent: 247, eventsPerAccountCap: 1000 };

/** D1 queries each flow sends to the primary (the benchmark's meter; GET /v3/user reads a replica). */
const PRIMARY_QUERIES = { signIn: 3, forgot: 0.2, reset: 3, user: 0 };

function benchCosts() {
  const results = JSON.parse(readFileSync(path.join(ROOT, BENCH), "utf8"));
  const byId = Object.fromEntries(results.costs.map((c) => [c.id, c.total]));
  return {
    signIn: byId.sign_in,
    forgotKnown: byId.forgot_known,
    forgotUnknown: byId.forgot_unknown,
    reset: byId.reset,
    user: byId.user,
  };
}

/**
 * One deployment. `accounts`; `activeShare` of them active on a day; each active person signs in
 * `signInsPerDay` times and asks GET /v3/user `userReadsPerDay` times; `forgotShare` of accounts ask for a
 * reset a day (half of forgot requests name unknown addresses, as abuse and typos do) and 80 % of those
 * reset; audit events kept per account follow from sign-ins over AUDIT_RETENTION_DAYS (400), capped.
 * `peakFactor`: the busiest second against the day's mean. `peakResetsPerSecond` overrides the reset peak.
 */
export function model(input) {
  const { accounts, activeShare = 0.2, signInsPerDay = 1, userReadsPerDay = 20, forgotShare = 0.002 } = input;
  const { peakFactor = 5, peakResetsPerSecond = null } = input;
  const costs = benchCosts();
  const daily = {
    signIn: accounts * activeShare * signInsPerDay,
    user: accounts * activeShare * userReadsPerDay,
    forgotKnown: accounts * forgotShare,
    forgotUnknown: accounts * forgotShare,
    reset: accounts * forgotShare * 0.8,
  };
  const perSecond = (n) => (n / 86_400) * peakFactor;
  const peak = Object.fromEntries(Object.entries(daily).map(([k, v]) => [k, perSecond(v)]));
  if (peakResetsPerSecond !== null) {
    peak.reset = peakResetsPerSecond;
    peak.forgotKnown = Math.max(peak.forgotKnown, peakResetsPerSecond / 0.8);
  }
  const eventsPerAccount = Math.min(FOOTPRINT.eventsPerAccountCap, activeShare * (signInsPerDay + 0.1) * 400);
  const bytes = accounts * (FOOTPRINT.account + eventsPerAccount * FOOTPRINT.auditEvent);
  const byStorage = Math.ceil(bytes / (LIMITS.d1DatabaseBytes * LIMITS.headroom));
  const primaryQps =
    peak.signIn * PRIMARY_QUERIES.signIn +
    (peak.forgotKnown + peak.forgotUnknown) * PRIMARY_QUERIES.forgot +
    peak.reset * PRIMARY_QUERIES.reset;
  const byWrites = Math.ceil(primaryQps / (LIMITS.d1QueriesPerSecond * LIMITS.headroom));
  const databases = Math.max(1, byStorage, byWrites);
  // One message per forgot request, one notice per reset.
  const queueMessages = peak.forgotKnown + peak.forgotUnknown + peak.reset;
  const queues = Math.max(1, Math.ceil(queueMessages / (LIMITS.queueMessagesPerSecond * LIMITS.headroom)));
  const month = 30;
  const flowCost =
    ((daily.signIn * costs.signIn +
      daily.user * costs.user +
      daily.forgotKnown * costs.forgotKnown +
      daily.forgotUnknown * costs.forgotUnknown +
      daily.reset * (costs.reset + PRICES.queueOperationsPerMessage * PRICES.queueOperationPerMillion)) *
      month) /
    1e6;
  const storageCost = Math.max(0, bytes / 1024 ** 3 - 5) * LIMITS.d1StoragePerGbMonth;
  const first = byStorage >= byWrites ? "D1 size (10 GB)" : "D1 write rate (one primary)";
  return {
    accounts,
    peakResetsPerSecond: peak.reset,
    databases,
    byStorage,
    byWrites,
    storagePerDatabaseGb: bytes / databases / 1024 ** 3,
    primaryQpsPerDatabase: primaryQps / databases,
    queues,
    queueMessagesPerSecond: queueMessages,
    monthlyCost: flowCost + storageCost,
    firstLimit:
      databases === 1 && queues === 1
        ? `none (${first} first)`
        : queues > databases
          ? "one queue's 5,000 msg/s"
          : first,
  };
}

const SCENARIOS = [
  { accounts: 1e6 },
  { accounts: 1e7 },
  { accounts: 1e8 },
  { accounts: 1e7, peakResetsPerSecond: 100 },
  { accounts: 1e7, peakResetsPerSecond: 1000 },
  { accounts: 1e8, peakResetsPerSecond: 10_000 },
];

export function table() {
  const head =
    "| Accounts | Peak resets/s | D1 databases (by size / by writes) | GB per database | Primary queries/s per database | Queues (peak msg/s) | Monthly cost | First limit met |";
  const rows = SCENARIOS.map((s) => {
    const m = model(s);
    return `| ${number(m.accounts)} | ${number(m.peakResetsPerSecond, 1)} | **${m.databases}** (${m.byStorage} / ${m.byWrites}) | ${number(m.storagePerDatabaseGb, 1)} | ${number(m.primaryQpsPerDatabase)} | **${m.queues}** (${number(m.queueMessagesPerSecond)}) | $${number(m.monthlyCost)} | ${m.firstLimit} |`;
  });
  return [head, "|---|---|---|---|---|---|---|---|", ...rows].join("\n");
}

/** `text` with the generated block between `<!-- name:start -->` and `<!-- name:end -->` replaced by `table`. */
function withBlock(text, name, table) {
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const [before, rest] = text.split(start);
  const after = rest?.split(end)[1];
  if (after === undefined) throw new Error(`docs/scale.md has no ${start} … ${end} block`);
  return `${before}${start}\n${table}\n${end}${after}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [capacity, spread] = [table(), spreadTable()];
  if (!process.argv.includes("--check"))
    console.log(`${capacity}\n\nThe spread, through the real shard routing:\n${spread}`);
  const doc = path.join(ROOT, "docs/scale.md");
  const text = readFileSync(doc, "utf8");
  const next = withBlock(withBlock(text, "simulate", capacity), "spread", spread);
  if (process.argv.includes("--check")) {
    if (next !== text) {
      console.error(
        "docs/scale.md: its tables are not what `npm run simulate` prints; run `npm run simulate -- --write`",
      );
      process.exit(1);
    }
    console.log("docs/scale.md: both tables match the model");
  } else if (process.argv.includes("--write")) {
    writeFileSync(doc, next);
    console.log("docs/scale.md updated");
  }
}
