/**
 * The benchmark's binding meter: every storage call a request or queue batch makes, counted by kind, with
 * how many of them the person waited for one after another. Development entry only, and only with
 * BENCH_ROUTES=true (dev/worker.ts wraps the bindings); `GET /__bench/meter` reads the totals.
 *
 * Each call is stamped on a logical clock (one tick per start and per end). A call on the person's path
 * is "sequential" when no other such call was in flight as it started: Promise.all([a, b]) is one step,
 * `await a; await b` two. Calls handed to waitUntil, or still in flight when the response went out, are
 * "background". Rate-limit checks (the flood control, answered in the Cloudflare location) are counted
 * but are not steps.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type CallKind = "d1" | "kv_read" | "kv_write" | "kv_list" | "durable_object" | "queue" | "rate_limit" | "fetch";

interface Call {
  kind: CallKind;
  start: number;
  end: number;
  background: boolean;
  ms: number;
}

/** One request's (or queue batch's) calls, plus what D1 reported and what the queue carried. */
export class Recording {
  private readonly calls: Call[] = [];
  private readonly byPromise = new WeakMap<object, Call>();
  private tick = 0;
  private respondedAt = Number.POSITIVE_INFINITY;
  rowsRead = 0;
  rowsWritten = 0;
  messages = 0;

  /** Runs `work` so that every metered call inside it, however deep, lands here. */
  run<T>(work: () => T): T {
    return current.run(this, work);
  }

  /** The response is out: calls from here on are background. */
  responded(): void {
    this.respondedAt = this.tick + 0.5;
  }

  /** A promise handed to waitUntil: if it is a metered call, nobody waits for it. */
  deferred(promise: unknown): void {
    const call = typeof promise === "object" && promise !== null ? this.byPromise.get(promise) : undefined;
    if (call !== undefined) call.background = true;
  }

  /** Counts `run` as one call of `kind`. */
  count<T>(kind: CallKind, run: () => Promise<T>): Promise<T> {
    const call: Call = { kind, start: ++this.tick, end: Number.POSITIVE_INFINITY, background: false, ms: 0 };
    this.calls.push(call);
    const started = Date.now();
    const done = () => {
      call.end = ++this.tick;
      call.ms = Date.now() - started;
    };
    const promise = run().then(
      (value) => {
        done();
        return value;
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
    this.byPromise.set(promise, call);
    return promise;
  }

  /** Adds this recording to `flow`'s totals, counted as `units` requests or jobs. */
  addTo(flow: string, units: number): void {
    const t = totals.get(flow) ?? emptyTotals();
    // Still in flight when the response went out (or started after it): nobody waited for it.
    const background = (c: Call) => c.background || c.end > this.respondedAt;
    const path = this.calls.filter((c) => !background(c) && c.kind !== "rate_limit");
    // A step of the path: a call that started while no other call of the path was in flight.
    const sequential = path.filter((c) => !path.some((d) => d !== c && d.start < c.start && c.start < d.end)).length;
    t.units += units;
    for (const call of this.calls) t.calls[call.kind] = (t.calls[call.kind] ?? 0) + 1;
    // Each call in the order it started, with the step of the path it belongs to (a call started while
    // another was in flight shares that one's step), or "background".
    let step = 0;
    for (const call of [...this.calls].sort((a, b) => a.start - b.start)) {
      if (background(call)) t.sequence.push(`${call.kind} background`);
      else if (call.kind === "rate_limit") t.sequence.push(call.kind);
      else {
        if (!path.some((d) => d !== call && d.start < call.start && call.start < d.end)) step++;
        t.sequence.push(`${call.kind} step ${step}`);
      }
    }
    t.sequential += sequential;
    t.maxSequential = Math.max(t.maxSequential, sequential);
    t.background += this.calls.filter(background).length;
    t.rowsRead += this.rowsRead;
    t.rowsWritten += this.rowsWritten;
    t.queueMessages += this.messages;
    t.durableObjectMs += this.calls.filter((c) => c.kind === "durable_object").reduce((sum, c) => sum + c.ms, 0);
    totals.set(flow, t);
  }
}

/** Totals per flow, as `GET /__bench/meter` answers them. */
export interface FlowTotals {
  /** Requests (or queue jobs) recorded. */
  units: number;
  calls: Partial<Record<CallKind, number>>;
  /** Every call in the order it started: its kind and its step on the path ("d1 step 1"), or "background". */
  sequence: string[];
  /** Sum over units of the sequential steps on the path the person waits for. */
  sequential: number;
  maxSequential: number;
  background: number;
  rowsRead: number;
  rowsWritten: number;
  queueMessages: number;
  durableObjectMs: number;
}

function emptyTotals(): FlowTotals {
  return {
    units: 0,
    calls: {},
    sequence: [],
    sequential: 0,
    maxSequential: 0,
    background: 0,
    rowsRead: 0,
    rowsWritten: 0,
    queueMessages: 0,
    durableObjectMs: 0,
  };
}

const current = new AsyncLocalStorage<Recording>();
const totals = new Map<string, FlowTotals>();

/** The recording the running code belongs to, if any. */
export function currentRecording(): Recording | undefined {
  return current.getStore();
}

/** Everything recorded since the last reset, per flow (e.g. "POST /v3/user-session", "queue email"). */
export function meterTotals(): Record<string, FlowTotals> {
  return Object.fromEntries(totals);
}

export function resetMeter(): void {
  totals.clear();
}
