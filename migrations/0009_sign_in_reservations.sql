-- Issue 30: the email's daily cap ('*' row of sign_in_throttle) is reserved when an attempt is let in, not
-- read: `reserved` counts the untrusted attempts being checked now (their busy_until window is the '*' row's,
-- so a crashed attempt's reservation lapses), and an attempt is let in only while failures + reserved is
-- under the cap. On the '*' row, attempt_id names the attempt that reserved last (how an attempt knows it won).
ALTER TABLE sign_in_throttle ADD COLUMN reserved INTEGER NOT NULL DEFAULT 0;

-- Networks (the unit of src/core/client-info.ts clientNetwork) where the email's account signed in
-- successfully: for 30 days an API sign-in from one is judged on its own failures only, like a trusted
-- device, so strangers spending the daily cap cannot lock the owner's SDK or CLI out. A reset keeps them.
CREATE TABLE sign_in_known_networks (
  email_key    TEXT NOT NULL,                              -- as in sign_in_throttle
  network      TEXT NOT NULL,                              -- IPv4 address, IPv6 /64, or "unknown"
  signed_in_at INTEGER NOT NULL,                           -- epoch ms of the latest successful sign-in from it
  PRIMARY KEY (email_key, network)
) WITHOUT ROWID;

CREATE INDEX sign_in_known_networks_by_age ON sign_in_known_networks (signed_in_at);
