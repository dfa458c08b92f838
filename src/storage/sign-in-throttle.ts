/**
 * D1 access for failed sign-in counting, keyed by the hash of the normalised email (so unknown emails are
 * throttled exactly like known ones) and a scope: the device that signed in before, or the client's
 * network, plus '*' for all untrusted clients of the email together (capped per day, reserved at entry:
 * sign-in-cap.ts). Each scope admits one attempt at a time: the attempt takes the slot before the password
 * is hashed and gives it back when its outcome is counted, so parallel guesses cannot all pass the lock
 * check before the first failure lands. Failures leave marks (sign_in_failure_marks) so that the same wrong
 * password counts once.
 */
import {
  type CapRow,
  countCapFailureStatement,
  type DailyCap,
  giveBackCapStatement,
  knownNetworkStatement,
  reserveCapStatement,
} from "./sign-in-cap";
import type { User } from "./users";
import { findUserByEmailStatement, readEmailRows } from "./users-by-email";

export type { DailyCap } from "./sign-in-cap";

/** How long an attempt may hold its email's slot before it frees itself (a crashed attempt). */
const ATTEMPT_SLOT_MS = 5000;

/** When failures lock an email: after `free` failures, `stepMs` more per failure, at most `maxMs`. */
export interface LockSchedule {
  free: number;
  stepMs: number;
  maxMs: number;
}

/** Where an attempt stands: its slot's scope (a device, or its network), and its client's network. */
export interface AttemptScopes {
  emailKey: string;
  slotScope: string;
  networkScope: string;
}

export interface SignInAttempt {
  user: User | null;
  /** The account elsewhere whose address moved to this one (an email change), when this shard has none for it. */
  movedTo: string | null;
  /** The locks as stored, for the slot's scope, the client's network and the email's daily cap. */
  slotLockedUntil: number;
  networkLockedUntil: number;
  capLockedUntil: number;
  /** The email's day window as stored: untrusted failures counted in it, and when it began (0: none). */
  capFailures: number;
  capWindowStart: number;
  /** Whether this attempt holds its scope's slot; if not, another attempt is in progress (or it is locked). */
  acquired: boolean;
  /** Whether this attempt holds a reservation of the email's daily cap (untrusted attempts only, sign-in-cap.ts). */
  reserved: boolean;
  /** Whether the account signed in from this client's network in the last 30 days (when `trust.readNetwork` names it). */
  knownNetwork: boolean;
  /** When this very password last failed for this email, and against which credential version (-1: no account). */
  failedBefore: { at: number; credentialVersion: number } | null;
}

/**
 * In one round trip: the account for `email` (if any), this attempt's claim on its scope's slot (taken
 * unless that scope is locked or another attempt holds it), then, for an untrusted attempt holding it, its
 * reservation of the email's daily cap; the network's lock, whether the network is known (when `network`,
 * trusted if known, or `readNetwork`, only read, is given), and whether this password already failed for the email. The same statements run for unknown
 * emails. `claimVersion`: the credential version of the device token presented, if its MAC holds.
 */
export async function startSignInAttempt(
  db: D1Database,
  attempt: AttemptScopes & { email: string; attemptId: string; mark: string },
  trust: { claimVersion: number | null; network: string | null; readNetwork?: string | null },
  now: number,
  cap: DailyCap,
): Promise<SignInAttempt> {
  const { email, emailKey, slotScope, networkScope, attemptId, mark } = attempt;
  const lockOf = (scope: string) =>
    db.prepare("SELECT locked_until FROM sign_in_throttle WHERE email_key = ? AND scope = ?").bind(emailKey, scope);
  // When the slot is the network's own (no device token), its upsert already returns the network's lock.
  const ownNetwork = slotScope === networkScope;
  const [users, slots, caps, marks, known, networks] = await db.batch<Record<string, unknown>>([
    findUserByEmailStatement(db, email),
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
    // After the slot's upsert: only an attempt that holds its slot reserves.
    reserveCapStatement(db, { emailKey, email, attemptId, slotScope }, trust, now, cap),
    db
      .prepare("SELECT created_at, credential_version FROM sign_in_failure_marks WHERE email_key = ? AND mark = ?")
      .bind(emailKey, mark),
    // Always a statement (a constant one when not asked), so the results keep their places.
    (trust.network ?? trust.readNetwork ?? null) === null
      ? db.prepare("SELECT NULL AS known")
      : knownNetworkStatement(db, emailKey, (trust.network ?? trust.readNetwork)!, now),
    ...(ownNetwork ? [] : [lockOf(networkScope)]),
  ]);
  const found = readEmailRows(users?.results);
  const lockedUntil = (rows: D1Result<Record<string, unknown>> | undefined) =>
    (rows?.results[0] as { locked_until: number } | undefined)?.locked_until ?? 0;
  const slot = slots?.results[0] as { locked_until: number; attempt_id: string | null } | undefined;
  const seen = marks?.results[0] as { created_at: number; credential_version: number } | undefined;
  const capRow = caps?.results[0] as CapRow | undefined;
  return {
    user: found.user,
    movedTo: found.user === null ? found.movedTo : null,
    slotLockedUntil: slot?.locked_until ?? 0,
    networkLockedUntil: ownNetwork ? (slot?.locked_until ?? 0) : lockedUntil(networks),
    capLockedUntil: capRow?.locked_until ?? 0,
    capFailures: capRow?.failures ?? 0,
    capWindowStart: capRow?.updated_at ?? 0,
    acquired: slot?.attempt_id === attemptId && (slot?.locked_until ?? 0) <= now,
    reserved: capRow?.attempt_id === attemptId,
    knownNetwork: (known?.results[0] as { known: number | null } | undefined)?.known === 1,
    failedBefore: seen === undefined ? null : { at: seen.created_at, credentialVersion: seen.credential_version },
  };
}

