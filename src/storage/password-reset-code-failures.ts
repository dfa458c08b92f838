/**
 * D1 access for reset-code attempts, counted per address (its email key) whether or not it has an account,
 * and per address and network, before the code is checked, so guesses sent at once cannot all pass one
 * count. A network's count is taken first; only an attempt its network lets through is added to the
 * address's total, so a stopped network cannot use up the code for everyone. A window starts with the first
 * attempt and lasts as long as a link; a right code or a new code clears both counts. (The tables are
 * `reset_code_failures` and `reset_code_network_failures`: a right code deletes its rows.)
 */

/** Counts one more attempt from `network` (a window older than `windowMs` starts over). Returns `failures`. */
export function countNetworkCodeAttemptStatement(
  db: D1Database,
  emailKey: string,
  network: string,
  now: number,
  windowMs: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO reset_code_network_failures (email_key, network, failures, since) VALUES (?1, ?4, 1, ?2)
       ON CONFLICT (email_key, network) DO UPDATE SET
         failures = CASE WHEN since <= ?2 - ?3 THEN 1 ELSE failures + 1 END,
         since = CASE WHEN since <= ?2 - ?3 THEN ?2 ELSE since END
       RETURNING failures`,
    )
    .bind(emailKey, now, windowMs, network);
}

/**
 * Counts one more attempt for the address, only if its network's count (taken just before, in the same
 * batch) is at most `networkMax`; to batch with the account's read. Returns `failures`, or no row for an
 * attempt its network stopped.
 */
export function countCodeAttemptStatement(
  db: D1Database,
  emailKey: string,
  network: string,
  now: number,
  windowMs: number,
  networkMax: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO reset_code_failures (email_key, failures, since)
       SELECT ?1, 1, ?2 WHERE (SELECT failures FROM reset_code_network_failures WHERE email_key = ?1 AND network = ?4) <= ?5
       ON CONFLICT (email_key) DO UPDATE SET
         failures = CASE WHEN since <= ?2 - ?3 THEN 1 ELSE failures + 1 END,
         since = CASE WHEN since <= ?2 - ?3 THEN ?2 ELSE since END
       RETURNING failures`,
    )
    .bind(emailKey, now, windowMs, network, networkMax);
}

/**
 * The counts start over: for a right code, and for a new code mailed for a request made at `before` (only
 * counts begun before that request go, so a re-run of the same job clears nothing newer).
 */
export function clearCodeAttemptsStatements(db: D1Database, emailKey: string, before: number): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM reset_code_failures WHERE email_key = ? AND since < ?").bind(emailKey, before),
    db.prepare("DELETE FROM reset_code_network_failures WHERE email_key = ? AND since < ?").bind(emailKey, before),
  ];
}

/** Forgets counts whose window started before `before` (epoch ms); returns how many. */
export async function deleteOldCodeFailures(db: D1Database, before: number): Promise<number> {
  const [address, network] = await db.batch([
    db.prepare("DELETE FROM reset_code_failures WHERE since < ?").bind(before),
    db.prepare("DELETE FROM reset_code_network_failures WHERE since < ?").bind(before),
  ]);
  return (address?.meta.changes ?? 0) + (network?.meta.changes ?? 0);
}
