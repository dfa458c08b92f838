/**
 * The bindings, wrapped for the binding meter (binding-meter.ts): each D1 query or batch, KV operation,
 * Durable Object call, queue send, rate-limit check and outgoing fetch is counted in the recording of the
 * request or batch that made it. Calls outside a recording (Durable Objects' own work) pass through.
 */
import { type CallKind, currentRecording, type Recording } from "./binding-meter";

const wrapped = new WeakMap<Env, Env>();

/** `env` with every binding metered; the same wrapper for the same env, so per-env caches keep working. */
export function meteredEnv(env: Env): Env {
  let metered = wrapped.get(env);
  if (metered === undefined) {
    metered = Object.fromEntries(
      Object.entries(env).map(([name, value]) => [name, meterBinding(value)]),
    ) as unknown as Env;
    wrapped.set(env, metered);
  }
  return metered;
}

/** Counts outgoing fetch calls too (the breach check, the email provider). Idempotent. */
export function meterGlobalFetch(): void {
  const original = globalThis.fetch as typeof fetch & { metered?: true };
  if (original.metered) return;
  const metered = Object.assign(
    (input: RequestInfo | URL, init?: RequestInit) => {
      return counted("fetch", () => original(input, init));
    },
    { metered: true as const },
  );
  globalThis.fetch = metered as typeof fetch;
}

function counted<T>(kind: CallKind, run: (r: Recording | undefined) => Promise<T>): Promise<T> {
  const recording = currentRecording();
  return recording === undefined ? run(undefined) : recording.count(kind, () => run(recording));
}

type Methods = Record<string, (...args: never[]) => unknown>;

/** Wraps the named methods of `target`; every other property passes through. */
export function intercept<T extends object>(target: T, methods: Methods): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === "string" && Object.hasOwn(methods, prop)) return methods[prop];
      const value = Reflect.get(t, prop, receiver);
      return typeof value === "function" ? value.bind(t) : value;
    },
  });
}

function meterBinding(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const has = (...names: string[]) => names.every((n) => typeof (value as Record<string, unknown>)[n] === "function");
  if (has("prepare", "batch")) return meterD1(value as D1Database);
  if (has("get", "put", "list", "getWithMetadata")) return meterKv(value as KVNamespace);
  if (has("idFromName", "getByName")) return meterNamespace(value as DurableObjectNamespace);
  if (has("send", "sendBatch")) return meterQueue(value as Queue);
  if (has("limit")) return meterRateLimit(value as RateLimit);
  return value;
}

type Meta = { rows_read?: number; rows_written?: number } | undefined;

function addRows(r: Recording | undefined, meta: Meta): void {
  if (r === undefined) return;
  r.rowsRead += meta?.rows_read ?? 0;
  r.rowsWritten += meta?.rows_written ?? 0;
}

function meterD1(db: D1Database): D1Database {
  const real = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const methods: Methods = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      // Through all(), whose result reports the rows D1 read and wrote (first() does not).
      first: (column?: unknown) =>
        counted("d1", async (r) => {
          const result = await statement.all<Record<string, unknown>>();
          addRows(r, result.meta);
          const row = result.results[0] ?? null;
          return typeof column === "string" ? (row?.[column] ?? null) : row;
        }),
      run: () => counted("d1", async (r) => withRows(r, await statement.run())),
      all: () => counted("d1", async (r) => withRows(r, await statement.all())),
      raw: (options?: unknown) => counted("d1", () => statement.raw(options as { columnNames: true })),
    };
    const proxy = intercept(statement, methods);
    real.set(proxy, statement);
    return proxy;
  };
  // A database and its sessions (read replicas) prepare and batch alike.
  const meterQueries = <T extends D1Database | D1DatabaseSession>(target: T, extra: Methods = {}): T =>
    intercept(target, {
      ...extra,
      prepare: (query: unknown) => wrap(target.prepare(query as string)),
      batch: (statements: unknown) =>
        counted("d1", async (r) => {
          const results = await target.batch((statements as D1PreparedStatement[]).map((s) => real.get(s) ?? s));
          for (const result of results) addRows(r, result.meta);
          return results;
        }),
    });
  return meterQueries(db, {
    withSession: (constraint: unknown) => meterQueries(db.withSession(constraint as D1SessionConstraint)),
  });
}

function withRows<T extends { meta?: Meta }>(r: Recording | undefined, result: T): T {
  addRows(r, result.meta);
  return result;
}

function meterKv(kv: KVNamespace): KVNamespace {
  const call =
    (kind: CallKind, name: keyof KVNamespace) =>
    (...args: unknown[]) =>
      counted(kind, () => (kv[name] as (...a: unknown[]) => Promise<unknown>).apply(kv, args));
  return intercept(kv, {
    get: call("kv_read", "get"),
    getWithMetadata: call("kv_read", "getWithMetadata"),
    put: call("kv_write", "put"),
    delete: call("kv_write", "delete"),
    list: call("kv_list", "list"),
  });
}

function meterNamespace(namespace: DurableObjectNamespace): DurableObjectNamespace {
  const stub = (s: DurableObjectStub) =>
    new Proxy(s, {
      get(t, prop) {
        const value = Reflect.get(t, prop);
        // `then` stays whatever the stub says, so a stub returned from an async function is not awaited.
        if (typeof value !== "function" || prop === "then" || typeof prop === "symbol") return value;
        // Named: bench/profile-summary.mjs files the time spent in this frame under the runtime's dispatch.
        return function durableObjectCall(...args: unknown[]) {
          return counted("durable_object", () => Promise.resolve(Reflect.apply(value, t, args)));
        };
      },
    });
  return intercept(namespace, {
    getByName: (...args: unknown[]) => stub(namespace.getByName(...(args as [string]))),
    get: (...args: unknown[]) => stub(namespace.get(...(args as [DurableObjectId]))),
  });
}

function meterQueue(queue: Queue): Queue {
  return intercept(queue, {
    send: (...args: unknown[]) =>
      counted("queue", async (r) => {
        await queue.send(...(args as [unknown]));
        if (r !== undefined) r.messages += 1;
      }),
    sendBatch: (...args: unknown[]) =>
      counted("queue", async (r) => {
        const [messages] = args as [Iterable<MessageSendRequest>];
        await queue.sendBatch(...(args as [Iterable<MessageSendRequest>]));
        if (r !== undefined) r.messages += [...messages].length;
      }),
  });
}

function meterRateLimit(limiter: RateLimit): RateLimit {
  return intercept(limiter, {
    limit: (...args: unknown[]) => counted("rate_limit", () => limiter.limit(...(args as [{ key: string }]))),
  });
}
