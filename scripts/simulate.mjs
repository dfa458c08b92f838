// `npm run simulate`: the capacity model of docs/scale.md. No network; about 30 s on 2 cores, nearly all of
// it the shard spread's 100 million accounts. Inputs are deployment sizes and traffic; constants are
// Cloudflare's published limits and prices (with where and when they were read), the storage footprint as
// scripts/storage-footprint.mjs measures it on each run, and the per-flow costs of the benchmark of record
// (bench/record.mjs). Outputs: databases needed (by storage and by write rate), queues needed, storage per
// database, peak primary queries per database, monthly cost, and the first limit each deployment meets. The
// second table, scripts/simulate-spread.mjs, sends synthetic accounts and a day of traffic through the real
// shard routing. `-- --json` prints every figure the docs quote, machine-readable; `-- --write` regenerates
// both tables in docs/scale.md; `-- --check` (run by `npm run lint`) is scripts/check-doc-figures.mjs.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PRICES } from "../bench/cost.mjs";
import { benchFigures, profileFigures, readBenchRecord } from "../bench/record.mjs";
import { number, spreadRows, spreadScenarios, spreadTable } from "./simulate-spread.mjs";
import { measureFootprint } from "./storage-footprint.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");

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

/** The events an account keeps at most: src/storage/audit.ts's AUDIT_EVENTS_PER_USER, read from its source. */
function auditEventsCap() {
  const source = readFileSync(path.join(ROOT, "src/storage/audit.ts"), "utf8");
  const match = /export const AUDIT_EVENTS_PER_USER = ([\d_]+);/.exec(source);
  if (match?.[1] === undefined) throw new Error("src/storage/audit.ts: no AUDIT_EVENTS_PER_USER = <number>");
  return Number(match[1].replaceAll("_", ""));
}

/** @type {{ account: number, auditEvent: number, rows: number, eventsPerAccountCap: number } | undefined} */
let measured;
/** Bytes per account and per audit event, measured on first use (docs/storage.md, "Footprint"), and the cap. */
export function footprint() {
  if (measured === undefined) {
    const m = measureFootprint();
    measured = {
      account: m.bytesPerAccount,
      auditEvent: m.bytesPerAuditEvent,
      rows: m.rows,
      eventsPerAccountCap: auditEventsCap(),
    };
  }
  return measured;
}

/** D1 queries each flow sends to the primary (the benchmark's meter; GET /v3/user reads a replica). */
export const PRIMARY_QUERIES = { signIn: 3, forgot: 0.2, reset: 3, user: 0 };

/** Each flow's cost per million in the benchmark of record. */
function benchCosts() {
  const byId = Object.fromEntries(readBenchRecord().costs.map((c) => [c.id, c.total]));
  const cost = (/** @type {string} */ id) => {
    const total = byId[id];
    if (total === undefined) throw new Error(`the benchmark of record has no cost for ${id}`);
    return total;
  };
  return {
    signIn: cost("sign_in"),
    forgotKnown: cost("forgot_known"),
    forgotUnknown: cost("forgot_unknown"),
    reset: cost("reset"),
    user: cost("user"),
  };
}

/**
 * One deployment's size and traffic; every field but `accounts` has the default docs/scale.md states.
 * @typedef {{ accounts: number, activeShare?: number, signInsPerDay?: number, userReadsPerDay?: number,
 *   forgotShare?: number, peakFactor?: number, peakResetsPerSecond?: number | null }} Deployment
 */

/**
 * One deployment. `accounts`; `activeShare` of them active on a day; each active person signs in
 * `signInsPerDay` times and asks GET /v3/user `userReadsPerDay` times; `forgotShare` of accounts ask for a
 * reset a day (half of forgot requests name unknown addresses, as abuse and typos do) and 80 % of those
 * reset; audit events kept per account follow from sign-ins over AUDIT_RETENTION_DAYS (400), capped.
 * `peakFactor`: the busiest second against the day's mean. `peakResetsPerSecond` overrides the reset peak.
 */
