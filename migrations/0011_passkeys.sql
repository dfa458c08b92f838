-- Passkey sign-ins that begin without an account (issue 25). A challenge lives 5 minutes and is used by the
-- statement that deletes it (DELETE ... RETURNING: never twice); its row sits in the shard its id names, and
-- the id travels in a short-lived __Host- cookie. Expired rows go with the daily job.
CREATE TABLE passkey_sign_in_challenges (
  id         TEXT PRIMARY KEY,
  challenge  TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Failed passkey assertions per network (an IPv4 address or IPv6 /64), in the shard its hash names: their own
-- limit, apart from the password's (a passkey cannot be guessed, so the password's locks do not refuse one).
CREATE TABLE passkey_network_failures (
  network  TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  since    INTEGER NOT NULL
) WITHOUT ROWID;
