// CPU time per process, read from /proc (Linux only; elsewhere every reading is null). It tells where a
// route's cost goes: the workerd process that runs the Worker *and* every local binding simulator (D1, KV,
// Durable Objects, Queues, rate limits) on one JavaScript thread, wrangler's proxy (a second workerd),
// wrangler's Node process, and the load generator (this process).
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ; 100 on every Linux build that matters here

/** @typedef {"worker" | "proxy" | "wrangler" | "esbuild" | "other"} Role */

/** A process's group and CPU milliseconds so far. */
function stat(/** @type {string} */ pid) {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { pgid: Number(fields[2]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND };
}

function cmdline(/** @type {string} */ pid) {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
}

/** The processes of the wrangler dev group, by role. */
function roles(/** @type {number} */ pgid, /** @type {number} */ port) {
  /** @type {{ pid: number, role: Role, cpuMs: number }[]} */
  const out = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const s = stat(entry);
      if (s.pgid !== pgid) continue;
      const args = cmdline(entry);
      /** @type {Role} */
      let role = "other";
      if (args.includes("workerd")) role = args.includes(`--socket-addr=entry=127.0.0.1:${port}`) ? "proxy" : "worker";
      else if (args.includes("node")) role = "wrangler";
      else if (args.includes("esbuild")) role = "esbuild";
      out.push({ pid: Number(entry), role, cpuMs: s.cpuMs });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

/**
 * Starts a measurement; `stop(requests)` returns CPU milliseconds per request by role, or null off Linux.
 * @param {number} pgid
 * @param {number} port
 * @returns {{ stop(requests: number): import("./types.d.ts").CpuPerRequest | null }}
 */
export function cpuMeter(pgid, port) {
  /** @type {ReturnType<typeof roles>} */
  let before;
  /** @type {NodeJS.CpuUsage} */
  let self;
  try {
    before = roles(pgid, port);
    self = process.cpuUsage();
  } catch {
    return { stop: () => null };
  }
  return {
    stop(requests) {
      try {
        const after = roles(pgid, port);
        const selfUsage = process.cpuUsage(self);
        const totals = { worker: 0, proxy: 0, wrangler: 0, esbuild: 0, other: 0, loadgen: 0 };
        for (const p of after) {
          const earlier = before.find((b) => b.pid === p.pid);
          totals[p.role] += p.cpuMs - (earlier?.cpuMs ?? 0);
        }
        totals.loadgen = (selfUsage.user + selfUsage.system) / 1000;
        const per = (/** @type {number} */ ms) => ms / Math.max(1, requests);
        /** @type {import("./types.d.ts").CpuPerRequest} */
        const perRequest = { worker: per(totals.worker), proxy: per(totals.proxy), loadgen: per(totals.loadgen) };
        for (const role of /** @type {const} */ (["wrangler", "esbuild", "other"]))
          if (totals[role] > 0) perRequest[role] = per(totals[role]);
        return perRequest;
      } catch {
        return null;
      }
    },
  };
}