export function model(/** @type {Deployment} */ input) {
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
  const perSecond = (/** @type {number} */ n) => (n / 86_400) * peakFactor;
  const peak = {
    signIn: perSecond(daily.signIn),
    user: perSecond(daily.user),
    forgotKnown: perSecond(daily.forgotKnown),
    forgotUnknown: perSecond(daily.forgotUnknown),
    reset: perSecond(daily.reset),
  };
  if (peakResetsPerSecond !== null) {
    peak.reset = peakResetsPerSecond;
    peak.forgotKnown = Math.max(peak.forgotKnown, peakResetsPerSecond / 0.8);
  }
  const eventsPerAccount = Math.min(footprint().eventsPerAccountCap, activeShare * (signInsPerDay + 0.1) * 400);
  const bytes = accounts * (footprint().account + eventsPerAccount * footprint().auditEvent);
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
    daily,
    eventsPerAccount,
    bytesPerAccount: bytes / accounts,
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

/** @type {Deployment[]} The rows of docs/scale.md's first table. */
const SCENARIOS = [
  { accounts: 1e6 },
  { accounts: 1e7 },
  { accounts: 1e8 },
  { accounts: 1e7, peakResetsPerSecond: 100 },
  { accounts: 1e7, peakResetsPerSecond: 1000 },
  { accounts: 1e8, peakResetsPerSecond: 10_000 },
];

/** The first table of docs/scale.md, from the model's rows. */
export function table(/** @type {ReturnType<typeof model>[]} */ rows = SCENARIOS.map(model)) {
  const head =
    "| Accounts | Peak resets/s | D1 databases (by size / by writes) | GB per database | Primary queries/s per database | Queues (peak msg/s) | Monthly cost | First limit met |";
  const lines = rows.map(
    (m) =>
      `| ${number(m.accounts)} | ${number(m.peakResetsPerSecond, 1)} | **${m.databases}** (${m.byStorage} / ${m.byWrites}) | ${number(m.storagePerDatabaseGb, 1)} | ${number(m.primaryQpsPerDatabase)} | **${m.queues}** (${number(m.queueMessagesPerSecond)}) | $${number(m.monthlyCost)} | ${m.firstLimit} |`,
  );
  return [head, "|---|---|---|---|---|---|---|---|", ...lines].join("\n");
}

/** @typedef {Record<string, number | string>} Figures */

/**
 * Every figure README.md and docs/*.md quote from the model, the footprint, the spread and the benchmark of
 * record, by name (the names the docs' `<!-- figure NAME -->` anchors use), unrounded; and the two tables.
 * @returns {{ figures: Figures, tables: { simulate: string, spread: string } }}
 */
export function figures() {
  const rows = SCENARIOS.map(model);
  const row = (/** @type {number} */ i) => /** @type {ReturnType<typeof model>} */ (rows[i]);
  const [m1e7, m1e8, m1e8Peak] = [row(1), row(2), row(5)];
  const dayOf = (/** @type {ReturnType<typeof model>} */ m) =>
    m.daily.signIn + m.daily.forgotKnown + m.daily.forgotUnknown;
  const spread = spreadRows(
    spreadScenarios({
      shards: m1e8.databases,
      requests: dayOf(m1e8),
      grownShards: m1e7.databases,
      grownRequests: dayOf(m1e7),
    }),
  );
  const [fromStart, grown] = spread;
  if (fromStart === undefined || grown === undefined) throw new Error("the spread has two scenarios");
  const perDatabase = LIMITS.d1DatabaseBytes * LIMITS.headroom;
  const accountBytes = (/** @type {number} */ events) => footprint().account + events * footprint().auditEvent;
  /** @type {Figures} */
  const out = {
    "footprint.account": footprint().account,
    "footprint.auditEvent": footprint().auditEvent,
    "footprint.rows": footprint().rows,
    "footprint.eventsCap": footprint().eventsPerAccountCap,
    // docs/storage.md's table: a whole 10 GB database, no headroom.
    "footprint.bytes.events20": accountBytes(20),
    "footprint.bytes.eventsCap": accountBytes(footprint().eventsPerAccountCap),
    "footprint.perDatabase.events0": LIMITS.d1DatabaseBytes / accountBytes(0),
    "footprint.perDatabase.events20": LIMITS.d1DatabaseBytes / accountBytes(20),
    "footprint.perDatabase.eventsCap": LIMITS.d1DatabaseBytes / accountBytes(footprint().eventsPerAccountCap),
    // The model's active account (a year of sign-ins kept), and a database filled as the model fills it.
    "model.eventsPerActiveAccount": m1e7.eventsPerAccount,
    "model.bytesPerActiveAccount": m1e7.bytesPerAccount,
    "model.activeAccountsPerDatabase": perDatabase / m1e7.bytesPerAccount,
    "model.bareAccountsPerDatabase": perDatabase / footprint().account,
    "model.queueMessagesPerSecond": LIMITS.queueMessagesPerSecond * LIMITS.headroom,
    "model.primaryQueries.signIn": PRIMARY_QUERIES.signIn,
    "model.primaryQueries.forgot": PRIMARY_QUERIES.forgot,
    "model.primaryQueries.reset": PRIMARY_QUERIES.reset,
    "model.primaryQueries.user": PRIMARY_QUERIES.user,
    "model.1e8at10000.byWrites": m1e8Peak.byWrites,
    "model.1e8at10000.byStorage": m1e8Peak.byStorage,
    "model.1e8at10000.queues": m1e8Peak.queues,
    "spread.fromStart.shards": m1e8.databases,
    "spread.fromStart.requests": dayOf(m1e8),
    "spread.fromStart.worst": Math.max(fromStart.spread.accounts, fromStart.spread.queries),
    "spread.grown.lookupShards": grown.spread.lookupShards,
    "spread.grown.accounts": grown.spread.accounts,
    ...benchFigures(),
    ...profileFigures(),
  };
  return { figures: out, tables: { simulate: table(rows), spread: spreadTable(spread) } };
}

/** `text` with the generated block between `<!-- name:start -->` and `<!-- name:end -->` replaced by `table`. */
export function withBlock(/** @type {string} */ text, /** @type {string} */ name, /** @type {string} */ table) {
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const [before, rest] = text.split(start);
  const after = rest?.split(end)[1];
  if (after === undefined) throw new Error(`docs/scale.md has no ${start} … ${end} block`);
  return `${before}${start}\n${table}\n${end}${after}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes("--check")) {
    const { main } = await import("./check-doc-figures.mjs");
    process.exit(
      await main(
        process.argv.slice(2).filter((a) => a !== "--check"),
        () => figures(),
      ),
    );
  }
  const { figures: all, tables } = figures();
  if (process.argv.includes("--json")) console.log(JSON.stringify({ figures: all, tables }, null, 2));
  else console.log(`${tables.simulate}\n\nThe spread, through the real shard routing:\n${tables.spread}`);
  if (process.argv.includes("--write")) {
    const doc = path.join(ROOT, "docs/scale.md");
    const text = readFileSync(doc, "utf8");
    writeFileSync(doc, withBlock(withBlock(text, "simulate", tables.simulate), "spread", tables.spread));
    console.log("docs/scale.md updated");
  }
}
