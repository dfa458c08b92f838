/**
 * Recovery codes for two-factor sign-in: ten, each 16 Crockford base32 characters (80 random bits, above
 * NIST SP 800-63B section 4.2.1.1's 64), shown once as "XXXX-XXXX-XXXX-XXXX" and stored only as a keyed
 * hash bound to the account. Codes issued before were 12 characters (60 bits): those still work until used
 * or replaced, since their hashes are already stored and the owner may have only them.
 */
import { encodeHexLowerCase } from "@oslojs/encoding";
import { serverMac } from "./server-keys";

export const RECOVERY_CODE_COUNT = 10;
/** Characters of a code issued now: 16 × 5 = 80 bits. */
export const RECOVERY_CODE_LENGTH = 16;
/** Characters of a code issued before the codes grew; accepted, never issued. */
const LEGACY_LENGTH = 12;
const GROUP = 4;
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Ten new codes, formatted for people. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = crypto.getRandomValues(new Uint8Array(RECOVERY_CODE_LENGTH));
    // 256 is a multiple of 32, so each byte's low five bits are uniform.
    const code = [...bytes].map((b) => ALPHABET[b & 31]).join("");
    const groups = Array.from({ length: RECOVERY_CODE_LENGTH / GROUP }, (_, i) =>
      code.slice(i * GROUP, (i + 1) * GROUP),
    );
    return groups.join("-");
  });
}

/** A typed recovery code in its canonical form (case, dashes, spaces and O/I/L forgiven); null if it is not one. */
export function normalizeRecoveryCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== RECOVERY_CODE_LENGTH && code.length !== LEGACY_LENGTH) return null;
  if ([...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

/**
 * The stored form of a (normalised) code of account `userId`: an HMAC under a key derived from the pepper,
 * so a copy of the registry's storage alone cannot be searched for the codes.
 */
export function recoveryCodeHash(pepper: string | null, userId: string, code: string): string {
  return encodeHexLowerCase(serverMac(pepper, "recovery-code", `${userId}:${code}`));
}
