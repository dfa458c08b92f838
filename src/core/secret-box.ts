/**
 * Secrets kept at rest encrypted (authenticator keys): AES-256-GCM under TOTP_ENCRYPTION_KEY, with the
 * owner's id as associated data, so a sealed value copied to another account does not open. Stored as
 * "v1.<iv>.<ciphertext>" in base64url; the version leaves room to rotate the key.
 */
import { decodeBase64, decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

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

export async function seal(key: Uint8Array, plaintext: Uint8Array, owner: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const params = { name: "AES-GCM", iv, additionalData: encoder.encode(owner) };
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt(params, await importKey(key), plaintext));
  return `v1.${encodeBase64urlNoPadding(iv)}.${encodeBase64urlNoPadding(ciphertext)}`;
}

/** The plaintext, or null if `sealed` was not sealed for `owner` under `key` (or was altered). */
export async function open(key: Uint8Array, sealed: string, owner: string): Promise<Uint8Array | null> {
  const [version, iv, ciphertext] = sealed.split(".");
  if (version !== "v1" || iv === undefined || ciphertext === undefined) return null;
  try {
    const params = { name: "AES-GCM", iv: decodeBase64urlIgnorePadding(iv), additionalData: encoder.encode(owner) };
    const data = decodeBase64urlIgnorePadding(ciphertext);
    return new Uint8Array(await crypto.subtle.decrypt(params, await importKey(key), data));
  } catch {
    return null;
  }
}
