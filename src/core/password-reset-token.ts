/**
 * Reset-token facts shared by the issuer (domain/password-reset-issue.ts), the authority (the
 * SessionRegistry's durable/registry-password-reset.ts) and the reset (domain/password-reset-check.ts,
 * password-reset.ts). A token is "<userId>.<secret>": the secret is 256 bits, base64url,
 * sent only inside the emailed link; the user id lets the Worker reach the user's Durable Object even when
 * KV has not yet seen the token's record (KV takes up to a minute to reach other locations and caches
 * misses). Tokens mailed before the user id was added are the bare secret; they are still accepted, found
 * through KV, until they expire.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { hashSecret } from "./secrets";
import { UID_PATTERN, UID_SOURCE } from "./shards";
import { HOUR_MS } from "./time";

/** A reset link works for 60 minutes after the request that asked for it, unless RESET_LINK_MINUTES says otherwise. */
export const RESET_LINK_TTL_MS = HOUR_MS;

const TOKEN_PATTERN = new RegExp(`^(?:(${UID_SOURCE})\\.)?([A-Za-z0-9_-]{43})$`);
const encoder = new TextEncoder();

/** A token taken apart: the user it names (null for a token from before user ids), and its secret's hash. */
export interface ParsedResetToken {
  userId: string | null;
  /** SHA-256 of the secret: what KV and the registry know the token by. */
  tokenHash: string;
}

/**
 * Derives the secret for one forgot-password request from the user's token key (held only inside the
 * user's Durable Object). Deterministic per request, so a retried queue message re-sends the very same
 * link (one email, one idempotency key) and no raw token is ever stored anywhere.
 */
export function deriveResetSecret(tokenKey: Uint8Array, requestId: string): string {
  return encodeBase64urlNoPadding(hmac(SHA256, tokenKey, encoder.encode(requestId)));
}

/**
 * Crockford's base32: no I, L, O or U, so a code read off a phone and typed on a laptop cannot be misread;
 * typing O for 0 or I or L for 1 is forgiven, as is any case, space or dash.
 */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 8 characters of 5 bits: 40 bits, against at most 5 wrong tries per code. */
export const RESET_CODE_LENGTH = 8;

/**
 * The code mailed beside the link of one request, derived like its secret (so a retried message re-sends
 * the same code) from a separate input, so neither gives the other away.
 */
export function deriveResetCode(tokenKey: Uint8Array, requestId: string): string {
  const bytes = hmac(SHA256, tokenKey, encoder.encode(`code:${requestId}`));
  let bits = 0n;
  for (const byte of bytes.slice(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = RESET_CODE_LENGTH - 1; i >= 0; i--) code += CODE_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** A code as a person typed it, in canonical form, or null if it cannot be one. */
export function normalizeResetCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== RESET_CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return code;
}

/** "ABCD-EFGH": how the email shows a code. */
export function formatResetCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The token mailed for a secret: it names its user. */
export function formatResetToken(userId: string, secret: string): string {
  if (!UID_PATTERN.test(userId)) throw new TypeError("invalid user id");
  return `${userId}.${secret}`;
}

/** Parses a token from a link or cookie; anything malformed is null and reaches no storage. */
export function parseResetToken(token: string): ParsedResetToken | null {
  const match = TOKEN_PATTERN.exec(token);
  if (match === null) return null;
  return { userId: match[1] ?? null, tokenHash: hashSecret(match[2]!) };
}

/** Whether a token issued at `issuedAt` has outlived its lifetime at `now` (KV's TTL is lazy; we check ourselves). */
export function isResetTokenExpired(issuedAt: number, now: number, ttlMs = RESET_LINK_TTL_MS): boolean {
  return now - issuedAt >= ttlMs;
}
