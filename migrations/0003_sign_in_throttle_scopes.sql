-- The owner must not be locked out by strangers (OWASP's device-cookie approach). Failed sign-ins are now
-- counted per (email, scope): scope 'device:<id>' for a browser that signed in successfully before (it is
-- judged on its own failures only), 'net:<network>' for any other client (an IPv4 address or IPv6 /64), and
-- '*' for every failure of untrusted clients of the email together, capped at 100 a day. Each scope has its
-- own attempt slot, so a stranger's parallel attempts cannot keep the owner "busy" either.
CREATE TABLE sign_in_throttle_scoped (
  email_key    TEXT NOT NULL,
  scope        TEXT NOT NULL,
  failures     INTEGER NOT NULL,
  locked_until INTEGER NOT NULL DEFAULT 0,                 -- epoch ms; 0 = not locked
  updated_at   INTEGER NOT NULL,                           -- epoch ms ('*': the start of its day window)
  attempt_id   TEXT,                                       -- the attempt holding this scope's slot, if any
  busy_until   INTEGER NOT NULL DEFAULT 0,                 -- epoch ms; the slot frees itself then
  PRIMARY KEY (email_key, scope)
) WITHOUT ROWID;

-- Existing counts become the email's daily window, below its cap (a live lock is kept as it is).
INSERT INTO sign_in_throttle_scoped (email_key, scope, failures, locked_until, updated_at)
  SELECT email_key, '*', MIN(failures, 99), locked_until, updated_at FROM sign_in_throttle;
DROP TABLE sign_in_throttle;
ALTER TABLE sign_in_throttle_scoped RENAME TO sign_in_throttle;
CREATE INDEX sign_in_throttle_by_age ON sign_in_throttle (updated_at);
