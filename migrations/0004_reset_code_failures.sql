-- Wrong reset codes per address (the email's key), known or not, so the count and the answers are the same
-- for an address without an account. Cleared when a new code is mailed; stale rows go with the daily job.
CREATE TABLE reset_code_failures (
  email_key TEXT PRIMARY KEY,
  failures  INTEGER NOT NULL,
  since     INTEGER NOT NULL
);
