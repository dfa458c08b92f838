/**
 * RateLimiter: an exact sliding-window counter, one Durable Object per key (e.g. "forgot:<email hash>").
 * Used where counts must be exact and global (per-email mail limits); the Workers rate-limit binding,
 * which is per-location and approximate, only does per-IP flood control.
 */
import { DurableObject } from "cloudflare:workers";

export interface Window {
  /** Length of the window in milliseconds. */
  ms: number;
  /** Hits allowed inside it. */
  max: number;
}

export type HitResult = { ok: true } | { ok: false; reason: "limited" };

/** The limiter for one key, e.g. "forgot:<email hash>". */
export function rateLimiter(env: Env, key: string): DurableObjectStub<RateLimiter> {
  return env.RATE_LIMITER.getByName(key);
}

/** Sliding-window rate limiter; call `hit` once per attempt. */
export class RateLimiter extends DurableObject<Env> {
  /**
   * Records a hit if every window allows it; a refused hit is not counted. A hit with an `id` already
   * counted is allowed again without counting, so a retried queue message is not limited by itself.
   */
  async hit(windows: Window[], now: number, id: string | null = null): Promise<HitResult> {
    const sql = this.ctx.storage.sql;
    // Created per call: the alarm deletes all storage, table included, once a key falls idle.
    sql.exec("CREATE TABLE IF NOT EXISTS hits (at INTEGER NOT NULL, id TEXT UNIQUE)");
    const longest = Math.max(...windows.map((w) => w.ms));
    sql.exec("DELETE FROM hits WHERE at <= ?", now - longest);
    if (id !== null && sql.exec("SELECT 1 FROM hits WHERE id = ?", id).toArray().length > 0) return { ok: true };
    const full = windows.some(
      (w) => sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM hits WHERE at > ?", now - w.ms).one().n >= w.max,
    );
    if (full) return { ok: false, reason: "limited" };
    sql.exec("INSERT INTO hits (at, id) VALUES (?, ?)", now, id);
    // Only ever later: a retried older job (an earlier `now`) must not bring the wipe forward over live hits.
    const alarm = await this.ctx.storage.getAlarm();
    if (alarm === null || alarm < now + longest) await this.ctx.storage.setAlarm(now + longest);
    return { ok: true };
  }

  /** Forgets everything once the longest window has passed, so an idle key (e.g. a made-up email) keeps no storage. */
  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}
