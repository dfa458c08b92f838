-- The language an account's emails are written in ("en", "de", "fr", "es", "ja", "ar"): set at sign-up
-- from the page's language and changed on /account. NULL (accounts from before, sign-ups through the API):
-- English. A reset email follows the language of the page it was asked from, when there was one.
ALTER TABLE users ADD COLUMN language TEXT;
