/**
 * D1 access for the admin API beyond what the flows already have: an email's sign-in locks, lifting them
 * and a suppression, an account's delivery events, and the statements that erase an account. An account's
 * rows live in the shard its id names; its email's rows at the email key's placement
 * (storage/shard-databases.ts); the caller picks the database.
 */
import { clearThrottleStatements } from "./sign-in-throttle-upkeep";

/** A sign-in lock in force: its scope (`*` the email's daily cap, `net:` a network, `device:` a browser). */
export interface SignInLock {
  scope: string;
  lockedUntil: number;
}

/** The email's sign-in locks in force at `now`. */
export async function listSignInLocks(db: D1Database, emailKey: string, now: number): Promise<SignInLock[]> {
  const { results } = await db
    .prepare("SELECT scope, locked_until FROM sign_in_throttle WHERE email_key = ? AND locked_until > ? ORDER BY scope")
    .bind(emailKey, now)
    .all<{ scope: string; locked_until: number }>();
  return results.map((r) => ({ scope: r.scope, lockedUntil: r.locked_until }));
}

/**
 * Lifts every sign-in lock of the email: its failures, marks and daily count forgotten, as a successful
 * sign-in does, and its reset-code counts. Attempts in flight keep their reservations.
 */
export function liftSignInLockStatements(db: D1Database, emailKey: string, now: number): D1PreparedStatement[] {
  return [
    ...clearThrottleStatements(db, emailKey, { now, givesBack: false }),
    db.prepare("DELETE FROM reset_code_failures WHERE email_key = ?").bind(emailKey),
    db.prepare("DELETE FROM reset_code_network_failures WHERE email_key = ?").bind(emailKey),
  ];
}

/** Lifts the address's suppression (it bounced or complained): email goes to it again. */
export function liftSuppressionStatement(db: D1Database, emailKey: string): D1PreparedStatement {
  return db.prepare("DELETE FROM mail_suppressions WHERE email_key = ?").bind(emailKey);
}

/** One delivery event of the account's email, for its export. */
export interface AccountMailEvent {
  type: string;
  detail: string | null;
  createdAt: string;
}

/** The delivery events recorded for an account, oldest first. */
export async function listMailEventsOf(db: D1Database, userId: string): Promise<AccountMailEvent[]> {
  const { results } = await db
    .prepare("SELECT type, detail, created_at FROM mail_events WHERE user_id = ? ORDER BY created_at")
    .bind(userId)
    .all<{ type: string; detail: string | null; created_at: string }>();
  return results.map((r) => ({ type: r.type, detail: r.detail, createdAt: r.created_at }));
}

/** Erasing an account's own rows, in the shard its id names: the account, its events and its delivery events. */
export function eraseAccountStatements(db: D1Database, userId: string): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM users WHERE id = ?").bind(userId),
    db.prepare("DELETE FROM audit_events WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM mail_events WHERE user_id = ?").bind(userId),
  ];
}

/** Erasing what is kept per address at the email key's placement: throttles, marks, networks, code counts, suppression, index row. */
export function eraseEmailStatements(db: D1Database, emailKey: string): D1PreparedStatement[] {
  return [
    ...["sign_in_throttle", "sign_in_failure_marks", "sign_in_known_networks"].map((table) =>
      db.prepare(`DELETE FROM ${table} WHERE email_key = ?`).bind(emailKey),
    ),
    // moved_email_index: an account that changed to an address placed outside its shard (email change).
    ...[
      "reset_code_failures",
      "reset_code_network_failures",
      "mail_suppressions",
      "mail_events",
      "moved_email_index",
    ].map((table) => db.prepare(`DELETE FROM ${table} WHERE email_key = ?`).bind(emailKey)),
  ];
}
