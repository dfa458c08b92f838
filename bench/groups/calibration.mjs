// Calibration: what one binding call costs on this runtime (CPU of the Worker's workerd process, and wall
// time), from requests that each make CALLS sequential calls of one kind, minus a request making none.
import { expectStatus } from "../context.mjs";
import { cpuMeter } from "../cpu.mjs";
import { createClient } from "../http.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */

const CALLS = 20;
const KINDS = ["d1_read", "d1_write", "kv_get", "kv_put", "durable_object", "durable_object_first", "rate_limit"];

/** @returns {Promise<import("../types.d.ts").Calibration>} */
export async function measureCalibration(/** @type {BenchContext} */ ctx) {
  /** @type {import("../types.d.ts").Calibration} */
  const calibration = {};
  await ctx.step("calibration: cost of one binding call", async () => {
    const { server, profile } = ctx;
    const solo = createClient(server.origin, { maxSockets: 1 });
    const measureKind = async (/** @type {string} */ kind) => {
      const path = `/__bench/io?kind=${kind}&n=${CALLS}`;
      for (let i = 0; i < 3; i++) expectStatus(await solo.post(path), 200, `calibration ${kind}`);
      const meter = cpuMeter(server.pid, server.port);
      const started = performance.now();
      for (let i = 0; i < profile.calibrationRequests; i++)
        expectStatus(await solo.post(path), 200, `calibration ${kind}`);
      const wall = (performance.now() - started) / profile.calibrationRequests;
      const cpu = meter.stop(profile.calibrationRequests);
      return { wall, worker: cpu?.worker ?? null };
    };
    try {
      const none = await measureKind("none");
      for (const kind of KINDS) {
        const m = await measureKind(kind);
        calibration[kind] = {
          worker_cpu_ms_per_call:
            m.worker === null || none.worker === null ? null : Math.max(0, (m.worker - none.worker) / CALLS),
          wall_ms_per_call: Math.max(0, (m.wall - none.wall) / CALLS),
        };
      }
    } finally {
      solo.close();
    }
    ctx.log(
      `  per call (Worker-process CPU / wall, ms): ${Object.entries(calibration)
        .map(([k, v]) => `${k} ${v.worker_cpu_ms_per_call?.toFixed(2) ?? "–"}/${v.wall_ms_per_call.toFixed(2)}`)
        .join(", ")}`,
    );
  });
  return calibration;
}
