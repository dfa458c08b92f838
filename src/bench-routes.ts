/**
 * Baselines for the benchmark (bench/run.mjs), served by the same runtime as the real routes:
 * a hello-world route and a route that does exactly one PBKDF2 derivation at production parameters.
 * Mounted only when BENCH_ROUTES=true outside production.
 */
import { Hono } from "hono";
import type { AppEnv } from "./api/app-env";
import { apiError } from "./api/errors";
import { spendPasswordCheck } from "./domain/password-hash";
import { sessionRegistry } from "./domain/sessions";

export const benchRoutes = new Hono<AppEnv>()
  .use(async function benchOnly(c, next) {
    if (!c.get("config").benchRoutes) return apiError(c, "not_found");
    await next();
  })
  .get("/hello", (c) => c.json({ hello: "world" }))
  .post("/pbkdf2", async (c) => {
    await spendPasswordCheck("correct horse battery staple", c.get("config").pepper);
    return c.json({ ok: true });
  })
  // Fills a user's registry with n sessions and times revokeAllSessions inside the object.
  .post("/revoke-all", async (c) => {
    const n = Number(c.req.query("sessions"));
    const userId = c.req.query("user") ?? "";
    if (!Number.isInteger(n) || n < 1 || n > 100_000 || !/^blt[0-9a-f]{24}$/.test(userId)) return apiError(c, "validation_failed");
    const registry = sessionRegistry(c.env, userId);
    const client = { ip: "127.0.0.1", userAgent: "bench", location: null };
    for (let i = 0; i < n; i++) await registry.createSession(userId, 0, client, Date.now());
    const started = performance.now();
    const revoked = await registry.revokeAllSessions("signed_out_everywhere");
    return c.json({ revoked, ms: performance.now() - started });
  });
