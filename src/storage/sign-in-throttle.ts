/**
 * D1 access for failed sign-in counting, keyed by the hash of the normalised email so unknown
 * emails are throttled exactly like known ones. Increments are atomic (UPDATE ... RETURNING).
 */

export interface ThrottleState {
  failures: number;
  lockedUntil: number;
}

/** Counts one failure and stores the lock that `lockFor(failures)` decides. Returns the new state. */
export async function recordFailure(
  db: D1Database,
  emailKey: string,
  now: number,
  lockFor: (failures: number) => number,
): Promise<ThrottleState> {
  const row = await db
    .prepare(
      `INSERT INTO sign_in_throttle (email_key, failures, locked_until, updated_at) VALUES (?1, 1, 0, ?2)
       ON CONFLICT (email_key) DO UPDATE SET failures = failures + 1, updated_at = ?2 RETURNING failures`,
    )
    .bind(emailKey, now)
    .first<{ failures: number }>();
  const failures = row?.failures ?? 1;
  const lockMs = lockFor(failures);
  if (lockMs === 0) return { failures, lockedUntil: 0 };
  const lockedUntil = now + lockMs;
  await db.prepare("UPDATE sign_in_throttle SET locked_until = ? WHERE email_key = ?").bind(lockedUntil, emailKey).run();
  return { failures, lockedUntil };
}

/** Forgets failures (successful sign-in, password reset); batched with the other writes of that step. */
export function clearThrottleStatement(db: D1Database, emailKey: string): D1PreparedStatement {
  return db.prepare("DELETE FROM sign_in_throttle WHERE email_key = ?").bind(emailKey);
}

/**
 * Deletes counters whose last failure is older than `olderThan` and which hold no live lock, so rows
 * for mistyped or made-up emails do not pile up, and old failures stop counting towards a lock.
 * Returns how many rows were deleted.
 */
export async function deleteStaleThrottles(db: D1Database, olderThan: number, now: number): Promise<number> {
  const result = await db.prepare("DELETE FROM sign_in_throttle WHERE updated_at < ? AND locked_until <= ?").bind(olderThan, now).run();
  return result.meta.changes;
}
