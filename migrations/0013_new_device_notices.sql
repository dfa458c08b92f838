-- Whether the owner is emailed when their account is signed in to from a new device (a browser with no
-- device cookie for it, from a network it has not used in 30 days): on unless turned off on /account.
-- Read with the account in sign-in's first round trip, so the choice costs no extra step.
ALTER TABLE users ADD COLUMN new_device_notices INTEGER NOT NULL DEFAULT 1;

-- A second, verified address (normalised as `email` is): every security notice goes to it too. NULL: none.
ALTER TABLE users ADD COLUMN second_email TEXT;
