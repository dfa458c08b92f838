import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/dev/worker";

describe("daily clean-up (scheduled)", () => {
  it("deletes failed-sign-in counters older than a day, keeps recent ones and live locks", async () => {
    const now = Date.UTC(2026, 10, 28, 3, 17);
    const day = 86_400_000;
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at) VALUES (?, 'net:10.0.0.1', ?, ?, ?)",
      ).bind("stale", 3, 0, now - 2 * day),
      env.DB.prepare(
        "INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at) VALUES (?, 'net:10.0.0.1', ?, ?, ?)",
      ).bind("recent", 2, 0, now - 60_000),
      env.DB.prepare(
        "INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at) VALUES (?, 'net:10.0.0.1', ?, ?, ?)",
      ).bind("locked", 9, now + 60_000, now - 2 * day),
    ]);
    await worker.scheduled!(createScheduledController({ cron: "17 3 * * *", scheduledTime: now }), env);
    const { results } = await env.DB.prepare("SELECT email_key FROM sign_in_throttle ORDER BY email_key").all<{
      email_key: string;
    }>();
    expect(results.map((r) => r.email_key)).toEqual(["locked", "recent"]);
  });
});
