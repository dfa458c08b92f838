/**
 * The email's daily cap on untrusted sign-in failures (the '*' row of sign_in_throttle), reserved rather
 * than read: an untrusted attempt takes a reservation in the same statement that checks the cap, so 400
 * guesses sent at once from 400 networks cannot all pass a count that only grows after each hash (issue 30;
 * docs/design.md invariant 12; 100 a day borrows NIST SP 800-63B rev 4's figure, though not its "consecutive":
 * docs/nist-800-63b.md, section 3.2.2). And the networks an account
 * signed in from (sign_in_known_networks), which an API client is trusted on. No clock: `now` is passed in.
 */
import { DAY_MS, SECOND_MS } from "../core/time";

/** Failures of untrusted clients, all scopes of an email together: at most this many a day. */
export interface DailyCap {
  max: number;
  windowMs: number;
}

/** How long a known network stays known after its last successful sign-in. */
export const KNOWN_NETWORK_MS = 30 * DAY_MS;

/**
 * How long the reservations live after the latest one was taken, for attempts that never report back (a
 * crashed attempt). Longer than a check takes even on a crowded host: 400 guesses at once, each hashed in
 * turn on one busy thread, took more than 5 s to report back, and a lapse that early let 3 more than the cap
 * reach the password. A crashed attempt's share is held this long at most. An attempt slower still may find
 * its reservation forgotten and give back a newer one: at most one extra guess per such attempt, never a
 * trusted client's.
 */
const RESERVATION_MS = 30 * SECOND_MS;

/**
 * Whether the client is trusted, decided in SQL from the same transaction's rows: a device claim at the
 * account's current credential version (?8, the claim's version; ?7 the email), or (?9, the network, when
 * the surface honours known networks) a network the account signed in from since ?10. Deciding here rather
 * than reserving for everyone and giving back afterwards keeps a trusted sign-in off the cap entirely: no
 * give-back write, no reservation a flood of strangers could make it wait for. An account still in an older
 * shard generation, or one whose address moved here from its own shard (an email change), is not in this
 * database: its trusted device reserves (conservatively) and gives back
 * with its outcome's own write (password-attempt-admit.ts), so no extra step either.
 */
const TRUSTED = `((?8 IS NOT NULL AND EXISTS (SELECT 1 FROM users WHERE email = ?7 AND credential_version = ?8))
  OR (?9 IS NOT NULL AND EXISTS (SELECT 1 FROM sign_in_known_networks
        WHERE email_key = ?1 AND network = ?9 AND signed_in_at > ?10)))`;
/** The day window still runs (else its failures no longer count). */
const WINDOW_LIVE = "(updated_at > ?2 - ?6)";
/** Untrusted failures counted in the window plus the reservations of attempts being checked now. */
const SPENT = `((CASE WHEN ${WINDOW_LIVE} THEN failures ELSE 0 END) + (CASE WHEN busy_until > ?2 THEN reserved ELSE 0 END))`;
/**
 * Who reserves at all: an untrusted attempt that holds its scope's slot (?11, taken in the same batch just
 * before), so an attempt refused as busy takes nothing. A trusted one neither reserves nor touches the row.
 */
const RESERVES = `NOT ${TRUSTED} AND EXISTS (SELECT 1 FROM sign_in_throttle AS slot
  WHERE slot.email_key = ?1 AND slot.scope = ?11 AND slot.attempt_id = ?3 AND slot.locked_until <= ?2)`;
/** The reservation is granted while the cap is neither locked nor spent. */
const GRANTED = `(locked_until <= ?2 AND ${SPENT} < ?5)`;

/**
 * The cap's state after an untrusted attempt's reservation (no row for a trusted one, nor for one refused as
 * busy); `attempt_id` equals the attempt's id when it was granted.
 */
export interface CapRow {
  locked_until: number;
  failures: number;
  updated_at: number;
  attempt_id: string | null;
}

/**
 * Reserves one of the email's cap for an untrusted attempt, atomically with the check (an UPSERT …
 * RETURNING), and starts a new day window once the old one has passed.
 */
