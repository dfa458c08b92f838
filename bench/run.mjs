// `npm run bench` (full, about 4 minutes on 2 cores) and `npm run bench -- --smoke` (about 1 minute, half
// of it starting wrangler dev: checks that every step works, judges no figure). Starts the Worker under a bench configuration
// (bench/server.mjs), drives it with autocannon and with concurrency-1 timing pairs, prints a table of
// figures as ratios to baselines served by the same runtime, and writes
// bench/results/<date>[-smoke].{json,md,svg}. Each group of figures is a module of bench/groups/ that is
// handed one context (bench/types.d.ts, BenchContext); this file starts and stops the Worker, runs the
// groups in order and reports. See bench/README.md for how to read the output.
import os from "node:os";
import path from "node:path";
import { createAccounts, createSink } from "./context.mjs";
import { PRICES } from "./cost.mjs";
import { combineBaselines, measureBaselines } from "./groups/baselines.mjs";
import { measureCalibration } from "./groups/calibration.mjs";
import { forgotFigures, measureForgot } from "./groups/forgot.mjs";
import { measureLiveSignOut } from "./groups/live-sign-out.mjs";
import { measurePasskeySignIn, passkeySignInFigures, registerPasskeys } from "./groups/passkey-sign-in.mjs";
import { measureReset, resetFigures } from "./groups/reset.mjs";
import { measureRevocation } from "./groups/revocation.mjs";
import { costRows, roundTripRows, stepFigures } from "./groups/round-trips.mjs";
import { setUp } from "./groups/setup.mjs";
import { measureSignIn, signInFigures } from "./groups/sign-in.mjs";
import { measureTimingPairs } from "./groups/timing-pairs.mjs";
import { measureUnloaded } from "./groups/unloaded.mjs";
import { measureWhoAmI, whoAmIFigures } from "./groups/who-am-i.mjs";
import { CLIENT_IP_HEADER, createClient } from "./http.mjs";
import { FULL_PROFILE, SMOKE_PROFILE } from "./profile.mjs";
import { consoleTable, costLines, roundTripLines } from "./report.mjs";
import { gitFacts, machineFacts, writeResults } from "./results.mjs";
import { BENCH_IP_LIMIT, cleanupSync, devToolingNote, ROOT, startServer } from "./server.mjs";
import { selfCheck } from "./stats.mjs";

/** @typedef {import("./types.d.ts").BenchContext} BenchContext */
/** @typedef {import("./types.d.ts").Results} Results */

const args = new Set(process.argv.slice(2));
if (args.has("--help") || args.has("-h")) {
  console.log(
    "usage: npm run bench [-- --smoke]\n  --smoke  about 1 minute: checks that every step works; figures are printed but not judged\nSee bench/README.md.",
  );
  process.exit(0);
}
for (const a of args) if (a !== "--smoke") throw new Error(`unknown argument ${a} (try --help)`);
const SMOKE = args.has("--smoke");
const PROFILE = SMOKE ? SMOKE_PROFILE : FULL_PROFILE;

// ---------------------------------------------------------------------------------------------------------------
// The run's lifecycle: what is running, whether it is being stopped, and the step runner. Whatever happens,
// the Worker's process group is ended.

const wallStart = performance.now();
const sink = createSink();
/** @type {{ server: import("./types.d.ts").Server | null, client: import("./types.d.ts").HttpClient | null, aborted: boolean, interrupted: boolean }} */
const run = { server: null, client: null, aborted: false, interrupted: false };

async function shutdown() {
  run.client?.close();
  run.client = null;
  const s = run.server;
  run.server = null;
  if (s !== null) await s.stop();
  cleanupSync(); // anything started but not yet handed over (e.g. interrupted during start-up)
}
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
  process.on(signal, async () => {
    if (run.interrupted) return;
    run.interrupted = true;
    run.aborted = true; // remaining steps are skipped; no results are written
    console.error(`\n${signal}: stopping the Worker…`);
    await shutdown();
    process.exit(130);
  });
}
// Last resort if the process exits any other way: synchronous SIGKILL of every group we started.
process.on("exit", cleanupSync);
const watchdog = setTimeout(async () => {
  run.aborted = true;
  const message = `watchdog: the bench exceeded ${PROFILE.watchdogSeconds} s; stopping the Worker`;
  console.error(message);
  sink.errors.push(message);
  await shutdown();
}, PROFILE.watchdogSeconds * 1000);
watchdog.unref();

function log(/** @type {string} */ text) {
  const s = ((performance.now() - wallStart) / 1000).toFixed(1).padStart(6);
  console.log(`[${s}s] ${text}`);
}

