-- Two-factor authentication (authenticator apps). The key is sealed (AES-256-GCM under TOTP_ENCRYPTION_KEY,
-- the user's id as associated data; src/core/secret-box.ts), never stored in clear. NULL: two-factor is off.
-- Which codes were used, the recovery codes' hashes and the wrong-code count live in the user's SessionRegistry.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at TEXT;
