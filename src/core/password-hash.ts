/**
 * Password hashing: PBKDF2-HMAC-SHA256 through WebCrypto.
 *
 * Production Workers refuse more than 100,000 PBKDF2 iterations per deriveBits call, while local
 * workerd accepts any count, so the cap is pinned by a unit test. An optional pepper (a Worker secret)
 * is mixed in with HMAC first, so a stolen database alone cannot be attacked offline.
 *
 * Stored format (PHC-like, self-describing so parameters can change later):
 *   $pbkdf2-sha256$i=<iterations>,p=<0|1>$<salt base64>$<hash base64>
 */
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";

/** The production Workers cap; more throws NotSupportedError there (docs/design.md, "Platform facts"). */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const PREFIX = "$pbkdf2-sha256$";

const encoder = new TextEncoder();

export interface PasswordCheck {
  valid: boolean;
  /** The stored hash uses other parameters than today's: rehash with the password just verified. */
  needsRehash: boolean;
}

interface StoredHash {
  iterations: number;
  peppered: boolean;
  salt: Uint8Array;
  hash: Uint8Array;
}

/** Hashes a password with a fresh random salt at the current parameters. */
export async function hashPassword(password: string, pepper: string | null): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS, pepper);
  return format({ iterations: PBKDF2_ITERATIONS, peppered: pepper !== null, salt, hash });
}

/** Verifies a password against a stored hash in constant time. A malformed stored hash never verifies. */
export async function verifyPassword(password: string, stored: string, pepper: string | null): Promise<PasswordCheck> {
  const parsed = parse(stored);
  if (parsed === null || (parsed.peppered && pepper === null)) {
    // Still spend one derivation so a broken row is not distinguishable by timing.
    await derive(password, new Uint8Array(SALT_BYTES), PBKDF2_ITERATIONS, pepper);
    return { valid: false, needsRehash: false };
  }
  const hash = await derive(password, parsed.salt, parsed.iterations, parsed.peppered ? pepper : null);
  const valid = hash.length === parsed.hash.length && constantTimeEqual(hash, parsed.hash);
  const needsRehash = parsed.iterations !== PBKDF2_ITERATIONS || parsed.peppered !== (pepper !== null);
  return { valid, needsRehash };
}

/**
 * Spends exactly what verifying a real password costs, for requests about unknown accounts
 * (invariant 5: an unknown email still costs one hash).
 */
export async function spendPasswordCheck(password: string, pepper: string | null): Promise<void> {
  await derive(password, new Uint8Array(SALT_BYTES), PBKDF2_ITERATIONS, pepper);
}

async function derive(
  password: string,
  salt: Uint8Array,
  iterations: number,
  pepper: string | null,
): Promise<Uint8Array> {
  if (iterations > PBKDF2_ITERATIONS)
    throw new RangeError(`PBKDF2 iterations above ${PBKDF2_ITERATIONS} fail in production`);
  const input = await passwordInput(password, pepper);
  const key = await crypto.subtle.importKey("raw", input, "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** NFKC so the same password typed on different keyboards/OSes matches (NIST SP 800-63B). */
async function passwordInput(password: string, pepper: string | null): Promise<Uint8Array> {
  const text = encoder.encode(password.normalize("NFKC"));
  if (pepper === null) return text;
  const key = await crypto.subtle.importKey("raw", encoder.encode(pepper), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, text));
}

function format(h: StoredHash): string {
  return `${PREFIX}i=${h.iterations},p=${h.peppered ? 1 : 0}$${encodeBase64(h.salt)}$${encodeBase64(h.hash)}`;
}

function parse(stored: string): StoredHash | null {
  const match = /^\$pbkdf2-sha256\$i=(\d{1,7}),p=([01])\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (match === null) return null;
  const iterations = Number(match[1]);
  if (iterations < 1 || iterations > PBKDF2_ITERATIONS) return null;
  try {
    return { iterations, peppered: match[2] === "1", salt: decodeBase64(match[3]!), hash: decodeBase64(match[4]!) };
  } catch {
    return null;
  }
}
