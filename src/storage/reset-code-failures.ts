/**
 * D1 access for wrong reset codes, counted per address (its email key) whether or not it has an account:
 * at most 5 per code, then the code is dead. A window starts with the first wrong code and lasts as long
 * as a link; a new code clears the count.
 */

/** The count for an address, to read in the same batch as the account. Map with `failuresIn`. */
export function codeFailuresStatement(db: D1Database, emailKey: string): D1PreparedStatement {
  return db.prepare("SELECT failures, since FROM reset_code_failures WHERE email_key = ?").bind(emailKey);
}

/** Wrong codes counted inside the current window (`windowMs` long), from a row of `codeFailuresStatement`. */
export function failuresIn(
  row: { failures: number; since: number } | undefined,
  now: number,
  windowMs: number,
): number {
  return row === undefined || row.since <= now - windowMs ? 0 : row.failures;
}

/** Counts one more wrong code (a window older than `windowMs` starts over); returns the new count. */
export async function countCodeFailure(
  db: D1Database,
  emailKey: string,
  now: number,
  windowMs: number,
): Promise<number> {
  const row = await db
    .prepare(
      `INSERT INTO reset_code_failures (email_key, failures, since) VALUES (?1, 1, ?2)
       ON CONFLICT (email_key) DO UPDATE SET
         failures = CASE WHEN since <= ?2 - ?3 THEN 1 ELSE failures + 1 END,
         since = CASE WHEN since <= ?2 - ?3 THEN ?2 ELSE since END
       RETURNING failures`,
    )
    .bind(emailKey, now, windowMs)
    .first<{ failures: number }>();
  return row?.failures ?? 1;
}

/** A new code was mailed to the address: its count starts over. */
export function clearCodeFailuresStatement(db: D1Database, emailKey: string): D1PreparedStatement {
  return db.prepare("DELETE FROM reset_code_failures WHERE email_key = ?").bind(emailKey);
}

/** Forgets counts whose window started before `before` (epoch ms); returns how many. */
export async function deleteOldCodeFailures(db: D1Database, before: number): Promise<number> {
  const result = await db.prepare("DELETE FROM reset_code_failures WHERE since < ?").bind(before).run();
  return result.meta.changes;
}
