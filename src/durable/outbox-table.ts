/**
 * The SessionRegistry's outbox: queue messages that must not be lost (the "password changed" notice), kept
 * in the user's object until the queue accepts them; the object's alarm sends them and retries with backoff.
 * A message is deleted only after the queue took it, so a crash between the two sends it again, which the
 * email's idempotency key (and an outbound event's stable webhook-id) makes harmless.
 */
import { MINUTE_MS, SECOND_MS } from "../core/time";

const MAX_RETRY_DELAY_MS = 5 * MINUTE_MS;

export const OUTBOX_SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY, body TEXT NOT NULL, due_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
  held_version INTEGER);`;

/** The column added after the first release (outboxes created before it get it on start). */
export const OUTBOX_HELD_COLUMN = "ALTER TABLE outbox ADD COLUMN held_version INTEGER";

/** A notice for the outbox: its id (a re-sent one is kept once) and the queue message. */
export interface OutboxNotice {
  id: string;
  message: unknown;
}

interface OutboxRow extends Record<string, SqlStorageValue> {
  id: string;
  body: string;
  due_at: number;
  attempts: number;
}

/** Statements on one object's `outbox` table. */
export class OutboxTable {
  constructor(private readonly sql: SqlStorage) {}

  /** Keeps a message until it is sent; adding the same id twice keeps one. */
  add(id: string, message: unknown, now: number): void {
    this.sql.exec("INSERT OR IGNORE INTO outbox (id, body, due_at) VALUES (?, ?, ?)", id, JSON.stringify(message), now);
  }

  /**
   * Keeps a message that may be sent only once the password change of credential version `version` is in
   * D1 (the "password changed" notice, stored when the change begins). One per version: a retry of the change
   * replaces it while it is held, so the notice tells of the attempt that last began (the likeliest to commit).
   */
  hold(message: unknown, version: number): void {
    this.sql.exec(
      `INSERT INTO outbox (id, body, due_at, held_version) VALUES (?1, ?2, 0, ?3)
       ON CONFLICT (id) DO UPDATE SET body = ?2 WHERE held_version IS NOT NULL`,
      `held:${version}`,
      JSON.stringify(message),
      version,
    );
  }

  /** The changes up to `version` are in D1: their held messages become due now. Returns how many. */
  release(version: number, now: number): number {
    return this.sql.exec("UPDATE outbox SET held_version = NULL, due_at = ? WHERE held_version <= ?", now, version)
      .rowsWritten;
  }

  /** Sends every due message through `send`; a failure is retried after 2, 4, 8 … s, at most 5 minutes. */
  async flush(now: number, send: (message: unknown) => Promise<unknown>): Promise<void> {
    const due = this.sql
      .exec<OutboxRow>("SELECT * FROM outbox WHERE held_version IS NULL AND due_at <= ? ORDER BY due_at", now)
      .toArray();
    for (const row of due) {
      try {
        // A row may hold several messages (a notice and its change's outbound events): each is sent, in
        // order, before the row goes; a failure sends them all again, which their ids make harmless.
        const body: unknown = JSON.parse(row.body);
        for (const message of Array.isArray(body) ? body : [body]) await send(message);
        this.sql.exec("DELETE FROM outbox WHERE id = ?", row.id);
      } catch (error) {
        const delay = Math.min(2 ** (row.attempts + 1) * SECOND_MS, MAX_RETRY_DELAY_MS);
        this.sql.exec("UPDATE outbox SET attempts = attempts + 1, due_at = ? WHERE id = ?", now + delay, row.id);
        console.error(
          JSON.stringify({ event: "outbox_send_failed", id: row.id, attempts: row.attempts + 1, error: String(error) }),
        );
      }
    }
  }

  /** When the next message is due, or null when none is (held messages wait for their release). */
  nextDue(): number | null {
    return this.sql.exec<{ m: number | null }>("SELECT MIN(due_at) AS m FROM outbox WHERE held_version IS NULL").one()
      .m;
  }
}
