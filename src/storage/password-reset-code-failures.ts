/**
 * D1 access for reset-code attempts, counted per address (its email key) whether or not it has an
 * account, before the code is checked, so guesses sent at once cannot all pass one count: at most 5 per
 * code, then the code is dead. A window starts with the first attempt and lasts as long as a link; a
 * right code or a new code clears the count. (The table is `reset_code_failures`: a right code deletes its row.)
 */

/** Counts one more attempt (a window older than `windowMs` starts over), to batch with the account's read. */
export function countCodeAttemptStatement(
  db: D1Database,
  emailKey: string,
  now: number,
  windowMs: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO reset_code_failures (email_key, failures, since) VALUES (?1, 1, ?2)
       ON CONFLICT (email_key) DO UPDATE SET
         failures = CASE WHEN since <= ?2 - ?3 THEN 1 ELSE failures + 1 END,
         since = CASE WHEN since <= ?2 - ?3 THEN ?2 ELSE since END
       RETURNING failures`,
    )
    .bind(emailKey, now, windowMs);
}

/**
 * The count starts over: for a right code, and for a new code mailed for a request made at `before` (only
 * counts begun before that request go, so a re-run of the same job clears nothing newer).
 */
export function clearCodeAttemptsStatement(db: D1Database, emailKey: string, before: number): D1PreparedStatement {
  return db.prepare("DELETE FROM reset_code_failures WHERE email_key = ? AND since < ?").bind(emailKey, before);
}

/** Forgets counts whose window started before `before` (epoch ms); returns how many. */
export async function deleteOldCodeFailures(db: D1Database, before: number): Promise<number> {
  const result = await db.prepare("DELETE FROM reset_code_failures WHERE since < ?").bind(before).run();
  return result.meta.changes;
}
