/**
 * The sign-in throttle outside an attempt: its failures read for Contentstack's failed_attempts, cleared by
 * a successful sign-in or a reset, and aged out by the daily clean-up (the attempt itself: sign-in-throttle.ts).
 */
import { clearCapStatement, deleteStaleKnownNetworksStatement } from "./sign-in-cap";

/** An email's failed sign-ins across its scopes (Contentstack's failed_attempts), as users.findUserWithFailures counts them. */
export async function countFailures(db: D1Database | D1DatabaseSession, emailKey: string): Promise<number> {
  const row = await db
    .prepare("SELECT COALESCE(SUM(failures), 0) AS failures FROM sign_in_throttle WHERE email_key = ? AND scope != '*'")
    .bind(emailKey)
    .first<{ failures: number }>();
  return row?.failures ?? 0;
}

/**
 * Forgets every scope's failures and the marks, frees the slots, and starts the daily cap's count again,
 * keeping other attempts' reservations (successful sign-in, password reset); batched with that step.
 * `givesBack`: the successful attempt's own reservation. Known networks stay (a reset keeps them).
 */
export function clearThrottleStatements(
  db: D1Database,
  emailKey: string,
  { now, givesBack }: { now: number; givesBack: boolean },
): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM sign_in_throttle WHERE email_key = ? AND scope != '*'").bind(emailKey),
    clearCapStatement(db, emailKey, { now, givesBack }),
    db.prepare("DELETE FROM sign_in_failure_marks WHERE email_key = ?").bind(emailKey),
  ];
}

/**
 * Deletes counters whose last failure is older than `olderThan` and which hold no live lock, so rows for
 * mistyped or made-up emails do not pile up and old failures stop counting; and every mark older than
 * `olderThan`; and networks not signed in from for 30 days. Returns how many counters were deleted.
 */
export async function deleteStaleThrottles(db: D1Database, olderThan: number, now: number): Promise<number> {
  const [throttles] = await db.batch([
    db.prepare("DELETE FROM sign_in_throttle WHERE updated_at < ? AND locked_until <= ?").bind(olderThan, now),
    db.prepare("DELETE FROM sign_in_failure_marks WHERE created_at < ?").bind(olderThan),
    deleteStaleKnownNetworksStatement(db, now),
  ]);
  return throttles?.meta.changes ?? 0;
}
