/**
 * The link that verifies a second address: "<user id>.<address, base64url>.<expires at>.<mac>", the MAC
 * HMAC-SHA256 over the first three parts under the server key for "second-address", so nobody can name
 * another account or another address, or stretch its day. Only the mailbox it was sent to learns it, which
 * is what verifying means. No I/O, no clock: `now` (epoch ms) is passed in.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { constantTimeEqualText } from "./secrets";
import { serverKey } from "./server-keys";
import { UID_SOURCE } from "./shards";
import { DAY_MS } from "./time";

/** How long a verification link works. */
export const SECOND_ADDRESS_LINK_MS = DAY_MS;

const VALUE_PATTERN = new RegExp(`^(${UID_SOURCE})\\.([A-Za-z0-9_-]{1,700})\\.([0-9]{1,16})\\.([A-Za-z0-9_-]{43})$`);
const encoder = new TextEncoder();

/** The account and the address a link verifies. */
export interface SecondAddressClaim {
  userId: string;
  address: string;
}

/** The signed value for `claim`, valid for SECOND_ADDRESS_LINK_MS after `now`. */
export function signSecondAddress(pepper: string | null, claim: SecondAddressClaim, now: number): string {
  const body = `${claim.userId}.${encodeBase64urlNoPadding(encoder.encode(claim.address))}.${now + SECOND_ADDRESS_LINK_MS}`;
  return `${body}.${mac(pepper, body)}`;
}

/** What a genuine, unexpired value names; null for anything else (forged, altered, expired or malformed). */
export function verifySecondAddress(
  pepper: string | null,
  value: string | undefined,
  now: number,
): SecondAddressClaim | null {
  const match = value === undefined ? null : VALUE_PATTERN.exec(value);
  if (match === null) return null;
  const [, userId, address, expiresAt, tag] = match as unknown as [string, string, string, string, string];
  if (!constantTimeEqualText(tag, mac(pepper, `${userId}.${address}.${expiresAt}`))) return null;
  if (!(Number(expiresAt) > now)) return null;
  return { userId, address: new TextDecoder().decode(decodeBase64urlIgnorePadding(address)) };
}

function mac(pepper: string | null, body: string): string {
  return encodeBase64urlNoPadding(hmac(SHA256, serverKey(pepper, "second-address"), encoder.encode(body)));
}
