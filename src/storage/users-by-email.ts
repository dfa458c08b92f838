/**
 * D1 lookups of accounts by address. An account that changed its address keeps living in its shard; the new
 * address's placement holds an index row for it (moved_email_index, migration 0017; storage/user-email.ts).
 * Every statement here reads that index beside the shard's own users, so an account that never moved costs
 * nothing more, and one that moved costs one more read, in its own shard.
 */
import { userDatabase } from "./shard-databases";
import { findUserById, rowToUser, type User, type UserRow } from "./users";

/**
 * The account for `email` in whichever of `dbs` (an email key's candidate shards) holds it, asked side by
 * side: one round trip however many generations the layout has. At most one can hold it (sign-up checks).
 * An account whose address moved here from another shard (an email change; moved_email_index) is read from
 * its own shard: one more step, only for such an account.
 */
export async function findUserByEmailIn(env: Env, dbs: D1Database[], email: string): Promise<User | null> {
  const found = await Promise.all(
    dbs.map(async (db) => readEmailRows((await findUserByEmailStatement(db, email).all<EmailRow>()).results)),
  );
  const user = found.find((one) => one.user !== null)?.user;
  if (user !== undefined) return user;
  return findMovedUser(env, found.find((one) => one.movedTo !== null)?.movedTo ?? null, email);
}

/**
 * The lookup by email, for callers that batch it with other statements; read its rows with `readEmailRows`.
 * One statement answers both the shard's own account with that address and the index row of an account
 * elsewhere that moved to it, so an account that never moved costs nothing more.
 */
export function findUserByEmailStatement(db: D1Database, email: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT u.*, NULL AS moved_to FROM users u WHERE u.email = ?1
       UNION ALL SELECT u.*, m.user_id AS moved_to FROM moved_email_index m LEFT JOIN users u ON 0 WHERE m.email = ?1`,
    )
    .bind(email);
}

/** A row of `findUserByEmailStatement`: an account's, or (id null) an index row naming the account elsewhere. */
export type EmailRow = UserRow & { moved_to: string | null };

/** The account `findUserByEmailStatement` found in this shard, or the id of the one that moved to the address. */
export function readEmailRows(rows: readonly unknown[] | undefined): { user: User | null; movedTo: string | null } {
  const all = (rows ?? []) as EmailRow[];
  const own = all.find((row) => row.id !== null && row.id !== undefined);
  const index = all.find((row) => row.moved_to !== null && row.moved_to !== undefined);
  return { user: own === undefined ? null : rowToUser(own), movedTo: index?.moved_to ?? null };
}

/**
 * The account an index row names, from its own shard, if it still has `email` (a row a failed change left
 * behind names no account).
 */
export async function findMovedUser(env: Env, userId: string | null, email: string): Promise<User | null> {
  if (userId === null) return null;
  const user = await findUserById(userDatabase(env, userId), userId);
  return user !== null && user.email === email ? user : null;
}

/**
 * Every user with one of `emails` or `ids`, and whether their address is suppressed at `now` (it bounced or
 * complained), in one query: the email queue's batch looks its accounts up together. The lists travel as
 * JSON, so the statement has three parameters however long they are. The same statement answers the index
 * rows of accounts elsewhere that moved to one of `emails` (`moved`: email -> account id, and whether that
 * address is suppressed), so an account that never moved costs nothing more.
 */
export async function findUsersByEmailsOrIds(
  db: D1Database,
  emails: string[],
  ids: string[],
  now: number,
): Promise<{
  accounts: { user: User; suppressed: boolean }[];
  moved: Map<string, { id: string; suppressed: boolean }>;
}> {
  const moved = new Map<string, { id: string; suppressed: boolean }>();
  if (emails.length === 0 && ids.length === 0) return { accounts: [], moved };
  const { results } = await db
    .prepare(
      `SELECT u.*, s.until AS suppressed_until, NULL AS moved_to, NULL AS moved_email FROM users u
         LEFT JOIN mail_suppressions s ON s.email_key = u.email_key AND s.until > ?3
       WHERE u.email IN (SELECT value FROM json_each(?1)) OR u.id IN (SELECT value FROM json_each(?2))
       UNION ALL SELECT u.*, s.until, m.user_id, m.email FROM moved_email_index m LEFT JOIN users u ON 0
         LEFT JOIN mail_suppressions s ON s.email_key = m.email_key AND s.until > ?3
       WHERE m.email IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(emails), JSON.stringify(ids), now)
    .all<UserRow & { suppressed_until: number | null; moved_to: string | null; moved_email: string | null }>();
  const accounts: { user: User; suppressed: boolean }[] = [];
  for (const row of results) {
    const suppressed = row.suppressed_until !== null;
    if (row.moved_to !== null && row.moved_email !== null) moved.set(row.moved_email, { id: row.moved_to, suppressed });
    else accounts.push({ user: rowToUser(row), suppressed });
  }
  return { accounts, moved };
}
