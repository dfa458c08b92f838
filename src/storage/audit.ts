/** D1 access for the security audit trail shown on /account. */
import { truncateUserAgent } from "../core/user-agent";

export type AuditEventType =
  | "sign_up"
  | "sign_in"
  | "sign_in_failed"
  | "sign_out"
  | "sessions_revoked"
  | "password_reset_requested"
  | "password_reset_completed"
  | "password_changed"
  | "reset_email_bounced"
  | "email_bounced"
  | "email_complained";

export interface AuditContext {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEvent extends AuditContext {
  type: AuditEventType;
  detail: string | null;
  createdAt: string;
}

/** The insert for one event: `.run()` it, or batch it with the other writes of its step. `userId` is null only for failed sign-ins on unknown emails. */
export function auditEventStatement(
  db: D1Database,
  userId: string | null,
  type: AuditEventType,
  context: AuditContext,
  now: string,
  detail: string | null = null,
): D1PreparedStatement {
  return db
    .prepare("INSERT INTO audit_events (user_id, type, ip, user_agent, detail, created_at) VALUES (?, ?, ?, ?, ?, ?)")
    .bind(userId, type, context.ip, truncateUserAgent(context.userAgent), detail, now);
}

/** Forgets failed-sign-in events on unknown emails once they are older than `before` (ISO-8601). */
export async function deleteOldUnknownEmailEvents(db: D1Database, before: string): Promise<number> {
  const result = await db
    .prepare("DELETE FROM audit_events WHERE user_id IS NULL AND created_at < ?")
    .bind(before)
    .run();
  return result.meta.changes;
}

/** The newest events of a user. */
export async function listAuditEvents(db: D1Database, userId: string, limit: number): Promise<AuditEvent[]> {
  const { results } = await db
    .prepare(
      "SELECT type, ip, user_agent, detail, created_at FROM audit_events WHERE user_id = ? ORDER BY id DESC LIMIT ?",
    )
    .bind(userId, limit)
    .all<{
      type: AuditEventType;
      ip: string | null;
      user_agent: string | null;
      detail: string | null;
      created_at: string;
    }>();
  return results.map((r) => ({
    type: r.type,
    ip: r.ip,
    userAgent: r.user_agent,
    detail: r.detail,
    createdAt: r.created_at,
  }));
}
