// Cost of a million of each flow, from the operations the binding meter counted and Cloudflare's list
// prices for the Workers Paid plan, beyond each product's monthly inclusions. See bench/README.md
// ("Round trips and cost") for what is and is not counted.

/** US dollars, list prices as published on developers.cloudflare.com (pricing pages), read 2026-11-30. */
export const PRICES = {
  date: "2026-11-30",
  workerRequestPerMillion: 0.3,
  workerCpuMsPerMillion: 0.02,
  durableObjectRequestPerMillion: 0.15,
  durableObjectGbSecondPerMillion: 12.5,
  durableObjectMemoryGb: 0.128,
  d1RowsReadPerMillion: 0.001,
  d1RowsWrittenPerMillion: 1.0,
  kvReadPerMillion: 0.5,
  kvWriteListDeletePerMillion: 5.0,
  queueOperationPerMillion: 0.4,
  /** A message is written, read and deleted: three operations (each per 64 KB; our messages are < 1 KB). */
  queueOperationsPerMessage: 3,
  /** The email consumer's batch size (wrangler.toml max_batch_size): one invocation per batch at most. */
  consumerBatch: 10,
};

/** @typedef {import("./types.d.ts").MeterTotals} MeterTotals */

/**
 * Which local calibration (bench/groups/calibration.mjs) prices each metered kind's CPU.
 * @type {Record<string, string[]>}
 */
const CALIBRATED = {
  d1: ["d1_read", "d1_write"],
  kv_read: ["kv_get"],
  kv_write: ["kv_put"],
  kv_list: ["kv_put"],
  durable_object: ["durable_object"],
  rate_limit: ["rate_limit"],
};

/**
 * Operations per flow execution (a request, plus its share of the consumer's work) and what a million of
 * them cost. `request` and `consumer` are the meter's totals (consumer may be undefined); `consumerJobsPer`
 * is how many consumer jobs one request causes; `cpuMs` the Worker-process CPU per request measured under
 * load, from which the local simulators' share (calibration) is taken out.
 * `requestsPer` is how many Worker invocations one execution makes (2 for a flow of two requests).
 * @param {{ request: MeterTotals, consumer: MeterTotals | undefined, consumerJobsPer?: number, cpuMs: number | null,
 *   calibration: import("./types.d.ts").Calibration, requestsPer?: number }} flow
 * @returns {Omit<import("./types.d.ts").CostRow, "id" | "flow">}
 */
export function costPerMillion({ request, consumer, consumerJobsPer = 0, cpuMs, calibration, requestsPer = 1 }) {
  /** Per unit of a numeric total. */
  const per = (
    /** @type {MeterTotals | undefined} */ totals,
    /** @type {"rowsRead" | "rowsWritten" | "durableObjectMs" | "queueMessages"} */ field,
  ) => (totals === undefined || totals.units === 0 ? 0 : totals[field] / totals.units);
  const calls = (/** @type {MeterTotals | undefined} */ totals, /** @type {string} */ kind) =>
    totals === undefined || totals.units === 0 ? 0 : (totals.calls[kind] ?? 0) / totals.units;
  const both = (/** @type {(t: MeterTotals | undefined) => number} */ f) =>
    f(request) + consumerJobsPer * (consumer === undefined ? 0 : f(consumer));
  const ops = {
    worker_requests: requestsPer + consumerJobsPer / PRICES.consumerBatch,
    do_requests: both((t) => calls(t, "durable_object")),
    do_gb_s: (both((t) => per(t, "durableObjectMs")) / 1000) * PRICES.durableObjectMemoryGb,
    d1_rows_read: both((t) => per(t, "rowsRead")),
    d1_rows_written: both((t) => per(t, "rowsWritten")),
    kv_reads: both((t) => calls(t, "kv_read")),
    kv_writes: both((t) => calls(t, "kv_write") + calls(t, "kv_list")),
    queue_ops: both((t) => per(t, "queueMessages")) * PRICES.queueOperationsPerMessage,
    cpu_ms: estimatedCpuMs(cpuMs, [request, consumer], [1, consumerJobsPer], calibration),
  };
  const dollars = {
    workers: ops.worker_requests * PRICES.workerRequestPerMillion + (ops.cpu_ms ?? 0) * PRICES.workerCpuMsPerMillion,
    durable_objects:
      ops.do_requests * PRICES.durableObjectRequestPerMillion + ops.do_gb_s * PRICES.durableObjectGbSecondPerMillion,
    d1: ops.d1_rows_read * PRICES.d1RowsReadPerMillion + ops.d1_rows_written * PRICES.d1RowsWrittenPerMillion,
    kv: ops.kv_reads * PRICES.kvReadPerMillion + ops.kv_writes * PRICES.kvWriteListDeletePerMillion,
    queues: ops.queue_ops * PRICES.queueOperationPerMillion,
  };
  const total = Object.values(dollars).reduce((a, b) => a + b, 0);
  return { ops, dollars, total };
}

/**
 * The Worker's own CPU per request in production, estimated: the measured CPU of the local process minus
 * what its binding calls cost the local simulators (which in production run elsewhere). Null without /proc.
 */
function estimatedCpuMs(
  /** @type {number | null} */ cpuMs,
  /** @type {(MeterTotals | undefined)[]} */ totals,
  /** @type {number[]} */ weights,
  /** @type {import("./types.d.ts").Calibration} */ calibration,
) {
  if (cpuMs === null || cpuMs === undefined) return null;
  let simulators = 0;
  totals.forEach((t, i) => {
    if (t === undefined || t.units === 0) return;
    for (const [kind, count] of Object.entries(t.calls)) {
      const prices = (CALIBRATED[kind] ?? [])
        .map((k) => calibration?.[k]?.worker_cpu_ms_per_call)
        .filter((v) => typeof v === "number");
      if (prices.length === 0) continue;
      simulators += (weights[i] ?? 0) * (count / t.units) * (prices.reduce((a, b) => a + b, 0) / prices.length);
    }
  });
  return Math.max(0, cpuMs - simulators);
}
