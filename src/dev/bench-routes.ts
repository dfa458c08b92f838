/**
 * Baselines for the benchmark (bench/run.mjs), served by the same runtime as the real routes:
 * a hello-world route and a route that does exactly one PBKDF2 derivation at production parameters;
 * plus a calibration route for the cost of single binding calls, and revoke-all timing.
 * Part of the development entry (dev/worker.ts) only, never of the production bundle; and even there it
 * answers only when BENCH_ROUTES=true and the request is addressed to this machine.
 */
import { Hono } from "hono";
import { spendPasswordCheck } from "../core/password-hash";
import { newUserId, UID_PATTERN } from "../core/shards";
import { sessionRegistry } from "../durable/session-registry";
import { apiError } from "../http/api-errors";
import type { AppEnv } from "../http/app-env";
import { localOnly } from "../http/local-only";
import { releaseAttempt } from "../storage/sign-in-throttle";
import { meterTotals, resetMeter } from "./binding-meter";

/** createSession calls in flight at once while seeding revoke-all. */
const SEED_CHUNK = 250;
/** Pause between seeding and timing revoke-all. */
const SETTLE_MS = 200;

/** Bench-only keys: nothing here touches a real account, session or limit. */
const IO_KINDS = {
  none: async (_env: Env) => {},
  d1_read: async (env: Env) => {
    await env.DB.prepare("SELECT 1 AS one").first();
  },
  // One UPDATE through the throttle's own module, on a key no email hashes to: a write that changes nothing.
  d1_write: async (env: Env) => {
    const hold = { emailKey: "bench-calibration", slotScope: "bench", attemptId: "bench", reserved: false };
    await releaseAttempt(env.DB, hold);
  },
  kv_get: async (env: Env) => {
    await env.KV.get("bench-calibration");
  },
  kv_put: async (env: Env) => {
    await env.KV.put("bench-calibration", "1", { expirationTtl: 60 });
  },
  durable_object: async (env: Env) => {
    await sessionRegistry(env, "blt00000000000000000000be9c").credentialVersion();
  },
  // The first call into a registry that has never run, as the bench's sign-ins, passkey sign-ins and resets
  // mostly make (a different account per request): the runtime creates the object and opens its SQLite
  // storage, locally on the Worker's own thread. A new id each call. (A registry that ran before and was
  // evicted also checks its schema on construction, which this does not price.)
  durable_object_first: async (env: Env) => {
    await sessionRegistry(env, newUserId(0)).credentialVersion();
  },
  rate_limit: async (env: Env) => {
    await env.IP_SIGN_UP_LIMIT.limit({ key: "bench-calibration" });
  },
} as const;

export const benchRoutes = new Hono<AppEnv>()
  .basePath("/__bench")
  .use(localOnly((config) => config.benchRoutes))
  .get("/hello", (c) => c.json({ hello: "world" }))
  // The binding meter's totals per flow since the last reset (dev/binding-meter.ts).
  .get("/meter", (c) => c.json(meterTotals()))
  .post("/meter/reset", (c) => {
    resetMeter();
    return c.json({ ok: true });
  })
  .post("/pbkdf2", async (c) => {
    await spendPasswordCheck("correct horse battery staple", c.get("config").pepper);
    return c.json({ ok: true });
  })
  // Calibration: `n` sequential calls of one kind of binding operation, so the bench can tell how much CPU a
  // single D1 query, KV operation, Durable Object call or rate-limit check costs on the local runtime.
  .post("/io", async (c) => {
    const kind = c.req.query("kind") ?? "";
    const n = Number(c.req.query("n") ?? "1");
    if (!Number.isInteger(n) || n < 0 || n > 100 || !(kind in IO_KINDS)) return apiError(c, "validation_failed");
    const op = IO_KINDS[kind as keyof typeof IO_KINDS];
    for (let i = 0; i < n; i++) await op(c.env);
    return c.json({ kind, n });
  })
  // Fills `users` registries (default 1) with `sessions` sessions each, then times revokeAllSessions on each
  // of them in turn, as the Worker sees it (RPC round trip and the object's storage commit included).
  // Workers clocks tick in whole milliseconds and only across I/O, so revoking several registries in one
  // timed stretch gives sub-millisecond means. Seeding sends createSession calls in concurrent chunks:
  // the object still runs them one at a time, but their storage commits coalesce.
  .post("/revoke-all", async (c) => {
    const n = Number(c.req.query("sessions"));
    const users = Number(c.req.query("users") ?? "1");
    const userId = c.req.query("user") ?? "";
    if (!Number.isInteger(n) || n < 1 || n > 100_000 || !UID_PATTERN.test(userId))
      return apiError(c, "validation_failed");
    if (!Number.isInteger(users) || users < 1 || users > 100 || n * users > 200_000)
      return apiError(c, "validation_failed");
    // Registry k of this request: the given id with its last two hex digits replaced by k.
    const ids = Array.from({ length: users }, (_, k) => userId.slice(0, -2) + k.toString(16).padStart(2, "0"));
    const client = { ip: "127.0.0.1", userAgent: "bench", location: null };
    const seedStarted = Date.now();
    // Registries are seeded concurrently: their storage commits can overlap.
    await Promise.all(
      ids.map(async (id) => {
        const registry = sessionRegistry(c.env, id);
        for (let done = 0; done < n; ) {
          const chunk = Math.min(SEED_CHUNK, n - done);
          await Promise.all(Array.from({ length: chunk }, () => registry.createSession(id, 0, client, Date.now())));
          done += chunk;
        }
      }),
    );
    const seedMs = Date.now() - seedStarted;
    const registries = ids.map((id) => sessionRegistry(c.env, id));
    // Let the seeding's tail of work settle, then touch each object, so the timed calls measure the revoke only.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    for (const registry of registries) await registry.credentialVersion();
    const samples: number[] = [];
    let revoked = 0;
    const started = performance.now();
    for (const registry of registries) {
      const t = performance.now();
      revoked += await registry.revokeAllSessions("signed_out_everywhere", Date.now());
      samples.push(performance.now() - t);
    }
    const total = performance.now() - started;
    if (revoked !== n * users) return c.json({ error: `revoked ${revoked}, expected ${n * users}` }, 500);
    return c.json({ revoked, users, ms: total / users, total_ms: total, samples_ms: samples, seed_ms: seedMs });
  });
