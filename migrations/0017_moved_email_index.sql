-- Which account an address belongs to when that account lives in another shard: an email change keeps the
-- account in its shard, and the row here, in the shard of the new address's placement, is where every lookup
-- by email finds it (asked in the same statement as that shard's users row). A row exists
-- only for an account whose address's placement is not its own shard.
CREATE TABLE IF NOT EXISTS moved_email_index (
  email_key TEXT PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  user_id TEXT NOT NULL
);

-- One address, one owner, decided by this database and never by a read: an index row and a users row of the
-- same shard exclude each other. The loser's statement changes nothing (RAISE(IGNORE)), so a sign-up's
-- INSERT ... RETURNING answers no row ("taken"), as its UNIQUE conflict does, and a change's claim counts 0.
CREATE TRIGGER IF NOT EXISTS moved_email_index_taken BEFORE INSERT ON moved_email_index
WHEN EXISTS (SELECT 1 FROM users WHERE email = NEW.email)
BEGIN
  SELECT RAISE(IGNORE);
END;

CREATE TRIGGER IF NOT EXISTS users_insert_moved_email_taken BEFORE INSERT ON users
WHEN EXISTS (SELECT 1 FROM moved_email_index WHERE email = NEW.email)
BEGIN
  SELECT RAISE(IGNORE);
END;

CREATE TRIGGER IF NOT EXISTS users_update_moved_email_taken BEFORE UPDATE OF email ON users
WHEN EXISTS (SELECT 1 FROM moved_email_index WHERE email = NEW.email AND user_id != NEW.id)
BEGIN
  SELECT RAISE(IGNORE);
END;
