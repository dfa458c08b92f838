/**
 * Session tokens: "<userId>.<secret>.<mac>". The user id lets the Worker route straight to that user's
 * SessionRegistry object (no lookup in an eventually consistent store); the secret carries 192 random bits
 * and only its SHA-256 is stored; the MAC (128 bits of HMAC-SHA256 under a key derived from the pepper)
 * lets the Worker refuse a made-up token before any storage call, so forgeries cost nothing at rest or in
 * round trips. Tokens from before the MAC are refused: everyone signs in once more after that release.
 */
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { constantTimeEqualText, generateSecret, hashSecret } from "./secrets";
import { serverMac } from "./server-keys";
import { UID_PATTERN, UID_SOURCE } from "./shards";

const SECRET_BYTES = 24;
const MAC_BYTES = 16;
const TOKEN_PATTERN = new RegExp(`^(${UID_SOURCE})\\.([A-Za-z0-9_-]{32})\\.([A-Za-z0-9_-]{22})$`);

export interface ParsedSessionToken {
  userId: string;
  /** SHA-256 of the secret: the session's id in storage. */
  sessionId: string;
}

/** Mints a new token for a user, with the id under which its session is stored. */
export function createSessionToken(userId: string, pepper: string | null): { token: string; sessionId: string } {
  if (!UID_PATTERN.test(userId)) throw new TypeError("invalid user id");
  const secret = generateSecret(SECRET_BYTES);
  return { token: `${userId}.${secret}.${mac(pepper, userId, secret)}`, sessionId: hashSecret(secret) };
}

/** Parses a token from a header or cookie; anything malformed or forged is null and reaches no storage. */
export function parseSessionToken(token: string | null | undefined, pepper: string | null): ParsedSessionToken | null {
  if (token === null || token === undefined) return null;
  const match = TOKEN_PATTERN.exec(token);
  if (match === null) return null;
  const [, userId, secret, tag] = match as unknown as [string, string, string, string];
  if (!constantTimeEqualText(tag, mac(pepper, userId, secret))) return null;
  return { userId, sessionId: hashSecret(secret) };
}

function mac(pepper: string | null, userId: string, secret: string): string {
  return encodeBase64urlNoPadding(serverMac(pepper, "session tokens v1", `${userId}.${secret}`).slice(0, MAC_BYTES));
}
