/** D1 access for an account's address: the email change and its revert (domain/email-change.ts, lock-down.ts). */
import { emailKey } from "../core/email-address";
import { emailCandidateDatabases, emailDatabase, userDatabase } from "./shard-databases";
import { findUserByEmailIn } from "./users-by-email";

/**
 * Moves account `userId` from address `from` to `to`, only if it still has `from`. The account stays in its
 * shard; when `to`'s placement is another shard, an index row there (moved_email_index) finds it, and the old
 * address's index row, if it had one, goes. Returns whether it moved; false when another account holds `to`
 * or the address moved since. Every "taken" is decided by a database, never by a read: the users row's
 * UNIQUE in the account's shard, and at the placement the index row's keys and the triggers by which an
 * index row and a users row exclude each other (migration 0017). So a change racing a sign-up of the same
 * address gives it to exactly one of them.
 */
export async function moveUserEmail(
  env: Env,
  userId: string,
  change: { from: string; to: string },
  now: string,
): Promise<boolean> {
  const home = userDatabase(env, userId);
  const toKey = emailKey(change.to);
  const placement = emailDatabase(env, toKey);
  const indexed = placement !== home;
  // An account from an older generation's shard may hold the address: asked first, as sign-up does.
  const older = emailCandidateDatabases(env, toKey).filter((db) => db !== placement && db !== home);
  if (older.length > 0 && (await findUserByEmailIn(env, older, change.to)) !== null) return false;
  if (indexed) {
    // The claim first: once it stands, no sign-up at the placement can take the address.
    const claim = await placement
      .prepare(
        `INSERT INTO moved_email_index (email_key, email, user_id) VALUES (?1, ?2, ?3)
         ON CONFLICT (email_key) DO UPDATE SET user_id = user_id WHERE user_id = excluded.user_id`,
      )
      .bind(toKey, change.to, userId)
      .run();
    if (claim.meta.changes !== 1) return false;
  }
  const moved = await home
    .prepare("UPDATE OR IGNORE users SET email = ?1, email_key = ?2, updated_at = ?3 WHERE id = ?4 AND email = ?5")
    .bind(change.to, toKey, now, userId, change.from)
    .run();
  if (moved.meta.changes !== 1) {
    if (indexed) await releaseIndexStatement(placement, toKey, userId).run();
    return false;
  }
  // The old address's row, wherever a generation placed it (none if it was placed in the account's shard).
  const fromKey = emailKey(change.from);
  const old = emailCandidateDatabases(env, fromKey).filter((db) => db !== home);
  await Promise.all(old.map((db) => releaseIndexStatement(db, fromKey, userId).run()));
  return true;
}

function releaseIndexStatement(db: D1Database, key: string, userId: string): D1PreparedStatement {
  return db.prepare("DELETE FROM moved_email_index WHERE email_key = ? AND user_id = ?").bind(key, userId);
}