/**
 * Counts one new failure in `countScope` and stores the lock the schedule gives for the new count; for an
 * untrusted client also in the email's daily cap, turning its reservation into the count (a trusted one
 * that reserved gives it back); frees this attempt's slot; leaves the failure's mark with the credential
 * version it was checked against; and `alongside` (the audit row). One batch, one transaction: no parallel
 * attempt can slip between the count, the lock and the freed slot. Returns the scope's lock end when this
 * failure locked it, else null.
 */
export async function recordFailure(
  db: D1Database,
  failure: AttemptHold & { countScope: string; trusted: boolean },
  mark: { mark: string; credentialVersion: number },
  now: number,
  limits: { schedule: LockSchedule; cap: DailyCap },
  alongside: D1PreparedStatement[] = [],
): Promise<number | null> {
  const { emailKey, countScope, slotScope, attemptId, trusted, reserved } = failure;
  const { schedule, cap } = limits;
  const statements = [
    db
      .prepare(
        `INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at) VALUES (?1, ?6, 1, 0, ?2)
         ON CONFLICT (email_key, scope) DO UPDATE SET
           failures = failures + 1,
           locked_until = CASE WHEN failures + 1 > ?3 THEN ?2 + MIN((failures + 1 - ?3) * ?4, ?5) ELSE locked_until END,
           updated_at = ?2
         RETURNING locked_until`,
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
  if (!trusted) statements.push(countCapFailureStatement(db, emailKey, now, cap));
  else if (reserved) statements.push(giveBackCapStatement(db, emailKey));
  const [counted] = await db.batch([...statements, ...alongside]);
  // An admitted attempt's scope was not locked, so a lock end past now is the one this failure set.
  const lockedUntil = (counted?.results[0] as { locked_until: number } | undefined)?.locked_until ?? 0;
  return lockedUntil > now ? lockedUntil : null;
}

/** What an attempt holds: its scope's slot, and whether a reservation of the email's daily cap. */
export interface AttemptHold {
  emailKey: string;
  slotScope: string;
  attemptId: string;
  reserved: boolean;
}

/**
 * Frees this attempt's slot and gives its reservation back without counting anything (a repeated failure,
 * a refused challenge, a lock found elsewhere): an attempt that never reached the password costs nothing.
 */
export async function releaseAttempt(db: D1Database, hold: AttemptHold): Promise<void> {
  const { emailKey, slotScope, attemptId, reserved } = hold;
  const release = releaseStatement(db, emailKey, slotScope, attemptId);
  await db.batch(reserved ? [release, giveBackCapStatement(db, emailKey)] : [release]);
}

/** Frees the slot only if this attempt still holds it: a slow attempt must not free a newer one's slot. */
function releaseStatement(db: D1Database, emailKey: string, scope: string, attemptId: string): D1PreparedStatement {
  return db
    .prepare(
      "UPDATE sign_in_throttle SET attempt_id = NULL, busy_until = 0 WHERE email_key = ? AND scope = ? AND attempt_id = ?",
    )
    .bind(emailKey, scope, attemptId);
}
