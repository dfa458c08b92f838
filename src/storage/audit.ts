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
  | "email_complained"
  | "two_factor_enabled"
  | "two_factor_disabled"
  | "recovery_codes_regenerated"
  | "recovery_code_used"
  | "second_factor_failed"
  | "email_language_changed"
  | "new_device_sign_in"
  | "new_device_notices_on"
  | "new_device_notices_off"
  | "second_address_requested"
  | "second_address_added"
  | "second_address_removed"
  | "passkey_added"
  | "passkey_removed"
  | "email_change_requested"
  | "email_changed"
  | "email_change_reverted"
  | "account_locked_down";

export interface AuditContext {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEvent extends AuditContext {
  type: AuditEventType;
  detail: string | null;
  createdAt: string;
}

/**
 * The insert for one event that happens only if `when` (an SQL condition and its values) holds as its batch
 * runs: an event batched with the write it records, for the one writer whose write took effect.
 */
export function auditEventWhenStatement(
  db: D1Database,
  userId: string,
  type: AuditEventType,
  context: AuditContext,
  now: string,
  detail: string | null,
  when: { sql: string; values: unknown[] },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_events (user_id, type, ip, user_agent, detail, created_at) SELECT ?, ?, ?, ?, ?, ? WHERE ${when.sql}`,
    )
    .bind(userId, type, context.ip, truncateUserAgent(context.userAgent), detail, now, ...when.values);
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

/**
 * The insert for one event that happens only if the statement just before it in the same batch changed a
 * row (SQLite's changes()): a record and its audit row in one atomic batch, the row only the first time.
 */
export function auditEventIfChangedStatement(
  db: D1Database,
  userId: string,
  type: AuditEventType,
  now: string,
  detail: string | null,
): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO audit_events (user_id, type, ip, user_agent, detail, created_at) SELECT ?, ?, NULL, NULL, ?, ? WHERE changes() = 1",
    )
    .bind(userId, type, detail, now);
}

/** Events an account keeps at most (the trigger of migration 0006 deletes older ones on insert). */
export const AUDIT_EVENTS_PER_USER = 1000;

/** Which events an age limit applies to: those of accounts, or failed sign-ins on unknown emails. */
export type AuditScope = "accounts" | "unknown_emails";

/**
 * Deletes events of `scope` created before `before` (ISO-8601), `slice` rows per statement so each stays
 * well inside D1's limits on one statement's time and rows; at most `maxSlices` statements. Ids grow with
 * time, so each slice finds its rows at the front of the table. Returns the rows deleted and whether
 * old rows may remain for the next run.
 */
export async function pruneAuditEvents(
  db: D1Database,
  scope: AuditScope,
  before: string,
  { slice = 1000, maxSlices = 50 } = {},
): Promise<{ deleted: number; more: boolean }> {
  const who = scope === "accounts" ? "user_id IS NOT NULL" : "user_id IS NULL";
  const statement = db.prepare(
    `DELETE FROM audit_events WHERE id IN
       (SELECT id FROM audit_events WHERE ${who} AND created_at < ?1 ORDER BY id LIMIT ?2)`,
  );
  let deleted = 0;
  for (let i = 0; i < maxSlices; i++) {
    const changes = (await statement.bind(before, slice).run()).meta.changes;
    deleted += changes;
    if (changes < slice) return { deleted, more: false };
  }
  return { deleted, more: true };
}

/** The newest events of a user. */
export async function listAuditEvents(
  db: D1Database | D1DatabaseSession,
  userId: string,
  limit: number,
): Promise<AuditEvent[]> {
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
