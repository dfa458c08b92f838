/**
 * Keys the Worker derives from the PASSWORD_PEPPER secret, one per purpose (a label), so no purpose can
 * be turned against another. Production refuses to run without a pepper; development uses a fixed seed,
 * which makes its keys public, as development keys are.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";

const encoder = new TextEncoder();
const DEVELOPMENT_SEED = "development: no PASSWORD_PEPPER set";
const cache = new Map<string, Uint8Array>();

/** HMAC-SHA256 of `message` under the key for `label`: every MAC the Worker makes. */
export function serverMac(pepper: string | null, label: string, message: string): Uint8Array {
  return hmac(SHA256, serverKey(pepper, label), encoder.encode(message));
}

/** HMAC-SHA256(pepper, label): 256 bits for one purpose. */
export function serverKey(pepper: string | null, label: string): Uint8Array {
  const id = `${pepper ?? DEVELOPMENT_SEED}\u0000${label}`;
  let key = cache.get(id);
  if (key === undefined) {
    key = hmac(SHA256, encoder.encode(pepper ?? DEVELOPMENT_SEED), encoder.encode(label));
    cache.set(id, key);
  }
  return key;
}
