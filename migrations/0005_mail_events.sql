-- Delivery events from the email provider's signed webhook (Resend, signed with Svix), each recorded once
-- by its webhook message id, against the email's idempotency key; and addresses that bounced or
-- complained, suppressed for a while so no further email goes to them.
CREATE TABLE mail_events (
  webhook_id      TEXT PRIMARY KEY,
  type            TEXT NOT NULL,
  idempotency_key TEXT,
  provider_id     TEXT,
  email_key       TEXT,
  user_id         TEXT,
  detail          TEXT,
  created_at      TEXT NOT NULL
);
CREATE INDEX mail_events_by_key ON mail_events (idempotency_key);

CREATE TABLE mail_suppressions (
  email_key TEXT PRIMARY KEY,
  until     INTEGER NOT NULL,
  reason    TEXT NOT NULL,
  since     INTEGER NOT NULL
);
