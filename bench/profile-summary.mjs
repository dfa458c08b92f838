// Where a CPU profile of the Worker's isolate spent its time (bench/cpu-profile.mjs), in areas a reader can
// act on. Pure: the profile (V8's Profiler.stop answer) and a function that names a bundle position's source
// file go in; milliseconds per area and per function come out.

/**
 * @typedef {{ functionName: string, url: string, lineNumber: number, columnNumber: number }} CallFrame
 * @typedef {{ id: number, callFrame: CallFrame, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], startTime: number, endTime: number, samples: number[], timeDeltas: number[] }} CpuProfile
 * @typedef {(frame: CallFrame) => string | null} SourceOf  the source file (e.g. "src/durable/registry-sessions.ts")
 */

/**
 * The areas, in the order they are printed. A sample in a native function (fetch, SQLite's exec, a Response)
 * counts for the area of its nearest JavaScript caller: the registry's SQLite calls are the registry's time,
 * a D1 client's fetch is the binding's.
 */
const PBKDF2 = "PBKDF2 (WebCrypto deriveBits)";
const DO_DISPATCH =
  "Durable Object calls: the runtime's dispatch (a first call creates the object and opens its storage)";
const REGISTRY = "the registry (src/durable/), its SQLite storage included";
const WORKER = "the Worker's own code (src/, outside durable/ and dev/)";
const LIBRARIES = "libraries (node_modules/: Hono, zod, oslo, JSX)";
const BINDINGS = "binding clients (D1, KV, queues, rate limits: cloudflare-internal)";
const METER = "the bench's binding meter (src/dev/)";
const NATIVE = "runtime natives with no JavaScript caller (promise jobs, I/O callbacks)";
const V8 = "outside JavaScript: the runtime's own work, V8's compiler and collector ((program), (garbage collector))";
const IDLE = "waiting: the isolate idle or not entered (binding simulators, I/O, other isolates)";
export const AREAS = [PBKDF2, DO_DISPATCH, REGISTRY, WORKER, LIBRARIES, BINDINGS, METER, NATIVE, V8, IDLE];

/** The area of a sample: its leaf frame, or the nearest frame with JavaScript source above it. */
function areaOf(/** @type {CallFrame[]} */ stack, /** @type {(f: CallFrame) => string | null} */ source) {
  const [leaf] = stack;
  if (leaf === undefined) return NATIVE;
  if (leaf.functionName === "deriveBits") return PBKDF2;
  if (leaf.functionName === "(idle)") return IDLE;
  if (["(program)", "(garbage collector)"].includes(leaf.functionName)) return V8;
  const caller = stack.find((f) => f.url !== "");
  if (caller === undefined) return NATIVE;
  if (caller.url.startsWith("cloudflare-internal:")) return BINDINGS;
  if (caller.url.includes("__mf_do_wrapper")) return DO_DISPATCH;
  const file = source(caller);
  if (file === null) return WORKER;
  if (file.includes("node_modules/")) return LIBRARIES;
  // The meter's wrapper of a Durable Object stub's method: time spent in that frame itself, or in the natives
  // it calls, is the runtime's dispatch of the call (and on a first call, creating the object).
  if (caller.functionName === "durableObjectCall" && file.endsWith("src/dev/metered-env.ts")) return DO_DISPATCH;
  if (file.includes("src/dev/")) return METER;
  if (file.includes("src/durable/")) return REGISTRY;
  return WORKER;
}

/**
 * A sample stands for at most this many sampling intervals. The isolate is sampled only while it is entered:
 * when it waits (for a binding simulator, for I/O), no samples come, and the next sample's delta holds the
 * whole wait. Beyond this many intervals, a delta counts as waiting, not as the stack it lands on.
 */
export const MAX_INTERVALS_PER_SAMPLE = 4;

/**
 * Milliseconds per request in each area (they add up to `sampledMs`; the span also holds the moments before
 * the first sample and after the last), the profile's span per request, and the functions of src/ with the
 * most inclusive time (a function's own time and its callees'), also per request.
 * @param {CpuProfile} profile
 * @param {number} requests
 * @param {SourceOf} sourceOf
 * @param {number} intervalUs  the sampling interval the profile was taken at
 */
export function summarizeProfile(profile, requests, sourceOf, intervalUs) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  /** @type {Map<CallFrame, string | null>} */
  const sources = new Map();
  const source = (/** @type {CallFrame} */ f) => {
    if (!sources.has(f)) sources.set(f, f.url === "" || f.url.startsWith("cloudflare-internal:") ? null : sourceOf(f));
    return /** @type {string | null} */ (sources.get(f));
  };
  /** @type {Map<string, number>} */
  const areas = new Map(AREAS.map((a) => [a, 0]));
  /** @type {Map<string, number>} */
  const inclusive = new Map();
  /** @type {Map<string, number>} */
  const self = new Map();
  profile.samples.forEach((id, i) => {
    // V8 gives each sample the time since the previous one: the time up to sample i belongs to sample i - 1's
    // stack, so sample i's share is the next delta.
    const delta = profile.timeDeltas[i + 1] ?? 0;
    const us = Math.min(delta, MAX_INTERVALS_PER_SAMPLE * intervalUs);
    areas.set(IDLE, (areas.get(IDLE) ?? 0) + delta - us);
    /** @type {CallFrame[]} the sample's stack, leaf first */
    const stack = [];
    for (let n = /** @type {number | undefined} */ (id); n !== undefined; n = parent.get(n))
      stack.push(/** @type {ProfileNode} */ (byId.get(n)).callFrame);
    const area = areaOf(stack, source);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const leafFrame = /** @type {CallFrame} */ (stack[0]);
    const leafKey = `${leafFrame.functionName || "(anonymous)"} ${source(leafFrame) ?? (leafFrame.url || "(native)")}`;
    self.set(leafKey, (self.get(leafKey) ?? 0) + us);
    /** @type {Set<string>} */
    const seen = new Set();
    for (const f of stack) {
      const file = source(f);
      if (file === null || !file.startsWith("src/")) continue;
      const key = `${f.functionName || "(anonymous)"} ${file}`;
      if (seen.has(key)) continue; // recursion counts once
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  });
  const perRequest = (/** @type {number} */ us) => us / 1000 / requests;
  return {
    spanMs: perRequest(profile.endTime - profile.startTime),
    sampledMs: perRequest([...areas.values()].reduce((a, b) => a + b, 0)),
    areas: AREAS.map((area) => ({ area, ms: perRequest(areas.get(area) ?? 0) })),
    functions: [...inclusive].map(([name, us]) => ({ name, ms: perRequest(us) })).sort((a, b) => b.ms - a.ms),
    selfTime: [...self].map(([name, us]) => ({ name, ms: perRequest(us) })).sort((a, b) => b.ms - a.ms),
  };
}
