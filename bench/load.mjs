// Load runs with autocannon. Latencies come from autocannon's per-response events (sub-millisecond, 2xx only);
// throughput is 2xx responses over the time from the first request to the last response. The binding meter
// (src/dev/binding-meter.ts) is reset before each measured run and read after it.
import autocannon from "autocannon";
import { expectStatus } from "./context.mjs";
import { cpuMeter } from "./cpu.mjs";
import { summarize } from "./figures.mjs";
import { CLIENT_IP_HEADER, nextClientIp } from "./http.mjs";

/** @typedef {import("./types.d.ts").BenchContext} BenchContext */
/** @typedef {import("./types.d.ts").Run} Run */

/**
 * One load run's request: a fixed `amount` of requests or `seconds` of them; `next()` changes each request
 * (its body or headers). `record: false` keeps a warm-up out of the results.
 * @typedef {{ name: string, method?: string, path: string, headers?: Record<string, string>, body?: string | object,
 *   next?: () => { body?: string, headers?: Record<string, string> },
 *   seconds?: number, amount?: number, connections?: number, record?: boolean, flow?: FlowStep[] }} LoadSpec
 */

/**
 * A flow of several requests measured as one (`LoadSpec.flow`, in place of `path`): each connection sends the
 * steps in order, again and again, sharing a `context` from one step to the next (autocannon's request context,
 * fresh for every flow). `setup` makes a step's request from the context (synchronously); `ok` judges its
 * answer and may keep what later steps need. A flow counts as one success when every step was ok; its latency
 * runs from building the first step's request to the last step's answer.
 * @typedef {{ method: string, path: string, headers?: Record<string, string>,
 *   setup?: (context: Record<string, unknown>) => { body?: string, headers?: Record<string, string> },
 *   ok: (status: number, body: string, headers: Record<string, string | string[]>, context: Record<string, unknown>) => boolean
 * }} FlowStep
 */

