// Round trips and cost per flow, from the binding meter's snapshots of the load runs: per request, the calls
// of each kind, the sequential steps on the person's path (mean and worst), the calls after the response;
// per consumer job, its calls. The step targets are docs/design.md's ("Figures"): sign-in ≤ 2 (without
// two-factor, as the bench's accounts are), a passkey sign-in ≤ 2 (its finish), GET /v3/user ≤ 1, forgot-password ≤ 1 besides the flood check
// (which is never a step), reset ≤ 3.
import { costPerMillion } from "../cost.mjs";
import { judge } from "../figures.mjs";

/** @typedef {import("../types.d.ts").MeterSnapshot} MeterSnapshot */
/** @typedef {import("../types.d.ts").RoundTripRow} RoundTripRow */

/**
 * Each flow's meter snapshot (undefined where its run failed).
 * @typedef {{ forgotKnown?: MeterSnapshot, forgotUnknown?: MeterSnapshot, signIn?: MeterSnapshot,
 *   passkeySignIn?: MeterSnapshot, user?: MeterSnapshot, reset?: MeterSnapshot }} Meters
 */

/**
 * The flows, their load runs' names and their targets.
 * @type {{ id: string, flow: string, meter: string, route: string, begin?: string, target: number }[]}
 */
const FLOWS = [
  {
    id: "forgot_known",
    flow: "forgot-password, existing",
    meter: "forgotKnown",
    route: "POST /v3/user/forgot_password",
    target: 1,
  },
  {
    id: "forgot_unknown",
    flow: "forgot-password, unknown",
    meter: "forgotUnknown",
    route: "POST /v3/user/forgot_password",
    target: 1,
  },
  { id: "sign_in", flow: "sign-in", meter: "signIn", route: "POST /v3/user-session", target: 2 },
  // The steps are the finish's, where the sign-in happens; the cost adds the begin's (it stores the challenge).
  {
    id: "passkey_sign_in",
    flow: "passkey sign-in",
    meter: "passkeySignIn",
    route: "POST /login/passkey",
    begin: "POST /login/passkey/options",
    target: 2,
  },
  { id: "user", flow: "GET /v3/user", meter: "user", route: "GET /v3/user", target: 1 },
  { id: "reset", flow: "reset-password", meter: "reset", route: "POST /v3/user/reset_password", target: 3 },
];

/** @returns {RoundTripRow[]} */
export function roundTripRows(/** @type {Meters} */ meters) {
  /** @type {RoundTripRow[]} */
  const rows = [];
  for (const { id, flow, meter, route, begin, target } of FLOWS) {
    const snap = meters[/** @type {keyof Meters} */ (meter)];
    const request = snap?.[route];
    if (snap === undefined || request === undefined) continue;
    const consumer = snap["queue email"];
    const perUnit = (/** @type {import("../types.d.ts").MeterTotals} */ t) =>
      Object.fromEntries(Object.entries(t.calls).map(([k, v]) => [k, v / t.units]));
    rows.push({
      id,
      flow,
      route,
      requests: request.units,
      calls: perUnit(request),
      sequential: request.sequential / request.units,
      maxSequential: request.maxSequential,
      background: request.background / request.units,
      consumer_jobs: consumer?.units ?? 0,
      consumer_calls: consumer === undefined ? null : perUnit(consumer),
      consumerJobsPer: consumer === undefined ? 0 : consumer.units / request.units,
      target,
      totals: {
        request,
        consumer,
        ...(begin !== undefined && snap[begin] !== undefined ? { begin: snap[begin] } : {}),
      },
    });
  }
  return rows;
}

/** The worst request's sequential storage steps of each flow, judged against its target. */
export function stepFigures(/** @type {import("../types.d.ts").Sink} */ sink, /** @type {RoundTripRow[]} */ rows) {
  for (const row of rows) {
    /** @type {import("../types.d.ts").Target} */
    const target = { op: "<=", value: row.target, text: `≤ ${row.target}` };
    sink.addFigure({
      id: `steps_${row.id}`,
      label: `${row.flow}: sequential storage steps (worst request)`,
      value: row.maxSequential,
      unit: "steps",
      target,
      pass: judge(row.maxSequential, target),
    });
  }
}

/**
 * Cost of a million of each flow (bench/cost.mjs), with the CPU measured under load.
 * @param {RoundTripRow[]} rows
 * @param {import("../types.d.ts").Run[]} runs
 * @param {import("../types.d.ts").Calibration} calibration
 * @returns {import("../types.d.ts").CostRow[]}
 */
export function costRows(rows, runs, calibration) {
  return rows.map((row) => {
    const run = runs.find((r) => r.name === FLOWS.find((f) => f.id === row.id)?.flow);
    const { begin } = row.totals;
    const cost = costPerMillion({
      // A flow of two requests costs both: the begin's operations per finish, and two Worker invocations.
      request: begin === undefined ? row.totals.request : withBegin(row.totals.request, begin),
      requestsPer: begin === undefined ? 1 : 2,
      consumer: row.totals.consumer,
      consumerJobsPer: row.consumerJobsPer,
      cpuMs: run?.cpu_ms_per_request?.worker ?? null,
      calibration,
    });
    return { id: row.id, flow: row.flow, ...cost };
  });
}

/**
 * The finish's totals plus the begin's, per finish (as many begins as finishes are counted, a flow being one of
 * each; the warm-up's and a failed flow's extra begins are left out).
 * @param {import("../types.d.ts").MeterTotals} finish
 * @param {import("../types.d.ts").MeterTotals} begin
 * @returns {import("../types.d.ts").MeterTotals}
 */
function withBegin(finish, begin) {
  const scale = begin.units === 0 ? 0 : finish.units / begin.units;
  /** @type {Record<string, number>} */
  const calls = { ...finish.calls };
  for (const [kind, n] of Object.entries(begin.calls)) calls[kind] = (calls[kind] ?? 0) + n * scale;
  return {
    ...finish,
    calls,
    rowsRead: finish.rowsRead + begin.rowsRead * scale,
    rowsWritten: finish.rowsWritten + begin.rowsWritten * scale,
    durableObjectMs: finish.durableObjectMs + begin.durableObjectMs * scale,
    queueMessages: finish.queueMessages + begin.queueMessages * scale,
  };
}
