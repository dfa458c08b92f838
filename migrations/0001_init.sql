-- Accounts. Emails are stored normalised (NFKC, trimmed, lower-case); COLLATE NOCASE keeps the
-- uniqueness check case-insensitive even for rows written by hand.
CREATE TABLE users (
  id                  TEXT PRIMARY KEY,                 -- "blt" + 24 hex chars, Contentstack-style uid
  email               TEXT NOT NULL COLLATE NOCASE UNIQUE,
  email_key           TEXT NOT NULL,                    -- SHA-256 of "email:" + email: joins sign_in_throttle
  password_hash       TEXT NOT NULL,                    -- self-describing, see src/core/password-hash.ts
  credential_version  INTEGER NOT NULL DEFAULT 0,       -- bumped by every password change; sessions carry it
  first_name          TEXT,
  last_name           TEXT,
  created_at          TEXT NOT NULL,                    -- ISO-8601
  updated_at          TEXT NOT NULL,
  password_updated_at TEXT NOT NULL,
  last_login_at       TEXT
);

-- Failed sign-in state, keyed by the SHA-256 of the normalised email so that an unknown email is
-- throttled exactly like a known one (a lock that only real accounts get would enumerate them).
-- One sign-in attempt per email at a time (attempt_id holds the slot until busy_until), so parallel
-- guesses cannot all pass the lock check before the first failure is counted.
CREATE TABLE sign_in_throttle (
  email_key    TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL,
  locked_until INTEGER NOT NULL DEFAULT 0,              -- epoch ms; 0 = not locked
  updated_at   INTEGER NOT NULL,                        -- epoch ms
  attempt_id   TEXT,                                    -- the attempt holding the slot, if any
  busy_until   INTEGER NOT NULL DEFAULT 0               -- epoch ms; the slot frees itself then (a crashed attempt)
);

-- Security events shown to the user on /account and kept for investigation. user_id is NULL for failed
-- sign-ins on unknown emails (detail holds the email key): recorded like any other failure, so both cost the same.
CREATE TABLE audit_events (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id    TEXT,
  type       TEXT NOT NULL,
  ip         TEXT,
  user_agent TEXT,
  detail     TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX audit_events_by_user ON audit_events (user_id, id DESC);

-- Emails that could not be delivered, written by the dead-letter consumer (invariant 8).
CREATE TABLE mail_dead_letters (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id  TEXT NOT NULL,
  kind        TEXT NOT NULL,
  reason      TEXT NOT NULL,
  attempts    INTEGER NOT NULL,
  created_at  TEXT NOT NULL
);
