/**
 * Device tokens (OWASP's "device cookies"): a browser that signed in successfully to an account gets one,
 * bound to that account's email key by a MAC under a server key. A sign-in that presents a valid one is
 * judged on that device's own failures only, so strangers' failures cannot lock the owner out.
 * Format: "<id>.<mac>", 128 random bits and 128 bits of HMAC-SHA256, base64url.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { constantTimeEqualText, generateSecret, hashSecret } from "./secrets";
import { serverKey } from "./server-keys";

const ID_BYTES = 16;
const MAC_BYTES = 16;
const TOKEN_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;
const encoder = new TextEncoder();

/** A new device token for the account with `emailKey`. */
export function issueDeviceToken(pepper: string | null, emailKey: string): string {
  const id = generateSecret(ID_BYTES);
  return `${id}.${mac(pepper, emailKey, id)}`;
}

/** The throttle scope of a valid device token for this email ("device:<hash of its id>"), else null. */
export function deviceScope(pepper: string | null, emailKey: string, token: string | undefined): string | null {
  const match = token === undefined ? null : TOKEN_PATTERN.exec(token);
  if (match === null || match === undefined) return null;
  const [, id, tag] = match as unknown as [string, string, string];
  if (!constantTimeEqualText(tag, mac(pepper, emailKey, id))) return null;
  return `device:${hashSecret(id).slice(0, 32)}`;
}

function mac(pepper: string | null, emailKey: string, id: string): string {
  const full = hmac(SHA256, serverKey(pepper, "device tokens v1"), encoder.encode(`${emailKey}.${id}`));
  return encodeBase64urlNoPadding(full.slice(0, MAC_BYTES));
}
