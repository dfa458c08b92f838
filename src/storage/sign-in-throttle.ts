/**
 * D1 access for failed sign-in counting, keyed by the hash of the normalised email (so unknown emails are
 * throttled exactly like known ones) and a scope: the device that signed in before, or the client's
 * network, plus '*' for all untrusted clients of the email together (capped per day). Each scope admits
 * one attempt at a time: the attempt takes the slot before the password is hashed and gives it back when
 * its outcome is counted, so parallel guesses cannot all pass the lock check before the first failure
 * lands. Failures leave marks (sign_in_failure_marks) so that the same wrong password counts once.
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

/** Failures of untrusted clients, all scopes of an email together: at most this many a day (NIST's ceiling). */
export interface DailyCap {
  max: number;
  windowMs: number;
}

/** Who is trying: the email, the scope its failures count in, and whether that scope is a trusted device. */
export interface AttemptScope {
  emailKey: string;
  scope: string;
  trusted: boolean;
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
  attempt: AttemptScope & { email: string; attemptId: string; mark: string },
  now: number,
): Promise<SignInAttempt> {
  const { email, emailKey, scope, trusted, attemptId, mark } = attempt;
  const [users, capRows, slots, marks] = await db.batch<Record<string, unknown>>([
    findUserByEmailStatement(db, email),
    db.prepare("SELECT locked_until FROM sign_in_throttle WHERE email_key = ? AND scope = '*'").bind(emailKey),
    db
      .prepare(
        `INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at, attempt_id, busy_until)
         VALUES (?1, ?5, 0, 0, ?2, ?3, ?4)
         ON CONFLICT (email_key, scope) DO UPDATE SET
           attempt_id = CASE WHEN busy_until <= ?2 AND locked_until <= ?2 THEN ?3 ELSE attempt_id END,
           busy_until = CASE WHEN busy_until <= ?2 AND locked_until <= ?2 THEN ?4 ELSE busy_until END
         RETURNING locked_until, attempt_id`,
      )
      .bind(emailKey, now, attemptId, now + ATTEMPT_SLOT_MS, scope),
    db.prepare("SELECT created_at FROM sign_in_failure_marks WHERE email_key = ? AND mark = ?").bind(emailKey, mark),
  ]);
  const userRow = users?.results[0] as UserRow | undefined;
  const cap = capRows?.results[0] as { locked_until: number } | undefined;
  const slot = slots?.results[0] as { locked_until: number; attempt_id: string | null } | undefined;
  const seen = marks?.results[0] as { created_at: number } | undefined;
  // A trusted device is judged on its own failures only; everyone else also meets the email's daily cap.
  const lockedUntil = Math.max(slot?.locked_until ?? 0, trusted ? 0 : (cap?.locked_until ?? 0));
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
  failure: AttemptScope & { mark: string },
  now: number,
  limits: { schedule: LockSchedule; cap: DailyCap },
): Promise<void> {
  const { emailKey, scope, trusted, mark } = failure;
  const { schedule, cap } = limits;
  const statements = [
    db
      .prepare(
        `INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at) VALUES (?1, ?6, 1, 0, ?2)
         ON CONFLICT (email_key, scope) DO UPDATE SET
           failures = failures + 1,
           locked_until = CASE WHEN failures + 1 > ?3 THEN ?2 + MIN((failures + 1 - ?3) * ?4, ?5) ELSE locked_until END,
           updated_at = ?2, attempt_id = NULL, busy_until = 0`,
      )
      .bind(emailKey, now, schedule.free, schedule.stepMs, schedule.maxMs, scope),
    db
      .prepare("INSERT OR IGNORE INTO sign_in_failure_marks (email_key, mark, created_at) VALUES (?, ?, ?)")
      .bind(emailKey, mark, now),
  ];
  if (!trusted) {
    // The email's day window: counts untrusted failures from its start; at the cap, locks them to its end.
    statements.push(
      db
        .prepare(
          `INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at) VALUES (?1, '*', 1, 0, ?2)
           ON CONFLICT (email_key, scope) DO UPDATE SET
             locked_until = CASE WHEN updated_at > ?2 - ?4 AND failures + 1 >= ?3 THEN updated_at + ?4 ELSE locked_until END,
             failures = CASE WHEN updated_at > ?2 - ?4 THEN failures + 1 ELSE 1 END,
             updated_at = CASE WHEN updated_at > ?2 - ?4 THEN updated_at ELSE ?2 END`,
        )
        .bind(emailKey, now, cap.max, cap.windowMs),
    );
  }
  await db.batch(statements);
}

/** Frees the slot without counting anything: the attempt repeated a failure already counted. */
export async function releaseAttempt(db: D1Database, scope: AttemptScope, attemptId: string): Promise<void> {
  await db
    .prepare(
      "UPDATE sign_in_throttle SET attempt_id = NULL, busy_until = 0 WHERE email_key = ? AND scope = ? AND attempt_id = ?",
    )
    .bind(scope.emailKey, scope.scope, attemptId)
    .run();
}

/** Forgets every scope's failures and the marks, and frees the slots (successful sign-in, password reset); batched with that step. */
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
