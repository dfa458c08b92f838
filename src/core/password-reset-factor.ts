/**
 * The reset's second factor (the `__Host-reset_factor` cookie's value): this browser typed a good code for
 * the reset link it holds. "<expires at>.<mac>": the MAC is HMAC-SHA256 over "<reset token>.<expires at>",
 * base64url, under the server key for "reset-second-factor", so it proves the code for that one link only,
 * for ten minutes. The token itself is never in the value. No I/O, no clock: `now` (epoch ms) is passed in.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { constantTimeEqualText } from "./secrets";
import { serverKey } from "./server-keys";
import { MINUTE_MS } from "./time";

/** How long a good code on the reset page stands before the new password. */
export const RESET_FACTOR_MS = 10 * MINUTE_MS;

const VALUE_PATTERN = /^([0-9]{1,16})\.([A-Za-z0-9_-]{43})$/;
const encoder = new TextEncoder();

/** The MAC key of reset factors, derived from the pepper (server-keys.ts). */
export function resetFactorKey(pepper: string | null): Uint8Array {
  return serverKey(pepper, "reset-second-factor");
}

/** The signed value for the link `token`, valid for RESET_FACTOR_MS after `now`. */
export function signResetFactor(key: Uint8Array, token: string, now: number): string {
  const expiresAt = now + RESET_FACTOR_MS;
  return `${expiresAt}.${mac(key, `${token}.${expiresAt}`)}`;
}

/** Whether `value` is genuine, unexpired and made for this very `token`. */
export function verifyResetFactor(key: Uint8Array, token: string, value: string | undefined, now: number): boolean {
  const match = value === undefined ? null : VALUE_PATTERN.exec(value);
  if (match === null) return false;
  const [, expiresAt, tag] = match as unknown as [string, string, string];
  if (!(Number(expiresAt) > now)) return false;
  return constantTimeEqualText(tag, mac(key, `${token}.${expiresAt}`));
}

function mac(key: Uint8Array, body: string): string {
  return encodeBase64urlNoPadding(hmac(SHA256, key, encoder.encode(body)));
}
