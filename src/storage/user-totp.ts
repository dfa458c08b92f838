/**
 * D1 access for two-factor sign-in: users.totp_enabled_at says whether it is on (the one source of truth),
 * users.totp_secret holds the authenticator key sealed (core/secret-box.ts), NULL when the account's only
 * second factor is a passkey.
 */

/**
 * Turns two-factor sign-in on with a sealed key, only if it is off (of two set-ups racing, one wins); or
 * off with null. Returns whether the row changed.
 */
export async function setTotpSecret(
  db: D1Database,
  userId: string,
  sealed: string | null,
  now: string,
): Promise<boolean> {
  const onlyIfOff = sealed === null ? "" : " AND totp_enabled_at IS NULL";
  const result = await db
    .prepare(`UPDATE users SET totp_secret = ?1, totp_enabled_at = ?2, updated_at = ?3 WHERE id = ?4${onlyIfOff}`)
    .bind(sealed, sealed === null ? null : now, now, userId)
    .run();
  return result.meta.changes === 1;
}

/**
 * Turns two-factor sign-in on with no authenticator key (a passkey is the second factor), only if it is off.
 * Returns whether the row changed.
 */
export async function setPasskeyFactor(db: D1Database, userId: string, now: string): Promise<boolean> {
  const result = await db
    .prepare(
      "UPDATE users SET totp_enabled_at = ?1, updated_at = ?1 WHERE id = ?2 AND totp_enabled_at IS NULL AND totp_secret IS NULL",
    )
    .bind(now, userId)
    .run();
  return result.meta.changes === 1;
}

/** Takes back a passkey factor just set (its registry step failed), only if no key came since. */
export async function unsetPasskeyFactor(db: D1Database, userId: string, now: string): Promise<void> {
  await db
    .prepare("UPDATE users SET totp_enabled_at = NULL WHERE id = ?1 AND totp_enabled_at = ?2 AND totp_secret IS NULL")
    .bind(userId, now)
    .run();
}

/** Takes back a key just set (its registry step failed), only if the account still holds that very key. */
export async function unsetTotpSecret(db: D1Database, userId: string, sealed: string): Promise<void> {
  await db
    .prepare("UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL WHERE id = ?1 AND totp_secret = ?2")
    .bind(userId, sealed)
    .run();
}

/** Replaces a sealed key by the same key sealed under a newer key, only if the stored value is still `old`. */
export async function resealTotpSecret(db: D1Database, userId: string, old: string, sealed: string): Promise<void> {
  await db
    .prepare("UPDATE users SET totp_secret = ?1 WHERE id = ?2 AND totp_secret = ?3")
    .bind(sealed, userId, old)
    .run();
}
