/**
 * Session tokens: "<userId>.<secret>". The user id lets the Worker route straight to that user's
 * SessionRegistry object (no lookup in an eventually consistent store); the secret carries 192 random
 * bits and only its SHA-256 is stored.
 */
import { generateSecret, hashSecret, UID_PATTERN } from "./secrets";

const SECRET_BYTES = 24;
const TOKEN_PATTERN = /^(blt[0-9a-f]{24})\.([A-Za-z0-9_-]{32})$/;

export interface ParsedSessionToken {
  userId: string;
  /** SHA-256 of the secret: the session's id in storage. */
  sessionId: string;
}

/** Mints a new token for a user, with the id under which its session is stored. */
export function createSessionToken(userId: string): { token: string; sessionId: string } {
  if (!UID_PATTERN.test(userId)) throw new TypeError("invalid user id");
  const secret = generateSecret(SECRET_BYTES);
  return { token: `${userId}.${secret}`, sessionId: hashSecret(secret) };
}

/** Parses a token from a header or cookie; anything malformed is null (and never reaches a Durable Object). */
export function parseSessionToken(token: string | null | undefined): ParsedSessionToken | null {
  if (token === null || token === undefined) return null;
  const match = TOKEN_PATTERN.exec(token);
  if (match === null) return null;
  return { userId: match[1]!, sessionId: hashSecret(match[2]!) };
}
