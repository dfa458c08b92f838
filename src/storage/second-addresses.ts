/**
 * D1 access for second addresses: the account's own column (users.second_email, in the account's shard) and
 * the index row that finds the account from the address (second_email_index, in the address's placement).
 * Addresses arrive normalised, with their key (core/email-address.ts).
 */

/**
 * Claims `emailKey` for `userId` in the address's placement: true if the index now names this account (new,
 * or already its own); false if another account holds it. The primary key decides a race.
 */
export async function claimSecondAddress(db: D1Database, emailKey: string, userId: string): Promise<boolean> {
  const [, owner] = await db.batch<{ user_id: string }>([
    db
      .prepare("INSERT INTO second_email_index (email_key, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
      .bind(emailKey, userId),
    db.prepare("SELECT user_id FROM second_email_index WHERE email_key = ?").bind(emailKey),
  ]);
  return owner?.results[0]?.user_id === userId;
}

/** Gives `emailKey` up, if `userId` holds it. */
export function releaseSecondAddressStatement(db: D1Database, emailKey: string, userId: string): D1PreparedStatement {
  return db.prepare("DELETE FROM second_email_index WHERE email_key = ? AND user_id = ?").bind(emailKey, userId);
}

/** Sets (or, with null, clears) the account's second address. */
export function setSecondAddressStatement(
  db: D1Database,
  userId: string,
  address: string | null,
  now: string,
): D1PreparedStatement {
  return db.prepare("UPDATE users SET second_email = ?1, updated_at = ?2 WHERE id = ?3").bind(address, now, userId);
}

/** The accounts whose second address has one of these keys (a reset asked from it). */
export async function findSecondAddressOwners(db: D1Database, emailKeys: string[]): Promise<Map<string, string>> {
  if (emailKeys.length === 0) return new Map();
  const marks = emailKeys.map(() => "?").join(", ");
  const { results } = await db
    .prepare(`SELECT email_key, user_id FROM second_email_index WHERE email_key IN (${marks})`)
    .bind(...emailKeys)
    .all<{ email_key: string; user_id: string }>();
  return new Map(results.map((row) => [row.email_key, row.user_id]));
}
