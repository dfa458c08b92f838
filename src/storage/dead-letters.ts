/** D1 access for emails that could not be delivered: operators read `mail_dead_letters`. */

export interface DeadLetterRow {
  messageId: string;
  kind: string;
  reason: string;
  attempts: number;
  createdAt: string;
}

/** Longest reason kept; provider error bodies can be long. */
const MAX_REASON_LENGTH = 1000;

/** Records one undeliverable email. */
export async function insertDeadLetter(db: D1Database, row: DeadLetterRow): Promise<void> {
  await db
    .prepare("INSERT INTO mail_dead_letters (message_id, kind, reason, attempts, created_at) VALUES (?, ?, ?, ?, ?)")
    .bind(row.messageId, row.kind, row.reason.slice(0, MAX_REASON_LENGTH), row.attempts, row.createdAt)
    .run();
}
