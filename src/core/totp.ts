/**
 * Authenticator-app codes: RFC 6238 TOTP with HMAC-SHA1, 6 digits and a 30-second step, as authenticator
 * apps and Contentstack's SDK (`mfaSecret`, otplib's defaults) compute them. @oslojs/otp computes each code;
 * this module picks the steps to accept and reports which one matched, so a code can be used only once.
 */
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { constantTimeEqualText } from "./secrets";

export const TOTP_STEP_MS = 30_000;
const DIGITS = 6;
/** Steps accepted either side of now: one (30 s) for clocks that drift, as RFC 6238 (section 5.2) recommends. */
const DRIFT_STEPS = 1;

/** A new 160-bit key (RFC 4226's recommended length). */
export function newTotpKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(20));
}

/** The key as people type it into an app: base32 in groups of four. */
export function totpKeyText(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, "$1 ");
}

/** The key from its base32 text (spaces and case ignored); null if it is not base32. */
export function parseTotpKeyText(text: string): Uint8Array | null {
  try {
    return decodeBase32IgnorePadding(text.replace(/\s/g, "").toUpperCase());
  } catch {
    return null;
  }
}

/** The otpauth:// URI an app scans from the QR code. */
export function totpUri(issuer: string, account: string, key: Uint8Array): string {
  return createTOTPKeyURI(issuer, account, key, TOTP_STEP_MS / 1000, DIGITS);
}

/** The code of time step `step` (known answers: RFC 6238 appendix B). */
export function totpAt(key: Uint8Array, step: number): string {
  return generateHOTP(key, BigInt(step), DIGITS);
}

/**
 * The time step whose code `typed` is, among now and one step either side; null if none (or not six
 * digits). Every candidate is compared in constant time, whichever matches.
 */
export function matchTotp(key: Uint8Array, typed: string, now: number): number | null {
  const code = typed.replace(/\s/g, "");
  if (!/^[0-9]{6}$/.test(code)) return null;
  const current = Math.floor(now / TOTP_STEP_MS);
  let matched: number | null = null;
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    if (constantTimeEqualText(totpAt(key, step), code)) matched = step;
  }
  return matched;
}
