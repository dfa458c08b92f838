/**
 * The SessionRegistry's `reset_requests` table: when this user's recent forgot-password requests were
 * counted, so the per-address email limit is exact and lives with the account (no object per address,
 * nothing at all for an address without an account). Rows older than the longest window are pruned on
 * every count, so an account keeps at most a handful.
 */

export const RESET_REQUEST_SCHEMA = `
CREATE TABLE IF NOT EXISTS reset_requests (request_id TEXT PRIMARY KEY, at INTEGER NOT NULL);`;

/** Statements on one object's `reset_requests` table. */
export class ResetRequestTable {
  constructor(private readonly sql: SqlStorage) {}

  /** Whether this request was already counted (a retried queue message). */
  has(requestId: string): boolean {
    return this.sql.exec("SELECT 1 FROM reset_requests WHERE request_id = ?", requestId).toArray().length > 0;
  }

  /** Forgets requests made at or before `at`. */
  prune(at: number): void {
    this.sql.exec("DELETE FROM reset_requests WHERE at <= ?", at);
  }

  /** When each counted request was made. */
  times(): number[] {
    return this.sql
      .exec<{ at: number }>("SELECT at FROM reset_requests")
      .toArray()
      .map((row) => row.at);
  }

  add(requestId: string, at: number): void {
    this.sql.exec("INSERT OR IGNORE INTO reset_requests (request_id, at) VALUES (?, ?)", requestId, at);
  }
}
