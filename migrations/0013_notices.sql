-- Whether the owner is emailed when their account is signed in to from a new device (a browser with no
-- device cookie for it, from a network it has not used in 30 days): on unless turned off on /account.
-- Read with the account in sign-in's first round trip, so the choice costs no extra step.
ALTER TABLE users ADD COLUMN new_device_notices INTEGER NOT NULL DEFAULT 1;

-- A second, verified address (normalised as `email` is): every security notice goes to it too. NULL: none.
ALTER TABLE users ADD COLUMN second_email TEXT;

-- Which account a second address belongs to, kept in the shard of that address's placement (as an account's
-- own address is), so a reset asked from it is found where the consumer looks for that address. The primary
-- key decides a race between two accounts claiming one address.
CREATE TABLE IF NOT EXISTS second_email_index (
  email_key TEXT PRIMARY KEY,
  user_id TEXT NOT NULL
);
