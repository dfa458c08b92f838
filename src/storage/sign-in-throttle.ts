/**
 * D1 access for failed sign-in counting, keyed by the hash of the normalised email so unknown emails are
 * throttled exactly like known ones. Each email admits one attempt at a time: the attempt takes the slot
 * before the password is hashed and gives it back when its outcome is counted, so parallel guesses cannot
 * all pass the lock check before the first failure lands. Failures leave marks (sign_in_failure_marks) so
 * that the same wrong password counts once.
 */
import { findUserByEmailStatement, rowToUser, type User, type UserRow } from "./users";

/** How long an attempt may hold its email's slot before it frees itself (a crashed attempt). */
const ATTEMPT_SLOT_MS = 5000;

/** When failures lock an email: after `free` failures, `stepMs` more per failure, at most `maxMs`. */
export interface LockSchedule {
  free: number;
  stepMs: number;
  maxMs: number;
}

export interface SignInAttempt {
  user: User | null;
  lockedUntil: number;
  /** Whether this attempt holds the email's slot; if not, another attempt is in progress. */
  acquired: boolean;
  /** When this very password last failed for this email (its mark), or null. */
  failedBeforeAt: number | null;
}

/**
 * In one round trip: the account for `email` (if any), this attempt's claim on the email's slot (taken
 * unless the email is locked or another attempt holds it), and whether this password already failed for
 * it. The same statements run for unknown emails.
 */
export async function startSignInAttempt(
  db: D1Database,
  attempt: { email: string; emailKey: string; attemptId: string; mark: string },
  now: number,
): Promise<SignInAttempt> {
  const { email, emailKey, attemptId, mark } = attempt;
  const [users, slots, marks] = await db.batch<Record<string, unknown>>([
    findUserByEmailStatement(db, email),
    db
      .prepare(
        `INSERT INTO sign_in_throttle (email_key, failures, locked_until, updated_at, attempt_id, busy_until) VALUES (?1, 0, 0, ?2, ?3, ?4)
         ON CONFLICT (email_key) DO UPDATE SET
           attempt_id = CASE WHEN busy_until <= ?2 AND locked_until <= ?2 THEN ?3 ELSE attempt_id END,
           busy_until = CASE WHEN busy_until <= ?2 AND locked_until <= ?2 THEN ?4 ELSE busy_until END
         RETURNING locked_until, attempt_id`,
      )
      .bind(emailKey, now, attemptId, now + ATTEMPT_SLOT_MS),
    db.prepare("SELECT created_at FROM sign_in_failure_marks WHERE email_key = ? AND mark = ?").bind(emailKey, mark),
  ]);
  const userRow = users?.results[0] as UserRow | undefined;
  const slot = slots?.results[0] as { locked_until: number; attempt_id: string | null } | undefined;
  const seen = marks?.results[0] as { created_at: number } | undefined;
  const lockedUntil = slot?.locked_until ?? 0;
  return {
    user: userRow === undefined ? null : rowToUser(userRow),
    lockedUntil,
    acquired: slot?.attempt_id === attemptId && lockedUntil <= now,
    failedBeforeAt: seen?.created_at ?? null,
  };
}

/**
 * Counts one new failure, stores the lock the schedule gives for the new count and frees the slot, in one
 * statement (a parallel attempt cannot slip between the count and the lock), and leaves the failure's mark.
 */
export async function recordFailure(
  db: D1Database,
  failure: { emailKey: string; mark: string },
  now: number,
  schedule: LockSchedule,
): Promise<void> {
  await db.batch([
    db
      .prepare(
        `INSERT INTO sign_in_throttle (email_key, failures, locked_until, updated_at) VALUES (?1, 1, 0, ?2)
         ON CONFLICT (email_key) DO UPDATE SET
           failures = failures + 1,
           locked_until = CASE WHEN failures + 1 > ?3 THEN ?2 + MIN((failures + 1 - ?3) * ?4, ?5) ELSE locked_until END,
           updated_at = ?2, attempt_id = NULL, busy_until = 0`,
      )
      .bind(failure.emailKey, now, schedule.free, schedule.stepMs, schedule.maxMs),
    db
      .prepare("INSERT OR IGNORE INTO sign_in_failure_marks (email_key, mark, created_at) VALUES (?, ?, ?)")
      .bind(failure.emailKey, failure.mark, now),
  ]);
}

/** Frees the slot without counting anything: the attempt repeated a failure already counted. */
export async function releaseAttempt(db: D1Database, emailKey: string, attemptId: string): Promise<void> {
  await db
    .prepare("UPDATE sign_in_throttle SET attempt_id = NULL, busy_until = 0 WHERE email_key = ? AND attempt_id = ?")
    .bind(emailKey, attemptId)
    .run();
}

/** Forgets failures and their marks and frees the slot (successful sign-in, password reset); batched with that step. */
export function clearThrottleStatements(db: D1Database, emailKey: string): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM sign_in_throttle WHERE email_key = ?").bind(emailKey),
    db.prepare("DELETE FROM sign_in_failure_marks WHERE email_key = ?").bind(emailKey),
  ];
}

/**
 * Deletes counters whose last failure is older than `olderThan` and which hold no live lock, so rows for
 * mistyped or made-up emails do not pile up and old failures stop counting; and every mark older than
 * `olderThan`. Returns how many counters were deleted.
 */
export async function deleteStaleThrottles(db: D1Database, olderThan: number, now: number): Promise<number> {
  const [throttles] = await db.batch([
    db.prepare("DELETE FROM sign_in_throttle WHERE updated_at < ? AND locked_until <= ?").bind(olderThan, now),
    db.prepare("DELETE FROM sign_in_failure_marks WHERE created_at < ?").bind(olderThan),
  ]);
  return throttles?.meta.changes ?? 0;
}
