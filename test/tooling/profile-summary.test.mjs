// bench/profile-summary.mjs on a small hand-made profile whose answer is known: each sample's time goes to the
// area of its leaf, or of the nearest JavaScript frame above a native leaf, and inclusive times count a
// function once per sample.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AREAS, summarizeProfile } from "../../bench/profile-summary.mjs";

/** @typedef {import("../../bench/profile-summary.mjs").CallFrame} CallFrame */

/** @returns {CallFrame} */
const frame = (/** @type {string} */ functionName, url = "", lineNumber = -1) => ({
  functionName,
  url,
  lineNumber,
  columnNumber: 0,
});
/** @type {Record<number, string>} the bundle's lines and their sources */
const SOURCES = { 10: "src/domain/sign-in.ts", 20: "src/durable/registry-sessions.ts", 30: "src/dev/metered-env.ts" };
const sourceOf = (/** @type {CallFrame} */ f) => SOURCES[f.lineNumber] ?? null;

/** Sampling every millisecond: a sample stands for at most 4 ms (MAX_INTERVALS_PER_SAMPLE). */
const INTERVAL = 1000;

/** root → signIn → deriveBits; signIn → (stub) → createSession → exec; root → (idle), (program). */
const PROFILE = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2, 3, 8] },
    { id: 2, callFrame: frame("(program)") },
    { id: 3, callFrame: frame("signIn", "file:///x/worker.js", 10), children: [4, 5] },
    { id: 4, callFrame: frame("deriveBits") },
    { id: 5, callFrame: frame("durableObjectCall", "file:///x/worker.js", 30), children: [6] },
    { id: 6, callFrame: frame("createSession", "file:///x/worker.js", 20), children: [7] },
    { id: 7, callFrame: frame("exec") },
    { id: 8, callFrame: frame("(idle)") },
  ],
  startTime: 0,
  endTime: 10_000,
  // Sample i's time is the next delta: 4 and 4 get 1 ms each, 7 gets 2 ms, 5 gets 1 ms, 8 gets 3 ms, 2 none.
  samples: [4, 4, 7, 5, 8, 2],
  timeDeltas: [0, 1000, 1000, 2000, 1000, 3000],
};

test("time per request by area: PBKDF2, the registry with its SQLite, the stub's dispatch, waiting", () => {
  const s = summarizeProfile(PROFILE, 2, sourceOf, INTERVAL);
  const area = (/** @type {string} */ prefix) => s.areas.find((a) => a.area.startsWith(prefix))?.ms;
  assert.equal(s.spanMs, 5);
  assert.equal(s.sampledMs, 4);
  assert.equal(area("PBKDF2"), 1);
  assert.equal(area("the registry"), 1);
  assert.equal(area("Durable Object calls"), 0.5);
  assert.equal(area("waiting"), 1.5);
  assert.equal(area("outside JavaScript"), 0);
  assert.deepEqual(
    s.areas.map((a) => a.area),
    AREAS,
  );
});

test("a sample in the meter's Durable Object stub itself is the runtime's dispatch", () => {
  const s = summarizeProfile({ ...PROFILE, samples: [5, 2], timeDeltas: [0, 4000] }, 1, sourceOf, INTERVAL);
  assert.equal(s.areas.find((a) => a.area.startsWith("Durable Object calls"))?.ms, 4);
});

test("inclusive times: signIn holds every sample under it, once each; natives are listed by name", () => {
  const s = summarizeProfile(PROFILE, 2, sourceOf, INTERVAL);
  assert.deepEqual(s.functions.slice(0, 2), [
    { name: "signIn src/domain/sign-in.ts", ms: 2.5 },
    { name: "durableObjectCall src/dev/metered-env.ts", ms: 1.5 },
  ]);
  assert.deepEqual(s.selfTime[0], { name: "(idle) (native)", ms: 1.5 });
});

test("a delta longer than the cap is waiting (no samples come while the isolate is not entered), not its stack", () => {
  // The PBKDF2 sample is followed by 10 ms without samples: 4 ms count for it, 6 ms are waiting.
  const s = summarizeProfile({ ...PROFILE, samples: [4, 2], timeDeltas: [0, 10_000] }, 1, sourceOf, INTERVAL);
  assert.equal(s.areas.find((a) => a.area.startsWith("PBKDF2"))?.ms, 4);
  assert.equal(s.areas.find((a) => a.area.startsWith("waiting"))?.ms, 6);
  assert.equal(s.sampledMs, 10);
});

test("another wrapper of the meter's (a KV or fetch call) is the meter's, not a Durable Object dispatch", () => {
  const nodes = PROFILE.nodes.map((n) => (n.id === 5 ? { ...n, callFrame: frame("", "file:///x/worker.js", 30) } : n));
  const s = summarizeProfile({ ...PROFILE, nodes, samples: [5, 2], timeDeltas: [0, 2000] }, 1, sourceOf, INTERVAL);
  assert.equal(s.areas.find((a) => a.area.startsWith("the bench's binding meter"))?.ms, 2);
  assert.equal(s.areas.find((a) => a.area.startsWith("Durable Object calls"))?.ms, 0);
});
