/**
 * Secrets kept at rest encrypted (authenticator keys): AES-256-GCM under TOTP_ENCRYPTION_KEY, with the
 * owner's id as associated data, so a sealed value copied to another account does not open. Stored as
 * "v1.<key id>.<iv>.<ciphertext>" (base64url; the key id is the first 8 hex digits of the key's SHA-256),
 * so during a key rotation a value names the key that opens it, and an operator can count what is left
 * under the old one.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import {
  decodeBase64,
  decodeBase64urlIgnorePadding,
  encodeBase64urlNoPadding,
  encodeHexLowerCase,
} from "@oslojs/encoding";

const encoder = new TextEncoder();

/** The public key wrangler.toml gives local development; refused anywhere else (config.ts). */
export function isDevelopmentSealingKey(key: Uint8Array): boolean {
  return new TextDecoder().decode(key) === "development-only-totp-key-000000";
}

/** TOTP_ENCRYPTION_KEY: 32 bytes in base64 (`openssl rand -base64 32`); null if it is not that. */
export function parseSealingKey(text: string | undefined): Uint8Array | null {
  if (text === undefined) return null;
  try {
    const key = decodeBase64(text.trim());
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

const keys = new Map<string, Promise<CryptoKey>>();
function importKey(raw: Uint8Array): Promise<CryptoKey> {
  const id = encodeBase64urlNoPadding(raw);
  let key = keys.get(id);
  if (key === undefined) {
    key = crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    keys.set(id, key);
  }
  return key;
}

/**
 * A sealed value that none of the configured keys opens: its key was removed too early (the previous key
 * during a rotation), or the value was altered. An operator's fault, not the user's: answered 503.
 */
export class SealedSecretUnavailableError extends Error {
  override name = "SealedSecretUnavailableError";
  constructor(readonly keyId: string) {
    super(`a sealed value under key ${JSON.stringify(keyId)} could not be opened`);
  }
}

/** The key id a sealed value names ("v1.<key id>.…"), for logs; "" if it names none. */
export function sealedKeyId(sealed: string): string {
  const [version, id] = sealed.split(".");
  return version === "v1" && id !== undefined ? id.slice(0, 16) : "";
}

/** A key's public name: the first 8 hex digits of its SHA-256. */
export function sealingKeyId(key: Uint8Array): string {
  return encodeHexLowerCase(sha256(key)).slice(0, 8);
}

/** Seals under `key` (always the current one). A fresh random IV every time. */
export async function seal(key: Uint8Array, plaintext: Uint8Array, owner: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const params = { name: "AES-GCM", iv, additionalData: encoder.encode(owner) };
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt(params, await importKey(key), plaintext));
  return `v1.${sealingKeyId(key)}.${encodeBase64urlNoPadding(iv)}.${encodeBase64urlNoPadding(ciphertext)}`;
}

/**
 * The plaintext and the key (of `keys`: current first, then the previous during a rotation) that opened
 * it; null if none of them sealed it for `owner` (or it was altered).
 */
export async function open(
  keys: Uint8Array[],
  sealed: string,
  owner: string,
): Promise<{ plaintext: Uint8Array; key: Uint8Array } | null> {
  const [version, id, iv, ciphertext] = sealed.split(".");
  if (version !== "v1" || iv === undefined || ciphertext === undefined) return null;
  const key = keys.find((candidate) => sealingKeyId(candidate) === id);
  if (key === undefined) return null;
  try {
    const params = { name: "AES-GCM", iv: decodeBase64urlIgnorePadding(iv), additionalData: encoder.encode(owner) };
    const data = decodeBase64urlIgnorePadding(ciphertext);
    return { plaintext: new Uint8Array(await crypto.subtle.decrypt(params, await importKey(key), data)), key };
  } catch {
    return null;
  }
}
