/** D1 access for the admin API's audit (migration 0014): one row per authenticated call, in the first shard. */

/** One admin call as recorded: never an email address, so an erased account's rows are tombstones. */
export interface AdminActionRecord {
  keyName: string;
  action: string;
  userId: string | null;
  reason: string | null;
  status: number;
  ip: string | null;
  createdAt: string;
}

/** Records one call. */
export async function recordAdminAction(db: D1Database, record: AdminActionRecord): Promise<void> {
  await db
    .prepare(
      "INSERT INTO admin_actions (key_name, action, user_id, reason, status, ip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(record.keyName, record.action, record.userId, record.reason, record.status, record.ip, record.createdAt)
    .run();
}

/** The calls made about one account, oldest first (an export, and tests). */
export async function listAdminActions(db: D1Database, userId: string): Promise<AdminActionRecord[]> {
  const { results } = await db
    .prepare(
      "SELECT key_name, action, user_id, reason, status, ip, created_at FROM admin_actions WHERE user_id = ? ORDER BY id",
    )
    .bind(userId)
    .all<{
      key_name: string;
      action: string;
      user_id: string | null;
      reason: string | null;
      status: number;
      ip: string | null;
      created_at: string;
    }>();
  return results.map((r) => ({
    keyName: r.key_name,
    action: r.action,
    userId: r.user_id,
    reason: r.reason,
    status: r.status,
    ip: r.ip,
    createdAt: r.created_at,
  }));
}
