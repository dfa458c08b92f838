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

/** Where an attempt stands: its slot's scope (a device, or its network), and its client's network. */
export interface AttemptScopes {
  emailKey: string;
  slotScope: string;
  networkScope: string;
}

export interface SignInAttempt {
  user: User | null;
  /** The locks as stored, for the slot's scope, the client's network and the email's daily cap. */
  slotLockedUntil: number;
  networkLockedUntil: number;
  capLockedUntil: number;
  /** The email's day window as stored: untrusted failures counted in it, and when it began (0: none). */
  capFailures: number;
  capWindowStart: number;
  /** Whether this attempt holds its scope's slot; if not, another attempt is in progress (or it is locked). */
  acquired: boolean;
  /** When this very password last failed for this email, and against which credential version (-1: no account). */
  failedBefore: { at: number; credentialVersion: number } | null;
}

/**
 * In one round trip: the account for `email` (if any), this attempt's claim on its scope's slot (taken
 * unless that scope is locked or another attempt holds it), the network's and the cap's locks, and whether
 * this password already failed for the email. The same statements run for unknown emails.
 */
export async function startSignInAttempt(
  db: D1Database,
  attempt: AttemptScopes & { email: string; attemptId: string; mark: string },
  now: number,
): Promise<SignInAttempt> {
  const { email, emailKey, slotScope, networkScope, attemptId, mark } = attempt;
  const lockOf = (scope: string) =>
    db.prepare("SELECT locked_until FROM sign_in_throttle WHERE email_key = ? AND scope = ?").bind(emailKey, scope);
  // When the slot is the network's own (no device token), its upsert already returns the network's lock.
  const ownNetwork = slotScope === networkScope;
  const [users, caps, slots, marks, networks] = await db.batch<Record<string, unknown>>([
    findUserByEmailStatement(db, email),
    db
      .prepare("SELECT locked_until, failures, updated_at FROM sign_in_throttle WHERE email_key = ? AND scope = '*'")
      .bind(emailKey),
    db
      .prepare(
        `INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at, attempt_id, busy_until)
         VALUES (?1, ?5, 0, 0, ?2, ?3, ?4)
         ON CONFLICT (email_key, scope) DO UPDATE SET
           attempt_id = CASE WHEN busy_until <= ?2 AND locked_until <= ?2 THEN ?3 ELSE attempt_id END,
           busy_until = CASE WHEN busy_until <= ?2 AND locked_until <= ?2 THEN ?4 ELSE busy_until END
         RETURNING locked_until, attempt_id`,
      )
      .bind(emailKey, now, attemptId, now + ATTEMPT_SLOT_MS, slotScope),
    db
      .prepare("SELECT created_at, credential_version FROM sign_in_failure_marks WHERE email_key = ? AND mark = ?")
      .bind(emailKey, mark),
    ...(ownNetwork ? [] : [lockOf(networkScope)]),
  ]);
  const userRow = users?.results[0] as UserRow | undefined;
  const lockedUntil = (rows: D1Result<Record<string, unknown>> | undefined) =>
    (rows?.results[0] as { locked_until: number } | undefined)?.locked_until ?? 0;
  const slot = slots?.results[0] as { locked_until: number; attempt_id: string | null } | undefined;
  const seen = marks?.results[0] as { created_at: number; credential_version: number } | undefined;
  const cap = caps?.results[0] as { failures: number; updated_at: number } | undefined;
  return {
    user: userRow === undefined ? null : rowToUser(userRow),
    slotLockedUntil: slot?.locked_until ?? 0,
    networkLockedUntil: ownNetwork ? (slot?.locked_until ?? 0) : lockedUntil(networks),
    capLockedUntil: lockedUntil(caps),
    capFailures: cap?.failures ?? 0,
    capWindowStart: cap?.updated_at ?? 0,
    acquired: slot?.attempt_id === attemptId && (slot?.locked_until ?? 0) <= now,
    failedBefore: seen === undefined ? null : { at: seen.created_at, credentialVersion: seen.credential_version },
  };
}

/**
 * Counts one new failure in `countScope` and stores the lock the schedule gives for the new count; for an
 * untrusted client also in the email's daily cap; frees this attempt's slot; leaves the failure's mark with
 * the credential version it was checked against. One batch, one transaction: no parallel attempt can slip
 * between the count, the lock and the freed slot.
 */
export async function recordFailure(
  db: D1Database,
  failure: { emailKey: string; countScope: string; slotScope: string; attemptId: string; trusted: boolean },
  mark: { mark: string; credentialVersion: number },
  now: number,
  limits: { schedule: LockSchedule; cap: DailyCap },
): Promise<void> {
  const { emailKey, countScope, slotScope, attemptId, trusted } = failure;
  const { schedule, cap } = limits;
  const statements = [
    db
      .prepare(
        `INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at) VALUES (?1, ?6, 1, 0, ?2)
         ON CONFLICT (email_key, scope) DO UPDATE SET
           failures = failures + 1,
           locked_until = CASE WHEN failures + 1 > ?3 THEN ?2 + MIN((failures + 1 - ?3) * ?4, ?5) ELSE locked_until END,
           updated_at = ?2`,
      )
      .bind(emailKey, now, schedule.free, schedule.stepMs, schedule.maxMs, countScope),
    releaseStatement(db, emailKey, slotScope, attemptId),
    db
      .prepare(
        `INSERT INTO sign_in_failure_marks (email_key, mark, created_at, credential_version) VALUES (?, ?, ?, ?)
         ON CONFLICT (email_key, mark) DO UPDATE SET created_at = excluded.created_at,
           credential_version = excluded.credential_version`,
      )
      .bind(emailKey, mark.mark, now, mark.credentialVersion),
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

/** Frees this attempt's slot without counting anything (a repeated failure, or a lock found elsewhere). */
export async function releaseAttempt(
  db: D1Database,
  emailKey: string,
  slotScope: string,
  attemptId: string,
): Promise<void> {
  await releaseStatement(db, emailKey, slotScope, attemptId).run();
}

/** Frees the slot only if this attempt still holds it: a slow attempt must not free a newer one's slot. */
function releaseStatement(db: D1Database, emailKey: string, scope: string, attemptId: string): D1PreparedStatement {
  return db
    .prepare(
      "UPDATE sign_in_throttle SET attempt_id = NULL, busy_until = 0 WHERE email_key = ? AND scope = ? AND attempt_id = ?",
    )
    .bind(emailKey, scope, attemptId);
}

/** An email's failed sign-ins across its scopes (Contentstack's failed_attempts), as users.findUserWithFailures counts them. */
export async function countFailures(db: D1Database | D1DatabaseSession, emailKey: string): Promise<number> {
  const row = await db
    .prepare("SELECT COALESCE(SUM(failures), 0) AS failures FROM sign_in_throttle WHERE email_key = ? AND scope != '*'")
    .bind(emailKey)
    .first<{ failures: number }>();
  return row?.failures ?? 0;
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
