/**
 * The pending sign-in (the `__Host-sign_in_pending` cookie's value): this browser typed the right password of
 * an account that asks for a code. "<user id>.<credential version>.<expires at>.<mac>": the MAC is
 * HMAC-SHA256 over the first three parts, base64url, under the server key for "sign-in-pending", so a browser
 * can neither name another account nor stretch its five minutes; the caller compares the credential version
 * with the account's, so a password change voids it. No I/O, no clock: `now` (epoch ms) is passed in.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { constantTimeEqualText } from "./secrets";
import { serverKey } from "./server-keys";
import { UID_SOURCE } from "./shards";
import { MINUTE_MS } from "./time";

/** How long a right password waits for its code. */
export const SIGN_IN_PENDING_MS = 5 * MINUTE_MS;

const VALUE_PATTERN = new RegExp(`^(${UID_SOURCE})\\.(0|[1-9][0-9]{0,15})\\.([0-9]{1,16})\\.([A-Za-z0-9_-]{43})$`);
const encoder = new TextEncoder();

/** The account whose password this browser proved, at the credential version it proved it against. */
export interface SignInPending {
  userId: string;
  credentialVersion: number;
}

/** The MAC key of pending sign-ins, derived from the pepper (server-keys.ts). */
export function signInPendingKey(pepper: string | null): Uint8Array {
  return serverKey(pepper, "sign-in-pending");
}

/** The signed value for `pending`, valid for SIGN_IN_PENDING_MS after `now`. */
export function signSignInPending(key: Uint8Array, pending: SignInPending, now: number): string {
  const body = `${pending.userId}.${pending.credentialVersion}.${now + SIGN_IN_PENDING_MS}`;
  return `${body}.${mac(key, body)}`;
}

/** What a genuine, unexpired value names; null for anything else (forged, altered, expired or malformed). */
export function verifySignInPending(key: Uint8Array, value: string | undefined, now: number): SignInPending | null {
  const match = value === undefined ? null : VALUE_PATTERN.exec(value);
  if (match === null) return null;
  const [, userId, version, expiresAt, tag] = match as unknown as [string, string, string, string, string];
  if (!constantTimeEqualText(tag, mac(key, `${userId}.${version}.${expiresAt}`))) return null;
  if (!(Number(expiresAt) > now)) return null;
  return { userId, credentialVersion: Number(version) };
}

function mac(key: Uint8Array, body: string): string {
  return encodeBase64urlNoPadding(hmac(SHA256, key, encoder.encode(body)));
}
