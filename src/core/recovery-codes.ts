/**
 * Recovery codes for two-factor sign-in: ten, each 12 Crockford base32 characters (60 random bits), shown
 * once as "XXXX-XXXX-XXXX" and stored only as a keyed hash bound to the account.
 */
import { encodeHexLowerCase } from "@oslojs/encoding";
import { serverMac } from "./server-keys";

export const RECOVERY_CODE_COUNT = 10;
const LENGTH = 12;
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Ten new codes, formatted for people. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
    // 256 is a multiple of 32, so each byte's low five bits are uniform.
    const code = [...bytes].map((b) => ALPHABET[b & 31]).join("");
    return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
  });
}

/** A typed recovery code in its canonical form (case, dashes, spaces and O/I/L forgiven); null if it is not one. */
export function normalizeRecoveryCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

/**
 * The stored form of a (normalised) code of account `userId`: an HMAC under a key derived from the pepper,
 * so a copy of the registry's storage alone cannot be searched for the codes.
 */
export function recoveryCodeHash(pepper: string | null, userId: string, code: string): string {
  return encodeHexLowerCase(serverMac(pepper, "recovery-code", `${userId}:${code}`));
}
