// Starts and stops the Worker under a bench configuration: a temporary wrangler config generated from
// wrangler.toml (per-IP limits raised, bench routes on, session cap raised), a fresh state directory,
// migrations applied, then `wrangler dev` on 127.0.0.1 in its own process group.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, "..");
/** The generated config, one per port so that two benches on one machine do not share it (gitignored). */
export const benchConfigPath = (/** @type {number} */ port) => path.join(BENCH_DIR, `.wrangler.bench-${port}.toml`);

/** Process groups and state directories this process started and has not cleaned up yet. */
/** @type {Set<number>} */
const liveGroups = new Set();
/** @type {Set<string>} */
const liveDirs = new Set();

/**
 * Synchronous last-resort cleanup (for `process.on("exit")` and signals): SIGKILL to every process group
 * still running, removal of temporary state and config files.
 */
export function cleanupSync() {
  for (const pid of liveGroups) killGroup(pid, "SIGKILL");
  liveGroups.clear();
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  liveDirs.clear();
}

/**
 * Environment for wrangler. Wrangler 4.164's local observability (a streaming tail of every invocation and
 * every binding call into a collector Worker that writes SQLite) and local explorer (which wraps SQLite
 * Durable Object classes) are dev-only tooling that run on the same workerd thread as the Worker: with them on,
 * every D1/KV/Durable Object call costs about three times as much CPU as without, which has no counterpart
 * in production. The bench turns both off unless the caller's environment sets them.
 */
export const DEV_ENV = {
  CI: "1",
  WRANGLER_SEND_METRICS: "false",
  X_LOCAL_OBSERVABILITY: process.env.X_LOCAL_OBSERVABILITY ?? "false",
  X_LOCAL_EXPLORER: process.env.X_LOCAL_EXPLORER ?? "false",
};

export function devToolingNote() {
  return `wrangler dev tooling: X_LOCAL_OBSERVABILITY=${DEV_ENV.X_LOCAL_OBSERVABILITY}, X_LOCAL_EXPLORER=${DEV_ENV.X_LOCAL_EXPLORER} (local observability tail and explorer ${DEV_ENV.X_LOCAL_OBSERVABILITY === "false" && DEV_ENV.X_LOCAL_EXPLORER === "false" ? "off: dev-only instrumentation that would run on the Worker's thread" : "left as set by the environment"})`;
}

/**
 * The rate the Resend stand-in allows (requests a second, a sliding second, as Resend counts per team), and so
 * the rate the Worker's MailPacer paces sends to: production's pacing set to the limit of the service it
 * meets. Resend's default is 5 a second; a bench that mails 1,000 accounts needs a raised limit, as a
 * deployment that sends that much would have.
 */
export const BENCH_RESEND_RATE = 200;

/**
 * Starts the Resend stand-in the tests use, at the bench's rate. Imported by URL: it is a test module in plain
 * JavaScript, typed for the bench by `ResendStandIn` (types.d.ts) rather than checked with the bench's modules.
 * @returns {Promise<import("./types.d.ts").ResendStandIn>}
 */
async function startResendStandIn() {
  const standIn = new URL("../test/support/resend-stand-in.mjs", import.meta.url).href;
  const module = await import(standIn);
  return module.startResendStandIn({ ratePerSecond: BENCH_RESEND_RATE });
}

/** Per-IP limits in the bench configuration (all bench traffic comes from 127.0.0.1). */
export const BENCH_IP_LIMIT = 1_000_000;

/**
 * Writes bench/.wrangler.bench-<port>.toml from wrangler.toml. Every change is asserted, so a renamed key in
 * wrangler.toml fails loudly instead of silently benchmarking the wrong configuration.
 * Returns the list of changes, for the results file.
 */
