-- The admin API's audit (issue 27): one row per authenticated call to /admin/v1, with the key's name, what
-- it did, to which account (its uid, never its address: an erased account's row is its tombstone), the
-- reason given (required for changes) and the answer's status. In the first shard (DB) whatever the layout:
-- admin calls are few, and an operator reads them in one place. Kept: never pruned by the daily job.
CREATE TABLE admin_actions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  key_name   TEXT NOT NULL,
  action     TEXT NOT NULL,
  user_id    TEXT,
  reason     TEXT,
  status     INTEGER NOT NULL,
  ip         TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX admin_actions_by_user ON admin_actions (user_id, id);
