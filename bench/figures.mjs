// Figures from measurements: summaries, baselines, targets judged, ratios and timing-pair gaps.
import { mannWhitneyU, mean, median, quantile } from "./stats.mjs";

/** @typedef {import("./types.d.ts").Sink} Sink */
/** @typedef {import("./types.d.ts").Target} Target */
/** @typedef {import("./types.d.ts").PairResult} PairResult */

/** @returns {import("./types.d.ts").LatencySummary} */
export function summarize(/** @type {number[]} */ values) {
  if (values.length === 0) return { n: 0, p50: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN };
  return {
    n: values.length,
    p50: quantile(values, 0.5),
    p90: quantile(values, 0.9),
    p99: quantile(values, 0.99),
    max: Math.max(...values),
    mean: mean(values),
  };
}

/**
 * Mean of two runs of a baseline (before and after the measured runs), with their drift.
 * @param {string} label
 * @param {import("./types.d.ts").Run | undefined} a
 * @param {import("./types.d.ts").Run | undefined} b
 * @returns {import("./types.d.ts").Baseline | undefined}
 */
export function combine(label, a, b) {
  const runsOk = [a, b].filter((r) => r !== undefined);
  if (runsOk.length === 0) return undefined;
  const avg = (/** @type {(r: import("./types.d.ts").Run) => number} */ f) => mean(runsOk.map(f));
  return {
    label,
    rps: avg((r) => r.rps),
    p50: avg((r) => r.latency.p50),
    p99: avg((r) => r.latency.p99),
    drift: a !== undefined && b !== undefined ? (b.rps - a.rps) / a.rps : null,
  };
}

/** Whether `value` meets `target`; null when there is no value to judge. */
export function judge(/** @type {number | null | undefined} */ value, /** @type {Target} */ target) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  switch (target.op) {
    case ">=":
      return value >= (target.value ?? NaN);
    case "<=":
      return value <= (target.value ?? NaN);
    case "abs<=":
      return Math.abs(value) <= (target.value ?? NaN);
  }
  throw new Error(`bad target ${JSON.stringify(target)}`);
}

/**
 * A run's throughput or latency as a ratio to a baseline's, judged against `target` if there is one.
 * @param {Sink} sink
 * @param {{ id: string, label: string, run: { rps: number, latency?: import("./types.d.ts").LatencySummary } | undefined,
 *   baseline: import("./types.d.ts").Baseline | undefined, metric: "rps" | "p50" | "p99", unit: string, target?: Target }} spec
 */
export function ratioFigure(sink, { id, label, run, baseline, metric, unit, target }) {
  if (run === undefined || baseline === undefined)
    return sink.addFigure({ id, label, unit, error: "not measured", pass: null });
  const value = metric === "rps" ? run.rps : (run.latency?.[metric] ?? NaN);
  const base = baseline[metric];
  const ratio = value / base;
  return sink.addFigure({
    id,
    label,
    value,
    unit,
    baseline: { label: baseline.label, value: base, drift_between_runs: baseline.drift },
    ratio,
    target: target ?? null,
    pass: target ? judge(ratio, target) : null,
  });
}

/**
 * Medians, their gap and a Mann–Whitney U test of two samples, logged.
 * @param {(text: string) => void} log
 * @param {string} label
 * @param {number[]} knownMs
 * @param {number[]} unknownMs
 * @returns {PairResult}
 */
export function pairStats(log, label, knownMs, unknownMs) {
  const mk = median(knownMs);
  const mu = median(unknownMs);
  const test = mannWhitneyU(knownMs, unknownMs);
  const gap = ((mk - mu) / mu) * 100;
  log(
    `  ${label}: known median ${mk.toFixed(3)} ms, unknown median ${mu.toFixed(3)} ms, gap ${gap.toFixed(2)} %, Mann–Whitney p ${test.p.toPrecision(3)}`,
  );
  return { knownMs, unknownMs, mk, mu, gap, test };
}

/** The gap and Mann–Whitney figures of one timing-pair test. */
export function gapFigures(
  /** @type {Sink} */ sink,
  /** @type {string} */ id,
  /** @type {string} */ label,
  /** @type {PairResult} */ r,
) {
  /** @type {Target} */
  const target = { op: "abs<=", value: 5, text: "|gap| ≤ 5 %" };
  sink.addFigure({
    id: `${id}_gap`,
    label: `${label}: median gap known vs unknown`,
    value: r.gap,
    unit: "%",
    baseline: { label: "unknown median", value: r.mu, unit: "ms" },
    known_median_ms: r.mk,
    unknown_median_ms: r.mu,
    known: summarize(r.knownMs),
    unknown: summarize(r.unknownMs),
    samples_each: r.knownMs.length,
    target,
    pass: judge(r.gap, target),
  });
  sink.addFigure({
    id: `${id}_mwu`,
    label: `${label}: Mann–Whitney U p (n=${r.knownMs.length} each)`,
    value: r.test.p,
    unit: "p",
    u: r.test.u1,
    z: r.test.z,
    target: { text: "info (p < 0.01: distributions differ)" },
    pass: null,
  });
}

/** A pair test as the results file keeps it. */
export function pairSummary(/** @type {PairResult} */ r) {
  return {
    known: summarize(r.knownMs),
    unknown: summarize(r.unknownMs),
    gap_percent: r.gap,
    mann_whitney: r.test,
    known_ms: r.knownMs,
    unknown_ms: r.unknownMs,
  };
}

/** A throughput ratio to `baseline`, judged against "≥ value×". */
export function throughputFigure(
  /** @type {Sink} */ sink,
  /** @type {string} */ id,
  /** @type {string} */ label,
  /** @type {{ rps: number } | undefined} */ run,
  /** @type {import("./types.d.ts").Baseline | undefined} */ baseline,
  /** @type {number} */ value,
) {
  return ratioFigure(sink, {
    id,
    label,
    run,
    baseline,
    metric: "rps",
    unit: "req/s",
    target: { op: ">=", value, text: `≥ ${value}×` },
  });
}