/** @type {BenchContext["step"]} */
async function step(name, fn, { critical = false } = {}) {
  if (run.aborted) return undefined;
  const started = performance.now();
  log(`${name}…`);
  try {
    return await fn();
  } catch (error) {
    const message = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    sink.errors.push(message);
    console.error(`ERROR in ${message}`);
    if (run.server !== null) console.error(`--- wrangler dev log (tail) ---\n${run.server.logTail()}\n---`);
    if (critical && !run.aborted) {
      run.aborted = true;
      sink.errors.push(`${name} is needed by every later step: the remaining steps were skipped`);
    }
    return undefined;
  } finally {
    sink.phases[name] = (performance.now() - started) / 1000;
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** How the Worker was run, for the results file. */
function configuration(/** @type {import("./types.d.ts").Server} */ server) {
  const P = PROFILE;
  return [
    `wrangler dev (local workerd) on ${server.origin}, fresh state directory per run, generated config ${path.relative(ROOT, server.configFile)} (removed afterwards)`,
    ...server.configChanges,
    devToolingNote(),
    "Per-email limits stay on: forgot-password 1/min and 5/h per address (queue consumer, the account's registry); sign-in throttle per address and network",
    `Every request carries its own client address (header ${CLIENT_IP_HEADER}, which the bench-mode Worker uses in place of CF-Connecting-IP); per-IP limits are raised as above all the same`,
    `${P.accounts} accounts under load: forgot-password mails each of them once; sign-in and GET /v3/user go round the others; reset uses ${P.resetPool} of the mailed links`,
    `${P.passkeyAccounts} more accounts, each with a passkey of a software authenticator in the bench process (bench/passkey-authenticator.mjs), for the passkey sign-in (begin + finish, as one flow)`,
    "Every binding call is counted by the bench-mode binding meter (src/dev/binding-meter.ts), which the hello-world and PBKDF2 baselines do not pass through",
    `Load: autocannon 9 in the bench process, ${P.connections} connections, ${P.runSeconds} s per run (reset: a fixed number of requests, one token each), after a ${P.warmSeconds} s warm-up`,
    "The load generator, wrangler's proxy and workerd share the same machine",
  ];
}

/** Starts the Worker; resolves the context every group of figures is handed. */
async function startWorker() {
  const server = await step("start wrangler dev", async () => {
    const s = await startServer();
    run.server = s;
    run.client = createClient(s.origin, { maxSockets: 16 });
    log(`  Worker ready at ${s.origin} (state in ${s.stateDir})`);
    return s;
  });
  if (server === undefined || run.client === null) throw new Error(sink.errors.join("\n"));
  /** @type {BenchContext} */
  const ctx = {
    profile: PROFILE,
    smoke: SMOKE,
    server,
    client: run.client,
    accounts: createAccounts(PROFILE),
    sink,
    log,
    aborted: () => run.aborted,
    step,
    wallStart,
  };
  return ctx;
}

/**
 * The load runs between the baselines (run before and after them; ratios use their mean), their figures,
 * and each flow's round trips from the binding meter.
 */
async function measureThroughput(
  /** @type {BenchContext} */ ctx,
  /** @type {string[]} */ userTokens,
  /** @type {import("./passkey-authenticator.mjs").BenchAuthenticator[] | undefined} */ passkeys,
) {
  const before = await measureBaselines(ctx, 1);
  const forgot = await measureForgot(ctx);
  const whoAmI = await measureWhoAmI(ctx, userTokens);
  const signIn = await measureSignIn(ctx);
  const passkeySignIn = await measurePasskeySignIn(ctx, passkeys);
  const reset = await measureReset(ctx, forgot.resetTokens);
  const after = ctx.profile.baselinesAfter ? await measureBaselines(ctx, 2) : undefined;
  const { hello, pbkdf2 } = combineBaselines(ctx, before, after);
  forgotFigures(ctx, forgot, hello);
  signInFigures(ctx, signIn, pbkdf2);
  resetFigures(ctx, reset, pbkdf2);
  whoAmIFigures(ctx, whoAmI, hello);
  // Issue 28 item 3: a passkey sign-in costs no PBKDF2, so it is judged against hello-world.
  passkeySignInFigures(ctx, passkeySignIn, hello);
  const roundTrips = roundTripRows({
    forgotKnown: forgot.known?.meter,
    forgotUnknown: forgot.unknown?.meter,
    signIn: signIn?.meter,
    passkeySignIn: passkeySignIn?.meter,
    user: whoAmI?.meter,
    reset: reset.meter,
  });
  stepFigures(ctx.sink, roundTrips);
  return roundTrips;
}

/** Starts the Worker, runs every group of figures in order, stops the Worker; resolves the results. */
async function main() {
  if (Number(process.versions.node.split(".")[0]) < 22) {
    throw new Error(
      `the bench needs Node ≥ 22 (wrangler does); this is ${process.versions.node}. Run it as \`npm run bench\`.`,
    );
  }
  selfCheck();
  const machine = machineFacts();
  const git = gitFacts();
  const date = new Date();
  log(
    `${SMOKE ? "SMOKE run (checks the machinery, judges no figure)" : "full run"} on ${machine.cpus} × ${machine.cpu_model}, load ${machine.loadavg_start.map((v) => v.toFixed(2)).join(" ")}`,
  );

  const ctx = await startWorker();
  const { server } = ctx;
  const { liveTokens = [], userTokens = [] } = (await setUp(ctx)) ?? {};
  const passkeys = await registerPasskeys(ctx);

  const roundTrips = await measureThroughput(ctx, userTokens, passkeys);
  const calibration = await measureCalibration(ctx);
  const unloaded = await measureUnloaded(ctx, userTokens);
  const revoke = await measureRevocation(ctx);
  const timingPairs = await measureTimingPairs(ctx);
  await measureLiveSignOut(ctx, liveTokens);

  machine.loadavg_end = os.loadavg();
  await shutdown();
  clearTimeout(watchdog);

  /** @type {Results} */
  const results = {
    date: date.toISOString(),
    smoke: SMOKE,
    machine,
    git,
    wall_time_s: (performance.now() - wallStart) / 1000,
    configuration: configuration(server),
    bench_ip_limit: BENCH_IP_LIMIT,
    profile: PROFILE,
    figures: sink.figures,
    runs: sink.runs,
    revoke,
    calibration,
    round_trips: roundTrips.map(({ totals, ...row }) => ({ ...row, totals })),
    costs: costRows(roundTrips, sink.runs, calibration),
    prices: PRICES,
    unloaded,
    timing_pairs: timingPairs,
    phases_s: sink.phases,
    notes: sink.notes,
    errors: sink.errors,
  };
  return results;
}

/** Prints the tables and the verdict; resolves the exit code. */
function report(/** @type {Results} */ results, /** @type {string[]} */ files) {
  const m = results.machine;
  console.log("");
  console.log(
    `Run of ${results.date} on commit ${results.git.commit}${results.git.dirty ? " (uncommitted changes)" : ""}: ` +
      `${m.cpus} × ${m.cpu_model}, ${Math.round(m.memory_mb / 1024)} GiB, ${m.os}, Node ${m.node}, ` +
      `load ${m.loadavg_start.map((v) => v.toFixed(2)).join(" ")} at start, ${(m.loadavg_end ?? []).map((v) => v.toFixed(2)).join(" ")} at end`,
  );
  console.log(consoleTable(results));
  console.log("");
  for (const line of [...roundTripLines(results), ...costLines(results)]) console.log(line);
  for (const n of results.notes) console.log(`note: ${n}`);
  console.log(`\nwall time ${results.wall_time_s.toFixed(0)} s; wrote\n  ${files.join("\n  ")}`);
  if (results.errors.length > 0) {
    console.error(`\n${results.errors.length} step(s) failed:\n  ${results.errors.join("\n  ")}`);
    return 1;
  }
  if (SMOKE) {
    const broken = results.figures.filter(
      (f) => f.error !== undefined || (f.pending === undefined && (f.value === undefined || Number.isNaN(f.value))),
    );
    if (broken.length > 0) {
      console.error(`smoke: ${broken.length} figure(s) missing: ${broken.map((f) => f.label).join(", ")}`);
      return 1;
    }
    console.log("smoke: every step ran and every figure was computed (figures are not judged in a smoke run)");
    return 0;
  }
  const missed = results.figures.filter((f) => f.pass === false);
  console.log(
    missed.length === 0
      ? "every target met"
      : `${missed.length} target(s) missed: ${missed.map((f) => f.label).join("; ")}`,
  );
  return 0;
}

let exitCode = 0;
try {
  const results = await main();
  if (run.interrupted) await new Promise(() => {}); // the signal handler ends the process
  exitCode = report(results, writeResults(results));
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  exitCode = 1;
} finally {
  await shutdown();
  clearTimeout(watchdog);
}
process.exit(exitCode);
