/** D1 access for the email provider's delivery events and the addresses they suppress. */

/** One delivery event, as recorded. */
export interface MailEvent {
  webhookId: string;
  type: "delivered" | "bounced" | "complained";
  idempotencyKey: string | null;
  providerId: string | null;
  emailKey: string | null;
  userId: string | null;
  detail: string | null;
  createdAt: string;
}

/** The insert of an event, once per webhook message id (a repeat changes nothing): batch it with what follows from it. */
export function recordMailEventStatement(db: D1Database, event: MailEvent): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO mail_events (webhook_id, type, idempotency_key, provider_id, email_key, user_id, detail, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (webhook_id) DO NOTHING`,
    )
    .bind(
      event.webhookId,
      event.type,
      event.idempotencyKey,
      event.providerId,
      event.emailKey,
      event.userId,
      event.detail,
      event.createdAt,
    );
}

/** Stops email to an address until `until` (epoch ms); a later suppression extends it, never shortens it. */
export function suppressStatement(
  db: D1Database,
  emailKey: string,
  until: number,
  reason: string,
  now: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO mail_suppressions (email_key, until, reason, since) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (email_key) DO UPDATE SET until = MAX(until, ?2), reason = ?3, since = ?4`,
    )
    .bind(emailKey, until, reason, now);
}

/** The suppression of an address in force at `now`, if any. */
export async function findSuppression(
  db: D1Database,
  emailKey: string,
  now: number,
): Promise<{ until: number; reason: string; since: number } | null> {
  return db
    .prepare("SELECT until, reason, since FROM mail_suppressions WHERE email_key = ? AND until > ?")
    .bind(emailKey, now)
    .first<{ until: number; reason: string; since: number }>();
}
