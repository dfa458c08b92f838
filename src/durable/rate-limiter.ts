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

export type HitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

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
    if (id !== null && sql.exec("SELECT 1 FROM hits WHERE id = ?", id).toArray().length > 0) return { allowed: true };
    let retryAfterMs = 0;
    for (const w of windows) {
      const inWindow = sql
        .exec<{ at: number }>("SELECT at FROM hits WHERE at > ? ORDER BY at DESC LIMIT ?", now - w.ms, w.max)
        .toArray();
      if (inWindow.length >= w.max) {
        const oldestCounted = inWindow[inWindow.length - 1]!.at;
        retryAfterMs = Math.max(retryAfterMs, oldestCounted + w.ms - now);
      }
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
    sql.exec("INSERT INTO hits (at, id) VALUES (?, ?)", now, id);
    await this.ctx.storage.setAlarm(now + longest);
    return { allowed: true };
  }

  /** Forgets everything once the longest window has passed, so an idle key (e.g. a made-up email) keeps no storage. */
  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}
