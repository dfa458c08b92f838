-- One mistake counts once: a failed sign-in leaves a keyed MAC of (email key, password) here, so the same
-- wrong password sent again (a client retry, a resubmitted form, a retyped typo) adds nothing to the count.
-- No password is stored: the MAC's key derives from the PASSWORD_PEPPER secret, which D1 never holds.
-- Rows live at most a day (the daily clean-up), and go on a successful sign-in or a reset.
CREATE TABLE sign_in_failure_marks (
  email_key   TEXT NOT NULL,                               -- as in sign_in_throttle
  mark        TEXT NOT NULL,                               -- HMAC-SHA256(attempt key, email_key + password), hex
  created_at  INTEGER NOT NULL,                            -- epoch ms of the latest such failure
  credential_version INTEGER NOT NULL,                     -- the password version it was checked against (-1: no account);
                                                           -- a mark of an older version is stale and proves nothing
  PRIMARY KEY (email_key, mark)
) WITHOUT ROWID;

CREATE INDEX sign_in_failure_marks_by_age ON sign_in_failure_marks (created_at);