export function reserveCapStatement(
  db: D1Database,
  attempt: { emailKey: string; email: string; attemptId: string; slotScope: string },
  trust: { claimVersion: number | null; network: string | null },
  now: number,
  cap: DailyCap,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at, attempt_id, busy_until, reserved)
       SELECT ?1, '*', 0, 0, ?2, ?3, ?4, 1 WHERE ${RESERVES}
       ON CONFLICT (email_key, scope) DO UPDATE SET
         attempt_id = CASE WHEN ${GRANTED} THEN ?3 ELSE attempt_id END,
         reserved = CASE WHEN ${GRANTED} THEN (CASE WHEN busy_until > ?2 THEN reserved ELSE 0 END) + 1 ELSE reserved END,
         busy_until = CASE WHEN ${GRANTED} THEN ?4 ELSE busy_until END,
         failures = CASE WHEN ${WINDOW_LIVE} THEN failures ELSE 0 END,
         updated_at = CASE WHEN ${WINDOW_LIVE} THEN updated_at ELSE ?2 END
       RETURNING locked_until, failures, updated_at, attempt_id`,
    )
    .bind(
      attempt.emailKey,
      now,
      attempt.attemptId,
      now + RESERVATION_MS,
      cap.max,
      cap.windowMs,
      attempt.email,
      trust.claimVersion,
      trust.network,
      now - KNOWN_NETWORK_MS,
      attempt.slotScope,
    );
}

/** Gives an attempt's reservation back: it was not checked after all, it succeeded, or it was trusted. */
export function giveBackCapStatement(db: D1Database, emailKey: string): D1PreparedStatement {
  return db
    .prepare("UPDATE sign_in_throttle SET reserved = MAX(reserved - 1, 0) WHERE email_key = ? AND scope = '*'")
    .bind(emailKey);
}

/**
 * Turns an untrusted attempt's reservation into a counted failure of the email's day window; at the cap,
 * locks untrusted clients to the window's end.
 */
export function countCapFailureStatement(
  db: D1Database,
  emailKey: string,
  now: number,
  cap: DailyCap,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at) VALUES (?1, '*', 1, 0, ?2)
       ON CONFLICT (email_key, scope) DO UPDATE SET
         locked_until = CASE WHEN updated_at > ?2 - ?4 AND failures + 1 >= ?3 THEN updated_at + ?4 ELSE locked_until END,
         failures = CASE WHEN updated_at > ?2 - ?4 THEN failures + 1 ELSE 1 END,
         updated_at = CASE WHEN updated_at > ?2 - ?4 THEN updated_at ELSE ?2 END,
         reserved = MAX(reserved - 1, 0)`,
    )
    .bind(emailKey, now, cap.max, cap.windowMs);
}

/**
 * A success (or a reset) starts the count of consecutive failures again; reservations of attempts still
 * being checked stay, so they cannot be spent twice; `givesBack`: the successful attempt's own.
 */
export function clearCapStatement(
  db: D1Database,
  emailKey: string,
  { now, givesBack }: { now: number; givesBack: boolean },
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE sign_in_throttle SET failures = 0, locked_until = 0, updated_at = ?2, reserved = MAX(reserved - ?3, 0)
       WHERE email_key = ?1 AND scope = '*'`,
    )
    .bind(emailKey, now, givesBack ? 1 : 0);
}

/** Whether the account for `emailKey` signed in from `network` in the last 30 days (read in the entry batch). */
export function knownNetworkStatement(
  db: D1Database,
  emailKey: string,
  network: string,
  now: number,
): D1PreparedStatement {
  return db
    .prepare("SELECT 1 AS known FROM sign_in_known_networks WHERE email_key = ? AND network = ? AND signed_in_at > ?")
    .bind(emailKey, network, now - KNOWN_NETWORK_MS);
}

/** A successful sign-in from `network`: known for 30 more days (batched with the success's own write). */
export function recordKnownNetworkStatement(
  db: D1Database,
  emailKey: string,
  network: string,
  now: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO sign_in_known_networks (email_key, network, signed_in_at) VALUES (?, ?, ?)
       ON CONFLICT (email_key, network) DO UPDATE SET signed_in_at = excluded.signed_in_at`,
    )
    .bind(emailKey, network, now);
}

/** Forgets networks not signed in from for 30 days (the daily clean-up). */
export function deleteStaleKnownNetworksStatement(db: D1Database, now: number): D1PreparedStatement {
  return db.prepare("DELETE FROM sign_in_known_networks WHERE signed_in_at < ?").bind(now - KNOWN_NETWORK_MS);
}
