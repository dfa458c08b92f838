/**
 * Signing our outbound events as the Standard Webhooks specification (1.0.0) says, with WebCrypto: the key is
 * the base64 after "whsec_" (24 to 64 random bytes); the signature is HMAC-SHA256 over
 * "<webhook-id>.<webhook-timestamp>.<body>", sent in `webhook-signature` as "v1,<base64>", beside
 * `webhook-id` (the event's, the same on every attempt) and `webhook-timestamp` (this attempt's, in Unix
 * seconds, so a receiver can refuse a replay). The verifying side, for Resend's events, is core/svix.ts.
 * No I/O, no clock: the attempt's time is passed in.
 */
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";
import { ConfigError } from "./config-values";
import { SECOND_MS } from "./time";

const PREFIX = "whsec_";
/** The specification's bounds on a symmetric signing secret: at least 24 bytes (192 bits), at most 64. */
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;
const encoder = new TextEncoder();

/** The three headers of one delivery attempt. */
export interface WebhookSignatureHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** The HMAC key of a "whsec_…" secret; throws ConfigError for anything else (a typo must not send unsigned). */
export function parseWebhookSecret(secret: string): Uint8Array {
  let key: Uint8Array;
  try {
    if (!secret.startsWith(PREFIX)) throw new Error("no prefix");
    key = decodeBase64(secret.slice(PREFIX.length));
  } catch {
    throw new ConfigError('WEBHOOK_SECRET must be "whsec_" followed by base64 (openssl rand -base64 32)');
  }
  if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
    throw new ConfigError(
      `WEBHOOK_SECRET must hold ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} bytes, got ${key.length}`,
    );
  }
  return key;
}

/** The headers that sign `body` as event `id` for an attempt made at `now` (epoch ms). */
export async function signWebhook(
  key: Uint8Array,
  id: string,
  body: string,
  now: number,
): Promise<WebhookSignatureHeaders> {
  const timestamp = String(Math.floor(now / SECOND_MS));
  const hmacKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", hmacKey, encoder.encode(`${id}.${timestamp}.${body}`));
  return {
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": `v1,${encodeBase64(new Uint8Array(mac))}`,
  };
}
