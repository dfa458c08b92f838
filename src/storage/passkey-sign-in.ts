/**
 * D1 access for passkey sign-ins that begin without an account: their challenges (single-use: the read is
 * the DELETE) and failed assertions per network. Both tables are keyed by a hex digest, so each row lives
 * in the shard that digest names (storage/shard-databases.ts `emailDatabase` places any hex key).
 */

/** Stores a sign-in challenge until `expiresAt`. */
export async function storeSignInChallenge(
  db: D1Database,
  id: string,
  challenge: string,
  expiresAt: number,
): Promise<void> {
  await db
    .prepare("INSERT INTO passkey_sign_in_challenges (id, challenge, expires_at) VALUES (?, ?, ?)")
    .bind(id, challenge, expiresAt)
    .run();
}

/** Uses a sign-in challenge: deleted by the statement that reads it, so two requests cannot both get it. */
export function takeSignInChallengeStatement(db: D1Database, id: string, now: number): D1PreparedStatement {
  return db
    .prepare("DELETE FROM passkey_sign_in_challenges WHERE id = ? RETURNING challenge, expires_at > ? AS live")
    .bind(id, now);
}

/** A network's failed assertions within the window that began at `since` (no row: none). */
export function networkFailuresStatement(db: D1Database, network: string): D1PreparedStatement {
  return db.prepare("SELECT failures, since FROM passkey_network_failures WHERE network = ?").bind(network);
}

/** Counts one more failed assertion from `network` (a window older than `windowMs` starts over). */
export async function recordNetworkFailure(
  db: D1Database,
  network: string,
  now: number,
  windowMs: number,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO passkey_network_failures (network, failures, since) VALUES (?1, 1, ?2)
       ON CONFLICT (network) DO UPDATE SET
         failures = CASE WHEN since <= ?2 - ?3 THEN 1 ELSE failures + 1 END,
         since = CASE WHEN since <= ?2 - ?3 THEN ?2 ELSE since END`,
    )
    .bind(network, now, windowMs)
    .run();
}

/** The daily job: expired challenges, and failure counts whose window ended before `before`. */
export async function deleteStalePasskeyRows(db: D1Database, now: number, before: number): Promise<number> {
  const [challenges, failures] = await db.batch([
    db.prepare("DELETE FROM passkey_sign_in_challenges WHERE expires_at <= ?").bind(now),
    db.prepare("DELETE FROM passkey_network_failures WHERE since < ?").bind(before),
  ]);
  return (challenges?.meta.changes ?? 0) + (failures?.meta.changes ?? 0);
}