export function writeBenchConfig(
  /** @type {string} */ origin,
  /** @type {string} */ configFile,
  /** @type {string} */ mainPath,
  /** @type {{ url: string, apiKey: string }} */ resend,
) {
  let text = readFileSync(path.join(ROOT, "wrangler.toml"), "utf8");
  /** @type {string[]} */
  const changes = [];
  const replace = (/** @type {RegExp} */ pattern, /** @type {string} */ replacement, /** @type {string} */ note) => {
    const before = text;
    text = text.replace(pattern, replacement);
    if (text === before)
      throw new Error(`bench config: could not apply "${note}" (pattern ${pattern} not found in wrangler.toml)`);
    changes.push(note);
  };
  // Only the top-level (development) environment is benchmarked: drop [env.*] sections such as [env.production].
  const envStart = text.search(/^\[\[?env\./m);
  if (envStart !== -1) {
    text = text.slice(0, envStart);
    changes.push("[env.*] sections dropped (the bench runs the top-level, local configuration)");
  }
  // Paths in a wrangler config are relative to the config file, which lives in bench/.
  replace(
    /^main = "src\/dev\/worker\.ts"$/m,
    `main = "${mainPath}"`,
    `main = ${mainPath}: a copy of src/ taken at start, so edits to src/ during the run neither reload the Worker nor change what is measured`,
  );
  replace(/^migrations_dir = "migrations"$/m, 'migrations_dir = "../migrations"', "migrations_dir = ../migrations");
  replace(
    /^BENCH_ROUTES = "false"$/m,
    'BENCH_ROUTES = "true"',
    'BENCH_ROUTES = "true" (baseline routes under /__bench)',
  );
  replace(
    /^MAX_SESSIONS_PER_USER = "\d+"$/m,
    'MAX_SESSIONS_PER_USER = "100000"',
    'MAX_SESSIONS_PER_USER = "100000" (revoke-all needs 10,000 live sessions)',
  );
  replace(
    /^EMAIL_PROVIDER = "mailbox"$/m,
    [
      'EMAIL_PROVIDER = "resend"',
      `RESEND_API_URL = "${resend.url}"`,
      `RESEND_API_KEY = "${resend.apiKey}"`,
      `RESEND_RATE_PER_SECOND = "${BENCH_RESEND_RATE}"`,
    ].join("\n"),
    `EMAIL_PROVIDER = "resend" against the local Resend stand-in (test/support/resend-stand-in.mjs, in the bench process) at ${resend.url}, its limit and RESEND_RATE_PER_SECOND both ${BENCH_RESEND_RATE}/s: email goes out as in production (an HTTPS call per email, paced), not into the dev mailbox`,
  );
  replace(/^APP_URL = ".*"$/m, `APP_URL = "${origin}"`, `APP_URL = "${origin}" (the bench server's origin)`);
  /** @type {string[]} */
  const raised = [];
  text = text.replace(
    /^(\[\[ratelimits\]\]\s*\nname = "([^"]+)"[^[]*?)^simple = \{ limit = \d+, period = (\d+) \}$/gm,
    (
      /** @type {string} */ _m,
      /** @type {string} */ head,
      /** @type {string} */ name,
      /** @type {string} */ period,
    ) => {
      raised.push(name);
      return `${head}simple = { limit = ${BENCH_IP_LIMIT}, period = ${period} }`;
    },
  );
  if (raised.length === 0)
    throw new Error("bench config: no [[ratelimits]] block with name and simple limit found in wrangler.toml");
  if (/^\[\[ratelimits\]\]/gm.test(text) && (text.match(/^\[\[ratelimits\]\]/gm) ?? []).length !== raised.length) {
    throw new Error(
      "bench config: a [[ratelimits]] block has an unexpected shape (expected name = … then simple = { limit, period })",
    );
  }
  changes.push(`per-IP [[ratelimits]] ${raised.join(", ")} raised to ${BENCH_IP_LIMIT} per period`);
  const header =
    "# GENERATED by bench/server.mjs for `npm run bench` from ../wrangler.toml. Do not edit; do not commit.\n" +
    "# Differences: " +
    changes.join("; ") +
    "\n";
  writeFileSync(configFile, header + text);
  return changes;
}

/** First port in [from, to] on which 127.0.0.1 accepts a listener. */
export async function freePort(from = 8790, to = 8799) {
  for (let port = from; port <= to; port++) {
    const ok = await new Promise((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen({ host: "127.0.0.1", port, exclusive: true }, () => server.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

/**
 * Runs a command to completion (own process group, killed on timeout); resolves its output.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ timeoutMs: number, log?: (output: string) => void }} options
 * @returns {Promise<string>}
 */
function runToEnd(cmd, args, { timeoutMs, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...DEV_ENV },
    });
    const pid = /** @type {number} a spawned child has one */ (child.pid);
    liveGroups.add(pid);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => {
      killGroup(pid);
      reject(new Error(`${cmd} ${args.join(" ")} timed out after ${timeoutMs} ms\n${out}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      killGroup(pid, "SIGKILL"); // anything it left behind
      liveGroups.delete(pid);
      if (log) log(out);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}\n${out}`));
    });
  });
}

/** Signals every process of the group `pid` leads. */
function killGroup(/** @type {number} */ pid, /** @type {NodeJS.Signals} */ signal = "SIGTERM") {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function groupAlive(/** @type {number} */ pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the Worker. Returns { origin, port, stateDir, configChanges, stop, logTail }.
 * `stop()` ends the whole process group (wrangler, its Node child and both workerd processes) and
 * removes the temporary state directory; it is safe to call more than once.
 * @returns {Promise<import("./types.d.ts").Server>}
 */
export async function startServer({ readyTimeoutMs = 90_000 } = {}) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const configFile = benchConfigPath(port);
  liveDirs.add(configFile);
  // wrangler dev reloads the Worker whenever a bundled file changes; benchmark a snapshot instead. It lives
  // inside the project so that package imports and tsconfig.json resolve as they do for src/.
  const snapshotDir = path.join(BENCH_DIR, `.snapshot-${port}`);
  liveDirs.add(snapshotDir);
  rmSync(snapshotDir, { recursive: true, force: true });
  cpSync(path.join(ROOT, "src"), path.join(snapshotDir, "src"), { recursive: true });
  const resend = await startResendStandIn();
  const configChanges = writeBenchConfig(origin, configFile, `.snapshot-${port}/src/dev/worker.ts`, resend);
  const stateDir = mkdtempSync(path.join(tmpdir(), "bench-state-"));
  liveDirs.add(stateDir);
  const wrangler = path.join(ROOT, "node_modules", ".bin", "wrangler");
  // wrangler bundles into .wrangler/tmp next to the config; remove what this run adds there.
  const wranglerTmp = path.join(BENCH_DIR, ".wrangler", "tmp");
  const listTmp = () => {
    try {
      return readdirSync(wranglerTmp);
    } catch {
      return [];
    }
  };
  const tmpBefore = new Set(listTmp());

  await runToEnd(
    wrangler,
    ["d1", "migrations", "apply", "DB", "--local", "--config", configFile, "--persist-to", stateDir],
    {
      timeoutMs: 60_000,
    },
  );

  const inspectorPort = await freePort(9300, 9399);
  const child = spawn(
    wrangler,
    [
      "dev",
      "--config",
      configFile,
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspectorPort),
      "--persist-to",
      stateDir,
      "--log-level",
      "warn", // per-request log lines would cost the dev server CPU during load
      "--show-interactive-dev-session=false",
    ],
    { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...DEV_ENV } },
  );
  const pid = /** @type {number} a spawned child has one */ (child.pid);
  liveGroups.add(pid);
  /** @type {string[]} */
  const log = [];
  const keep = (/** @type {Buffer} */ d) => {
    for (const line of String(d).split("\n")) if (line.trim() !== "") log.push(line);
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  /** @type {{ code: number | null, signal: NodeJS.Signals | null } | null} */
  let exited = null;
  child.on("exit", (code, signal) => (exited = { code, signal }));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(pid, "SIGTERM");
    for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
    if (groupAlive(pid)) killGroup(pid, "SIGKILL");
    for (let i = 0; i < 20 && groupAlive(pid); i++) await sleep(100);
    liveGroups.delete(pid);
    await resend.close();
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(configFile, { force: true });
    rmSync(snapshotDir, { recursive: true, force: true });
    for (const entry of listTmp())
      if (!tmpBefore.has(entry)) rmSync(path.join(wranglerTmp, entry), { recursive: true, force: true });
    liveDirs.delete(stateDir);
    liveDirs.delete(configFile);
    liveDirs.delete(snapshotDir);
  };
  const server = {
    origin,
    port,
    stateDir,
    configFile,
    configChanges,
    stop,
    logTail: () => log.slice(-60).join("\n"),
    pid: pid,
    inspectorPort,
    resend,
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null) {
      await stop();
      throw new Error(`wrangler dev exited early (${JSON.stringify(exited)}):\n${log.join("\n")}`);
    }
    try {
      const response = await fetch(`${origin}/__bench/hello`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) {
        await response.arrayBuffer();
        return server;
      }
      await response.arrayBuffer();
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`wrangler dev not ready after ${readyTimeoutMs} ms:\n${log.join("\n")}`);
}

/** Resolves after `ms` milliseconds. */
export function sleep(/** @type {number} */ ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
