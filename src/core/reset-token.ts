/**
 * Reset-token facts shared by the issuer (domain/reset-link.ts), the authority (SessionRegistry) and the
 * redeemer (domain/password-reset.ts). Tokens are 256-bit, base64url, sent only inside the emailed link.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { HOUR_MS } from "./time";

/** A reset link works for 60 minutes after the request that asked for it. */
export const RESET_LINK_TTL_MS = HOUR_MS;
export const RESET_LINK_TTL_SECONDS = RESET_LINK_TTL_MS / 1000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const encoder = new TextEncoder();

/**
 * Derives the token for one forgot-password request from the user's secret token key (held only inside
 * the user's Durable Object). Deterministic per request, so a retried queue message re-sends the very
 * same link (one email, one idempotency key) and no raw token is ever stored anywhere.
 */
export function deriveResetToken(tokenKey: Uint8Array, requestId: string): string {
  return encodeBase64urlNoPadding(hmac(SHA256, tokenKey, encoder.encode(requestId)));
}

/** Cheap shape check before any storage lookup. */
export function isWellFormedResetToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** Whether a token issued at `issuedAt` has outlived the 60 minutes at `now` (KV's TTL is lazy; we check ourselves). */
export function isResetTokenExpired(issuedAt: number, now: number): boolean {
  return now - issuedAt >= RESET_LINK_TTL_MS;
}
