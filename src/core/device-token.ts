/**
 * Device tokens (OWASP's "device cookies"): a browser that signed in successfully to an account gets one,
 * bound by a MAC under a server key to that account's email key and to its credential version, so every
 * password reset voids every device token of the account. A sign-in presenting a valid, current one is
 * judged on that device's own failures only, so strangers' failures cannot lock the owner out.
 * Format: "<id>.<credential version>.<mac>": 128 random bits and 128 bits of HMAC-SHA256, base64url.
 */
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { constantTimeEqualText, generateSecret, hashSecret } from "./secrets";
import { serverMac } from "./server-keys";

const ID_BYTES = 16;
const MAC_BYTES = 16;
const TOKEN_PATTERN = /^([A-Za-z0-9_-]{22})\.(0|[1-9][0-9]{0,8})\.([A-Za-z0-9_-]{22})$/;

/** What a valid device token claims: the throttle scope of its device, and the credential version it was issued at. */
export interface DeviceClaim {
  scope: string;
  credentialVersion: number;
}

/** A new device token for the account with `emailKey`, at its current credential version. */
export function issueDeviceToken(pepper: string | null, emailKey: string, credentialVersion: number): string {
  const id = generateSecret(ID_BYTES);
  return `${id}.${credentialVersion}.${mac(pepper, emailKey, id, credentialVersion)}`;
}

/** The claim of a token whose MAC holds for this email, else null; the caller compares its version with D1's. */
export function deviceClaim(pepper: string | null, emailKey: string, token: string | undefined): DeviceClaim | null {
  const match = token === undefined ? null : TOKEN_PATTERN.exec(token);
  if (match === null) return null;
  const [, id, version, tag] = match as unknown as [string, string, string, string];
  if (!constantTimeEqualText(tag, mac(pepper, emailKey, id, Number(version)))) return null;
  return { scope: `device:${hashSecret(id).slice(0, 32)}`, credentialVersion: Number(version) };
}

function mac(pepper: string | null, emailKey: string, id: string, credentialVersion: number): string {
  const full = serverMac(pepper, "device tokens v1", `${emailKey}.${id}.${credentialVersion}`);
  return encodeBase64urlNoPadding(full.slice(0, MAC_BYTES));
}