/** Runs `spec` against the Worker; throws if any response was not 2xx. */
export async function cannon(/** @type {BenchContext} */ ctx, /** @type {LoadSpec} */ spec) {
  const { name, method = "GET", path: urlPath, headers = {}, body, next, seconds, amount } = spec;
  const { connections = ctx.profile.connections, record = true } = spec;
  /** @type {number[]} */
  const latencies = [];
  let ok = 0;
  let last = 0;
  let flowFailures = 0;
  /** @type {autocannon.Request} */
  const request = { method: /** @type {autocannon.Request["method"]} */ (method), path: urlPath, headers };
  if (body !== undefined) request.body = typeof body === "string" ? body : JSON.stringify(body);
  // Every request from its own client address, as real traffic comes.
  request.setupRequest = (req) => {
    const change = next === undefined ? {} : next();
    const ip = { [CLIENT_IP_HEADER]: nextClientIp() };
    return { ...req, ...change, headers: { ...req.headers, ...(change.headers ?? {}), ...ip } };
  };
  /** @type {autocannon.Request[]} */
  const requests =
    spec.flow === undefined
      ? [request]
      : spec.flow.map((step, index, steps) => ({
          method: /** @type {autocannon.Request["method"]} */ (step.method),
          path: step.path,
          headers: step.headers ?? {},
          setupRequest: (req, shared) => {
            const context = /** @type {Record<string, unknown>} the flow's own context */ (shared);
            if (index === 0) context.startedAt = performance.now();
            const change = step.setup?.(context) ?? {};
            const ip = { [CLIENT_IP_HEADER]: nextClientIp() };
            return { ...req, ...change, headers: { ...req.headers, ...(change.headers ?? {}), ...ip } };
          },
          onResponse: (status, responseBody, shared, responseHeaders) => {
            const context = /** @type {Record<string, unknown>} the flow's own context */ (shared);
            if (context.failed === true) return;
            const answer = /** @type {Record<string, string | string[]>} */ (responseHeaders ?? {});
            if (!step.ok(status, responseBody, answer, context)) {
              context.failed = true;
              flowFailures++;
            } else if (index === steps.length - 1) {
              ok++;
              latencies.push(performance.now() - /** @type {number} */ (context.startedAt));
            }
          },
        }));
  /** @type {autocannon.Options} */
  const options = {
    url: ctx.server.origin,
    connections,
    requests,
    timeout: 30,
    ...(amount !== undefined ? { amount } : { duration: seconds }),
  };
  const meter = cpuMeter(ctx.server.pid, ctx.server.port);
  const started = performance.now();
  /** @type {autocannon.Result} */
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, status, _bytes, ms) => {
      last = performance.now();
      if (spec.flow === undefined && status >= 200 && status < 300) {
        ok++;
        latencies.push(ms);
      }
    });
  });
  const cpu = meter.stop(ok);
  const elapsed = Math.max(1e-9, (last - started) / 1000);
  /** @type {Run} */
  const run = {
    name,
    method,
    path: spec.flow === undefined ? urlPath : spec.flow.map((f) => f.path).join(" + "),
    connections,
    mode: amount !== undefined ? `amount ${amount}` : `duration ${seconds} s`,
    elapsed_s: elapsed,
    ok,
    // A flow's redirects are its answers: what counts is whether a step's answer was the one expected.
    non2xx: spec.flow === undefined ? result.non2xx : flowFailures,
    errors: result.errors,
    timeouts: result.timeouts,
    status_codes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count ?? 0])),
    rps: ok / elapsed,
    latency: summarize(latencies),
    cpu_ms_per_request: cpu,
    autocannon: {
      requests_average: result.requests.average,
      latency_p50: result.latency.p50,
      latency_p99: result.latency.p99,
      duration_s: result.duration,
    },
  };
  if (record) {
    ctx.sink.runs.push(run);
    const cpuText =
      cpu === null
        ? ""
        : `; CPU ms/request: Worker ${cpu.worker.toFixed(2)}, proxy ${cpu.proxy.toFixed(2)}, load generator ${cpu.loadgen.toFixed(2)}`;
    ctx.log(
      `  ${name}: ${run.rps.toFixed(1)} req/s, p50 ${run.latency.p50.toFixed(2)} ms, p99 ${run.latency.p99.toFixed(2)} ms, ${ok} ok, ${run.non2xx} non-2xx, ${run.errors} errors${cpuText}`,
    );
  }
  if (run.non2xx > 0 || run.errors > 0) {
    throw new Error(
      `${name}: ${run.non2xx} non-2xx responses and ${run.errors} errors (status codes ${JSON.stringify(run.status_codes)})`,
    );
  }
  if (ok === 0) throw new Error(`${name}: no successful response`);
  return run;
}

/** Resets the binding meter, so that the next reading counts one run. */
export async function resetMeter(/** @type {BenchContext} */ ctx) {
  expectStatus(await ctx.client.post("/__bench/meter/reset"), 200, "meter reset");
}

/** What the binding meter counted since its reset. */
export async function readMeter(/** @type {BenchContext} */ ctx) {
  const r = expectStatus(await ctx.client.get("/__bench/meter"), 200, "meter");
  return /** @type {import("./types.d.ts").MeterSnapshot} */ (r.json());
}

/** A warm-up (unrecorded) of the profile's warm seconds, a meter reset, then the measured run. */
export async function warmAndRun(/** @type {BenchContext} */ ctx, /** @type {LoadSpec} */ spec) {
  const { warmSeconds, runSeconds } = ctx.profile;
  if (warmSeconds > 0)
    await cannon(ctx, { ...spec, seconds: warmSeconds, record: false, name: `${spec.name} (warm-up)` });
  await resetMeter(ctx);
  return cannon(ctx, { ...spec, seconds: runSeconds });
}

/** Throughput of the whole pipeline: accepted requests over the time until the consumer had mailed the last. */
export function pipeline(/** @type {Run} */ run, /** @type {number} */ drainSeconds) {
  const seconds = run.elapsed_s + drainSeconds;
  return { name: `${run.name} + consumer`, ok: run.ok, elapsed_s: seconds, rps: run.ok / seconds };
}
