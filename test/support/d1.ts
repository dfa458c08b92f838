/**
 * D1 as the tests see it: one tap that records what the Worker prepares, binds and batches on the shared
 * bindings, and lets a test take over the running of chosen statements (delay them, fail them, or run them
 * and lose the reply); and a stand-in for a database that cannot be reached, for an env copy.
 */
import { env } from "cloudflare:workers";
import { vi } from "vitest";
import { allShardDatabases } from "../../src/storage/shard-databases";

/** One statement as the Worker ran it: its SQL, the values bound to it, and how it was run. */
export interface D1Call {
  sql: string;
  values: unknown[];
  /** "batch": a batch holding an intercepted statement; `sql` and `values` are that statement's. */
  method: "run" | "first" | "all" | "raw" | "batch";
}

/** What a statement the tap intercepts does instead: `proceed` runs it for real. */
export type D1Intercept = (call: D1Call, proceed: () => Promise<unknown>) => Promise<unknown>;

/** What a tap saw, oldest first, and how to take it off. */
export interface D1Tap {
  /** Every SQL text prepared. */
  readonly prepared: string[];
  /** Every statement bound, with its values. */
  readonly bound: { sql: string; values: unknown[] }[];
  /** Every batch, as the SQL of its statements. */
  readonly batches: string[][];
  /** Every run of an intercepted statement, so a test can show its fault did happen. */
  readonly intercepted: D1Call[];
  mockRestore(): void;
}

const METHODS = ["run", "first", "all", "raw"] as const;

/**
 * Taps `prepare` and `batch` of the given databases (by default every shard of the test run's layout, the
 * bindings the Worker itself uses). Statements whose SQL `match` accepts are run through `intercept`; its
 * closure's state is shared by all shards, so a fault aimed at one statement hits it in whichever shard it
 * runs. A batch that holds an intercepted statement goes through `intercept` as a whole (method "batch"):
 * `proceed` runs the whole batch, as D1 does, in one transaction.
 */
export function tapD1(
  options: { match?: (sql: string) => boolean; intercept?: D1Intercept; databases?: D1Database[] } = {},
): D1Tap {
  const { match = () => false, intercept, databases = allShardDatabases(env).map(({ db }) => db) } = options;
  const tap = {
    prepared: [] as string[],
    bound: [] as D1Tap["bound"],
    batches: [] as string[][],
    intercepted: [] as D1Call[],
  };
  const sqlOf = new WeakMap<D1PreparedStatement, string>();
  /** The real statement behind each intercepted one, with its SQL and values, for batches. */
  const realOf = new WeakMap<object, { statement: D1PreparedStatement; sql: string; values: unknown[] }>();

  /** A statement whose running goes through `intercept`. */
  const intercepted = (statement: D1PreparedStatement, sql: string, values: unknown[]): D1PreparedStatement => {
    const wrapper: Record<string, unknown> = {
      bind: (...next: unknown[]) => {
        tap.bound.push({ sql, values: next });
        return intercepted(statement.bind(...next), sql, next);
      },
    };
    for (const method of METHODS) {
      wrapper[method] = (...args: unknown[]) => {
        const call = { sql, values, method };
        tap.intercepted.push(call);
        const proceed = () => (statement[method] as (...a: unknown[]) => Promise<unknown>)(...args);
        return intercept === undefined ? proceed() : intercept(call, proceed);
      };
    }
    realOf.set(wrapper, { statement, sql, values });
    return wrapper as unknown as D1PreparedStatement;
  };

  /** A real statement that records its binding (and stays a real statement, so batches take it). */
  const recorded = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    sqlOf.set(statement, sql);
    const realBind = statement.bind.bind(statement);
    statement.bind = (...values: unknown[]) => {
      tap.bound.push({ sql, values });
      const bound = realBind(...values);
      sqlOf.set(bound, sql);
      return bound;
    };
    return statement;
  };

  const spies = databases.flatMap((db) => {
    const realPrepare = db.prepare.bind(db);
    const realBatch = db.batch.bind(db);
    return [
      vi.spyOn(db, "prepare").mockImplementation((sql: string) => {
        tap.prepared.push(sql);
        const statement = realPrepare(sql);
        return match(sql) ? intercepted(statement, sql, []) : recorded(statement, sql);
      }),
      vi.spyOn(db, "batch").mockImplementation((statements) => {
        tap.batches.push(statements.map((s) => sqlOf.get(s) ?? realOf.get(s)?.sql ?? "?"));
        const held = statements.map((s) => realOf.get(s)).find((r) => r !== undefined);
        const real = statements.map((s) => realOf.get(s)?.statement ?? s);
        if (held === undefined) return realBatch(real);
        const call = { sql: held.sql, values: held.values, method: "batch" as const };
        tap.intercepted.push(call);
        const proceed = () => realBatch(real);
        return (intercept === undefined ? proceed() : intercept(call, proceed)) as ReturnType<typeof realBatch>;
      }),
    ];
  });
  return {
    ...tap,
    mockRestore() {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

/** A database that cannot be reached: every prepare and batch throws (for an env copy handed to the Worker). */
export function unreachableD1(db: D1Database, message = "D1 unavailable (simulated)"): D1Database {
  const fail = () => {
    throw new Error(message);
  };
  return new Proxy(db, {
    get: (target, property) => (property === "prepare" || property === "batch" ? fail : Reflect.get(target, property)),
  });
}
