/**
 * D1 access for failed sign-in counting, keyed by the hash of the normalised email so unknown
 * emails are throttled exactly like known ones. Each email admits one attempt at a time: the attempt
 * takes the slot before the password is hashed and gives it back when its outcome is counted, so
 * parallel guesses cannot all pass the lock check before the first failure lands.
 */
import { findUserByEmailStatement, rowToUser, type User, type UserRow } from "./users";

/** How long an attempt may hold its email's slot before it frees itself (a crashed attempt). */
const ATTEMPT_SLOT_MS = 5000;

export interface ThrottleState {
  failures: number;
  lockedUntil: number;
}

export interface SignInAttempt {
  user: User | null;
  throttle: ThrottleState;
  /** Whether this attempt holds the email's slot; if not, another attempt is in progress. */
  acquired: boolean;
}

/**
 * In one round trip: the account for `email` (if any), and this attempt's claim on the email's slot, taken
 * unless the email is locked or another attempt holds it. The same statements run for unknown emails.
 */
export async function startSignInAttempt(
  db: D1Database,
  email: string,
  emailKey: string,
  attemptId: string,
  now: number,
): Promise<SignInAttempt> {
  const [users, slots] = await db.batch<Record<string, unknown>>([
    findUserByEmailStatement(db, email),
    db
      .prepare(
        `INSERT INTO sign_in_throttle (email_key, failures, locked_until, updated_at, attempt_id, busy_until) VALUES (?1, 0, 0, ?2, ?3, ?4)
         ON CONFLICT (email_key) DO UPDATE SET
           attempt_id = CASE WHEN busy_until <= ?2 AND locked_until <= ?2 THEN ?3 ELSE attempt_id END,
           busy_until = CASE WHEN busy_until <= ?2 AND locked_until <= ?2 THEN ?4 ELSE busy_until END
         RETURNING failures, locked_until, attempt_id`,
      )
      .bind(emailKey, now, attemptId, now + ATTEMPT_SLOT_MS),
  ]);
  const userRow = users?.results[0] as UserRow | undefined;
  const slot = slots?.results[0] as { failures: number; locked_until: number; attempt_id: string | null } | undefined;
  return {
    user: userRow === undefined ? null : rowToUser(userRow),
    throttle: { failures: slot?.failures ?? 0, lockedUntil: slot?.locked_until ?? 0 },
    acquired: slot?.attempt_id === attemptId && (slot?.locked_until ?? 0) <= now,
  };
}

/** Counts one failure, frees the slot, and stores the lock that `lockFor(failures)` decides. */
export async function recordFailure(
  db: D1Database,
  emailKey: string,
  now: number,
  lockFor: (failures: number) => number,
): Promise<void> {
  const row = await db
    .prepare(
      `INSERT INTO sign_in_throttle (email_key, failures, locked_until, updated_at) VALUES (?1, 1, 0, ?2)
       ON CONFLICT (email_key) DO UPDATE SET failures = failures + 1, updated_at = ?2, attempt_id = NULL, busy_until = 0
       RETURNING failures`,
    )
    .bind(emailKey, now)
    .first<{ failures: number }>();
  const lockMs = lockFor(row?.failures ?? 1);
  if (lockMs === 0) return;
  await db
    .prepare("UPDATE sign_in_throttle SET locked_until = ? WHERE email_key = ?")
    .bind(now + lockMs, emailKey)
    .run();
}

/** Forgets failures and frees the slot (successful sign-in, password reset); batched with the other writes of that step. */
export function clearThrottleStatement(db: D1Database, emailKey: string): D1PreparedStatement {
  return db.prepare("DELETE FROM sign_in_throttle WHERE email_key = ?").bind(emailKey);
}

/**
 * Deletes counters whose last failure is older than `olderThan` and which hold no live lock, so rows
 * for mistyped or made-up emails do not pile up, and old failures stop counting towards a lock.
 * Returns how many rows were deleted.
 */
export async function deleteStaleThrottles(db: D1Database, olderThan: number, now: number): Promise<number> {
  const result = await db
    .prepare("DELETE FROM sign_in_throttle WHERE updated_at < ? AND locked_until <= ?")
    .bind(olderThan, now)
    .run();
  return result.meta.changes;
}
