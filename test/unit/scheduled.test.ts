import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/dev/worker";
import { pruneAuditEvents } from "../../src/storage/audit";
import { everyShard } from "../helpers";

describe("daily clean-up (scheduled)", () => {
  it("deletes failed-sign-in counters older than a day, keeps recent ones and live locks, in every shard", async () => {
    const now = Date.UTC(2026, 10, 28, 3, 17);
    const day = 86_400_000;
    for (const db of everyShard()) {
      const insert = db.prepare(
        "INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at) VALUES (?, 'net:10.0.0.1', ?, ?, ?)",
      );
      await db.batch([
        insert.bind("stale", 3, 0, now - 2 * day),
        insert.bind("recent", 2, 0, now - 60_000),
        insert.bind("locked", 9, now + 60_000, now - 2 * day),
      ]);
    }
    await worker.scheduled!(createScheduledController({ cron: "17 3 * * *", scheduledTime: now }), env);
    for (const db of everyShard()) {
      const { results } = await db
        .prepare("SELECT email_key FROM sign_in_throttle ORDER BY email_key")
        .all<{ email_key: string }>();
      expect(results.map((r) => r.email_key)).toEqual(["locked", "recent"]);
    }
  });

  it("forgets a known network 30 days after its last successful sign-in, keeps a recent one", async () => {
    const now = Date.UTC(2026, 10, 29, 3, 17);
    const day = 86_400_000;
    const insert = env.DB.prepare(
      "INSERT INTO sign_in_known_networks (email_key, network, signed_in_at) VALUES ('known-net-cleanup', ?, ?)",
    );
    await env.DB.batch([insert.bind("198.51.100.1", now - 31 * day), insert.bind("198.51.100.2", now - 29 * day)]);
    await worker.scheduled!(createScheduledController({ cron: "17 3 * * *", scheduledTime: now }), env);
    const { results } = await env.DB.prepare(
      "SELECT network FROM sign_in_known_networks WHERE email_key = 'known-net-cleanup'",
    ).all<{ network: string }>();
    expect(results.map((r) => r.network)).toEqual(["198.51.100.2"]);
  });
});

describe("bounded audit growth", () => {
  const day = 86_400_000;
  const now = Date.UTC(2026, 10, 28, 3, 17);
  const insert = (userId: string | null, type: string, at: number) =>
    env.DB.prepare(
      "INSERT INTO audit_events (user_id, type, ip, user_agent, detail, created_at) VALUES (?, ?, '203.0.113.9', 'Mozilla/5.0', NULL, ?)",
    ).bind(userId, type, new Date(at).toISOString());
  const count = async (userId: string | null) =>
    (
      await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE user_id IS ?")
        .bind(userId)
        .first<{ n: number }>()
    )?.n;

  it("the daily job drops accounts' events after AUDIT_RETENTION_DAYS (400) and unknown-email failures after 30 days", async () => {
    const user = `blt${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
    await env.DB.prepare("DELETE FROM audit_events WHERE user_id IS NULL").run();
    await env.DB.batch([
      insert(user, "sign_in", now - 401 * day),
      insert(user, "sign_in", now - 399 * day),
      insert(null, "sign_in_failed", now - 31 * day),
      insert(null, "sign_in_failed", now - 29 * day),
    ]);
    await worker.scheduled!(createScheduledController({ cron: "17 3 * * *", scheduledTime: now }), env);
    expect(await count(user)).toBe(1);
    expect(await count(null)).toBe(1);
  });

  it("prunes in bounded slices and says when rows remain for the next run", async () => {
    const user = `blt${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
    await env.DB.batch(Array.from({ length: 5 }, () => insert(user, "sign_in", now - 500 * day)));
    const before = new Date(now - 400 * day).toISOString();
    const first = await pruneAuditEvents(env.DB, "accounts", before, { slice: 2, maxSlices: 2 });
    expect(first).toEqual({ deleted: 4, more: true });
    const second = await pruneAuditEvents(env.DB, "accounts", before, { slice: 2, maxSlices: 2 });
    expect(second.more).toBe(false);
    expect(await count(user)).toBe(0);
  });

  // Abuse: a flood of failed sign-ins on one account must not grow its history (or the table) without bound.
  it("an account keeps its newest 1,000 events", async () => {
    const user = `blt${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
    await env.DB.batch(Array.from({ length: 1000 + 5 }, (_, i) => insert(user, "sign_in_failed", now + i)));
    expect(await count(user)).toBe(1000);
    const oldest = await env.DB.prepare("SELECT MIN(created_at) AS at FROM audit_events WHERE user_id = ?")
      .bind(user)
      .first<{ at: string }>();
    expect(oldest?.at).toBe(new Date(now + 5).toISOString());
  });
});
