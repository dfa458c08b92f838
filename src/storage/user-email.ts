/** D1 access for an account's address: the email change and its revert (domain/email-change.ts, lock-down.ts). */

/**
 * Moves account `userId` from address `from` to `to` (its key `toKey`), only if it still has `from`.
 * Returns whether it moved; false when another account holds `to` (the UNIQUE constraint decides, never a
 * read, so a change racing a sign-up of the same address cannot give it to both) or the address moved since.
 */
export async function changeUserEmail(
  db: D1Database,
  userId: string,
  change: { from: string; to: string; toKey: string },
  now: string,
): Promise<boolean> {
  const result = await db
    .prepare("UPDATE OR IGNORE users SET email = ?1, email_key = ?2, updated_at = ?3 WHERE id = ?4 AND email = ?5")
    .bind(change.to, change.toKey, now, userId, change.from)
    .run();
  return result.meta.changes === 1;
}
