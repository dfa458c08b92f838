/** D1 access for accounts. Emails arrive already normalised, with their key (see core/email-address.ts). */

export interface User {
  id: string;
  email: string;
  passwordHash: string;
  credentialVersion: number;
  firstName: string | null;
  lastName: string | null;
  createdAt: string;
  updatedAt: string;
  passwordUpdatedAt: string;
  lastLoginAt: string | null;
  /** The sealed authenticator key (core/secret-box.ts); null while two-factor sign-in is off. */
  totpSecret: string | null;
  totpEnabledAt: string | null;
  /** The language of this account's emails, as stored (domain/account.ts reads it); null: English. */
  language: string | null;
  /** Whether a sign-in from a new device is emailed to the owner (on unless turned off on /account). */
  newDeviceNotices: boolean;
  /** A second, verified address for security notices (NIST SP 800-63B rev 4 asks for two); null: none. */
  secondEmail: string | null;
}

export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  credential_version: number;
  first_name: string | null;
  last_name: string | null;
  created_at: string;
  updated_at: string;
  password_updated_at: string;
  last_login_at: string | null;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  language: string | null;
  /** Absent before migration 0013. */
  new_device_notices?: number | null;
  second_email?: string | null;
}

export function rowToUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    credentialVersion: row.credential_version,
    firstName: row.first_name,
    lastName: row.last_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordUpdatedAt: row.password_updated_at,
    lastLoginAt: row.last_login_at,
    totpSecret: row.totp_secret ?? null,
    totpEnabledAt: row.totp_enabled_at ?? null,
    language: row.language ?? null,
    newDeviceNotices: row.new_device_notices !== 0,
    secondEmail: row.second_email ?? null,
  };
}

export interface NewUser {
  id: string;
  email: string;
  emailKey: string;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  language: string | null;
  now: string;
}

/** Inserts a user; null when the email is taken (the UNIQUE constraint decides, so concurrent sign-ups cannot both win). */
export async function insertUser(db: D1Database, user: NewUser): Promise<User | null> {
  const row = await db
    .prepare(
      `INSERT INTO users (id, email, email_key, password_hash, credential_version, first_name, last_name, created_at, updated_at, password_updated_at, language)
       VALUES (?1, ?2, ?7, ?3, 0, ?4, ?5, ?6, ?6, ?6, ?8) ON CONFLICT (email) DO NOTHING RETURNING *`,
    )
    .bind(user.id, user.email, user.passwordHash, user.firstName, user.lastName, user.now, user.emailKey, user.language)
    .first<UserRow>();
  return row === null ? null : rowToUser(row);
}

/**
 * A user with the current failed sign-in count (Contentstack's failed_attempts), in one query. `db` may be
 * a D1 session on a read replica (`withSession`): the caller decides what may lag.
 */
export async function findUserWithFailures(
  db: D1Database | D1DatabaseSession,
  id: string,
): Promise<{ user: User; failedAttempts: number } | null> {
  const row = await db
    .prepare(
      `SELECT u.*, (SELECT COALESCE(SUM(failures), 0) FROM sign_in_throttle t WHERE t.email_key = u.email_key AND t.scope != '*')
         AS failed_attempts FROM users u WHERE u.id = ?`,
    )
    .bind(id)
    .first<UserRow & { failed_attempts: number }>();
  return row === null ? null : { user: rowToUser(row), failedAttempts: row.failed_attempts };
}

/** How many accounts a shard holds (the local spread page; an operator's count). */
export async function countUsers(db: D1Database): Promise<number> {
  return (await db.prepare("SELECT COUNT(*) AS n FROM users").first<{ n: number }>())?.n ?? 0;
}

export async function findUserById(db: D1Database, id: string): Promise<User | null> {
  const row = await db.prepare("SELECT * FROM users WHERE id = ?").bind(id).first<UserRow>();
  return row === null ? null : rowToUser(row);
}

/**
 * Writes a new password hash at `credentialVersion` only if the stored version is older, so of many
 * concurrent resets exactly one writes (invariant 1). Returns whether this call wrote.
 */
export async function replacePasswordHash(
  db: D1Database,
  userId: string,
  passwordHash: string,
  credentialVersion: number,
  now: string,
  alongside: D1PreparedStatement[] = [],
): Promise<boolean> {
  const [result] = await db.batch([
    db
      .prepare(
        `UPDATE users SET password_hash = ?1, credential_version = ?2, password_updated_at = ?3, updated_at = ?3
       WHERE id = ?4 AND credential_version < ?2`,
      )
      .bind(passwordHash, credentialVersion, now, userId),
    ...alongside,
  ]);
  return result?.meta.changes === 1;
}

/**
 * SQL condition: the account holds exactly this hash at this version, i.e. the write of that very hash won
 * (a hash is salted, so no other writer's matches). Statements batched after replacePasswordHash use it to
 * take effect only for the winner.
 */
export const HOLDS_HASH = "EXISTS (SELECT 1 FROM users WHERE id = ? AND credential_version = ? AND password_hash = ?)";

/** Rehash at sign-in: same credential version, new parameters; only if the hash is still the one verified. */
export async function upgradePasswordHash(
  db: D1Database,
  userId: string,
  oldHash: string,
  newHash: string,
): Promise<void> {
  await db
    .prepare("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?")
    .bind(newHash, userId, oldHash)
    .run();
}

/** The last-login update, for callers that batch it with the audit event. */
export function recordSignInStatement(db: D1Database, userId: string, now: string): D1PreparedStatement {
  return db.prepare("UPDATE users SET last_login_at = ? WHERE id = ?").bind(now, userId);
}
