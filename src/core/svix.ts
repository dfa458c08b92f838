/**
 * Svix webhook signatures, as Resend signs its delivery events: HMAC-SHA256 over
 * "<svix-id>.<svix-timestamp>.<body>" with the secret after "whsec_" (base64), sent in `svix-signature`
 * as space-separated "v1,<base64>" entries (several while a secret rotates). A timestamp more than five
 * minutes away from now is refused, so a captured request cannot be replayed later.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";
import { constantTimeEqualText } from "./secrets";
import { MINUTE_MS, SECOND_MS } from "./time";

const TOLERANCE_MS = 5 * MINUTE_MS;
const encoder = new TextEncoder();

export type SignatureCheck = "valid" | "malformed" | "stale" | "forged";

export interface SvixHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

/** Whether `body` was signed with `secret` ("whsec_…") at a timestamp close to `now`. */
export function verifySvixSignature(secret: string, headers: SvixHeaders, body: string, now: number): SignatureCheck {
  const { id, timestamp, signature } = headers;
  if (id === undefined || timestamp === undefined || signature === undefined || !/^\d{1,12}$/.test(timestamp)) {
    return "malformed";
  }
  if (Math.abs(now - Number(timestamp) * SECOND_MS) > TOLERANCE_MS) return "stale";
  let key: Uint8Array;
  try {
    key = decodeBase64(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret);
  } catch {
    return "forged";
  }
  const expected = encodeBase64(hmac(SHA256, key, encoder.encode(`${id}.${timestamp}.${body}`)));
  const offered = signature.split(" ").flatMap((entry) => {
    const [version, value] = entry.split(",", 2);
    return version === "v1" && value !== undefined ? [value] : [];
  });
  return offered.some((value) => constantTimeEqualText(value, expected)) ? "valid" : "forged";
}
