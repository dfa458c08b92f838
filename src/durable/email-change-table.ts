/**
 * The SessionRegistry's `email_change` table: the account's one email change, from the confirmation link
 * sent to the new address (pending, 60 minutes) through the change (done, revertable from the old address
 * for 7 days). One row at most: asking again replaces it, so only the newest link works. Every statement is
 * synchronous, so the object's methods stay atomic.
 */

export const EMAIL_CHANGE_SCHEMA = `
CREATE TABLE IF NOT EXISTS email_change (
  id INTEGER PRIMARY KEY CHECK (id = 1), change_id TEXT NOT NULL, old_email TEXT NOT NULL, new_email TEXT NOT NULL,
  asked_at INTEGER NOT NULL, keep_session_id TEXT, done_at INTEGER);`;

/** The row of `email_change`. */
export interface EmailChangeRow extends Record<string, SqlStorageValue> {
  change_id: string;
  old_email: string;
  new_email: string;
  asked_at: number;
  keep_session_id: string | null;
  /** Null while the new address has not confirmed. */
  done_at: number | null;
}

/** Statements on one object's `email_change` table. */
export class EmailChangeTable {
  constructor(private readonly sql: SqlStorage) {}

  read(): EmailChangeRow | undefined {
    return this.sql.exec<EmailChangeRow>("SELECT * FROM email_change WHERE id = 1").toArray()[0];
  }

  /** A new pending change replaces whatever was there (an older link, a done change). */
  ask(row: Omit<EmailChangeRow, "done_at">, now: number): void {
    this.sql.exec(
      `INSERT OR REPLACE INTO email_change (id, change_id, old_email, new_email, asked_at, keep_session_id, done_at)
       VALUES (1, ?, ?, ?, ?, ?, NULL)`,
      row.change_id,
      row.old_email,
      row.new_email,
      now,
      row.keep_session_id,
    );
  }

  /** The pending change `changeId` is confirmed: it is done from `now` (and its link spent). */
  markDone(changeId: string, now: number): void {
    this.sql.exec("UPDATE email_change SET done_at = ? WHERE change_id = ? AND done_at IS NULL", now, changeId);
  }

  /** Forgets the change (dropped, refused by D1, or reverted): its links stop working. */
  clear(): void {
    this.sql.exec("DELETE FROM email_change");
  }
}
