// The benchmark of record: the run README.md ("Benchmark") cites and docs/scale.md's model prices flows
// with, and the run before it that the README compares with. Change these when a new run is committed
// (with its .json, .md and .svg); `npm run lint` then names every figure in the docs that moved.
import { readFileSync } from "node:fs";
import path from "node:path";
import { FULL_PROFILE, SMOKE_PROFILE } from "./profile.mjs";
import { mean } from "./stats.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");

/** bench/results/<this>.json is the run of record. */
export const BENCH_OF_RECORD = "2026-12-06T11-14-37Z";
/** The run before it (before issue 28: GET /v3/user's two calls, the dev mailbox's KV write), for the README's comparisons. */
export const BENCH_BEFORE = "2026-11-30T12-19-42Z";

/** @returns {import("./types.d.ts").Results} */
export function readBenchRecord(stamp = BENCH_OF_RECORD) {
  return JSON.parse(readFileSync(path.join(ROOT, "bench", "results", `${stamp}.json`), "utf8"));
}

/** The Worker-process CPU per request of the load run named `name` (the mean of its numbered runs). */
function runCpu(/** @type {import("./types.d.ts").Results} */ results, /** @type {string} */ name) {
  const cpus = results.runs
    .filter((r) => r.name === name || r.name.startsWith(`${name} #`))
    .map((r) => r.cpu_ms_per_request?.worker)
    .filter((v) => v !== undefined);
  if (cpus.length === 0) throw new Error(`bench results ${results.date}: no CPU for the run ${name}`);
  return mean(cpus);
}

/** The load runs' names by cost id (bench/groups/round-trips.mjs). */
const RUNS = {
  forgot_known: "forgot-password, existing",
  forgot_unknown: "forgot-password, unknown",
  sign_in: "sign-in",
  user: "GET /v3/user",
  reset: "reset-password",
  hello: "hello-world",
  pbkdf2: "PBKDF2 route",
};
const PASSKEY_RUN = "passkey sign-in";

/**
 * The figures of a run as the docs name them: `bench.<figure id>` (its value), `.ratio`, `.baseline`,
 * `.samples`; `bench.cost.<flow>` (dollars per million) and `.<product>`, `.cpu` (estimated Worker CPU);
 * `bench.cpu.<run>` (measured Worker-process CPU per request); `bench.calibration.<kind>`; `.target` and
 * `.pass` ("pass" or "miss") of a judged figure; and the run's date, commit and machine.
 * `prefix` "bench.before" names the run before the run of record.
 * @returns {Record<string, number | string>}
 */
export function benchFigures(stamp = BENCH_OF_RECORD, prefix = "bench") {
  const results = readBenchRecord(stamp);
  /** @type {Record<string, number | string>} */
  const out = {
    [`${prefix}.results`]: `bench/results/${stamp}.md`,
    [`${prefix}.date`]: results.date.slice(0, 16).replace("T", " "),
    [`${prefix}.commit`]: results.git.commit.slice(0, 7),
    [`${prefix}.node`]: results.machine.node,
    [`${prefix}.cpus`]: results.machine.cpus,
    [`${prefix}.memoryGiB`]: results.machine.memory_mb / 1024,
    [`${prefix}.wallMinutes`]: results.wall_time_s / 60,
  };
  for (const f of results.figures) {
    if (f.value !== undefined) out[`${prefix}.${f.id}`] = f.value;
    if (typeof f.ratio === "number") out[`${prefix}.${f.id}.ratio`] = f.ratio;
    if (f.baseline) out[`${prefix}.${f.id}.baseline`] = f.baseline.value;
    if (typeof f.samples_each === "number") out[`${prefix}.${f.id}.samples`] = f.samples_each;
    if (Array.isArray(f.raw_delays_ms)) out[`${prefix}.${f.id}.samples`] = f.raw_delays_ms.length;
    if (typeof f.target?.value === "number") out[`${prefix}.${f.id}.target`] = f.target.value;
    if (f.pass !== null) out[`${prefix}.${f.id}.pass`] = f.pass ? "pass" : "miss";
  }
  for (const c of results.costs) {
    out[`${prefix}.cost.${c.id}`] = c.total;
    for (const [product, dollars] of Object.entries(c.dollars)) out[`${prefix}.cost.${c.id}.${product}`] = dollars;
    if (c.ops.cpu_ms !== null) out[`${prefix}.cost.${c.id}.cpu`] = c.ops.cpu_ms;
  }
  for (const [id, name] of Object.entries(RUNS)) out[`${prefix}.cpu.${id}`] = runCpu(results, name);
  // The passkey sign-in (begin + finish) is measured from issue 28 on; older runs have no such run.
  if (results.runs.some((r) => r.name === PASSKEY_RUN))
    out[`${prefix}.cpu.passkey_sign_in`] = runCpu(results, PASSKEY_RUN);
  for (const [kind, v] of Object.entries(results.calibration))
    if (v.worker_cpu_ms_per_call !== null) out[`${prefix}.calibration.${kind}`] = v.worker_cpu_ms_per_call;
  if (prefix === "bench") {
    const before = benchFigures(BENCH_BEFORE, "bench.before");
    Object.assign(out, before);
    out["bench.cpu.user.change"] = Number(out["bench.cpu.user"]) - Number(before["bench.before.cpu.user"]);
  }
  return out;
}

/**
 * The profiles' counts and times as bench/README.md quotes them: `profile.full.<key>`,
 * `profile.smoke.<key>`, and the counts that follow from them.
 * @returns {Record<string, number>}
 */
export function profileFigures() {
  /** @type {Record<string, number>} */
  const out = {};
  for (const [name, profile] of Object.entries({ full: FULL_PROFILE, smoke: SMOKE_PROFILE })) {
    for (const [key, value] of Object.entries(profile))
      if (typeof value === "number") out[`profile.${name}.${key}`] = value;
    out[`profile.${name}.signInAccounts`] = profile.accounts - profile.resetPool;
    out[`profile.${name}.resets`] = profile.resetPool - profile.resetWarm;
    out[`profile.${name}.pairs`] = profile.pairAccounts * profile.pairsPerEmail;
    profile.revoke.forEach((r, i) => {
      out[`profile.${name}.revoke.${i}.sessions`] = r.sessions;
      out[`profile.${name}.revoke.${i}.revokes`] = r.requests * r.users;
    });
  }
  return out;
}
