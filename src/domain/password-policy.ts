/**
 * Password policy after NIST SP 800-63B rev 4: a minimum length (15 by default), at most 256 characters,
 * no composition rules, not a common password, not the email, optionally not in a known breach
 * (Have I Been Pwned range API, k-anonymity: only 5 hex characters of the SHA-1 leave the Worker).
 * Length counts Unicode code points after NFKC, as NIST asks.
 */
import { sha1 } from "@oslojs/crypto/sha1";
import { encodeHexUpperCase } from "@oslojs/encoding";
import type { Config } from "../core/config";
import { SECOND_MS } from "../core/time";
import { COMMON_PASSWORDS_TEXT } from "./common-passwords";

export const PASSWORD_MAX_LENGTH = 256;
const HIBP_TIMEOUT_MS = SECOND_MS;

/** Why a password is refused; describePasswordProblem words it. */
export type PasswordProblem =
  | "too_short"
  | "too_long"
  | "common"
  | "matches_email"
  | "breached"
  | "breach_check_unavailable";

/** The policy's parameters: the configured minimum, the account's email, and the breach check. */
export interface PolicyOptions {
  minLength: number;
  email: string;
  hibp: { enabled: boolean; failOpen: boolean; apiUrl: string; fetch: typeof fetch };
}

let commonPasswords: Set<string> | null = null;

/** The policy as configured, for a password of the account with `email`. */
export function policyOptions(config: Config, email: string): PolicyOptions {
  return {
    minLength: config.passwordMinLength,
    email,
    // Called as a plain function: workerd refuses the global fetch called as a method of another object.
    hibp: {
      enabled: config.hibpEnabled,
      failOpen: config.hibpFailOpen,
      apiUrl: config.hibpApiUrl,
      fetch: (input, init) => fetch(input, init),
    },
  };
}

/** Public, human wording for each problem; shown next to the password field. */
export function describePasswordProblem(problem: PasswordProblem, minLength: number): string {
  switch (problem) {
    case "too_short":
      return `must be at least ${minLength} characters long.`;
    case "too_long":
      return `must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
    case "common":
      return "is too common or predictable (a well-known password, a repeat or a sequence). Please choose a less predictable one.";
    case "matches_email":
      return "must not be your email address.";
    case "breached":
      return "has appeared in a data breach. Please choose a different one.";
    case "breach_check_unavailable":
      return "could not be checked against known breaches right now. Please try again in a moment.";
  }
}

/** Rules that need no network: the ones the page can also hint live. */
export function checkPasswordLocally(
  password: string,
  options: Pick<PolicyOptions, "minLength" | "email">,
): PasswordProblem | null {
  const normalized = password.normalize("NFKC");
  const length = [...normalized].length;
  if (length < options.minLength) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  const folded = normalized.toLowerCase();
  if (isCommonPassword(folded) || isPredictable(folded)) return "common";
  if (options.email !== "" && folded.trim() === options.email.toLowerCase()) return "matches_email";
  return null;
}

/** The whole policy, including the optional breach check. */
export async function checkPassword(password: string, options: PolicyOptions): Promise<PasswordProblem | null> {
  const local = checkPasswordLocally(password, options);
  if (local !== null || !options.hibp.enabled) return local;
  return checkBreached(password.normalize("NFKC"), options.hibp);
}

function isCommonPassword(folded: string): boolean {
  commonPasswords ??= new Set(COMMON_PASSWORDS_TEXT.split("\n"));
  return commonPasswords.has(folded);
}

/**
 * With a 15-character minimum almost no list entry is long enough to matter on its own, so the list is
 * also applied to the usual ways of stretching a common password: repeating it or a short unit
 * ("passwordpassword", "abcabcabcabcabc"), a plain run ("123456789012345", "qwertyuiopasdfg" is covered by
 * the keyboard rows), or a common word padded with a predictable run ("password1234567890", "dragon!!!!!!!!!").
 */
function isPredictable(folded: string): boolean {
  if (new Set(folded).size <= 2) return true;
  const repeated = /^(.+?)\1+$/.exec(folded);
  if (repeated !== null && (repeated[1]!.length <= 4 || isCommonPassword(repeated[1]!))) return true;
  if (isRun(folded)) return true;
  // A core with letters, padded before or after by a run of non-letters; the core is always shorter, so this ends.
  const after = /^(.*[a-z])([^a-z]+)$/.exec(folded);
  const before = /^([^a-z]+)([a-z].*)$/.exec(folded);
  const splits: [string, string][] = [];
  if (after !== null) splits.push([after[1]!, after[2]!]);
  if (before !== null) splits.push([before[2]!, before[1]!]);
  for (const [core, pad] of splits) {
    const weakCore = isCommonPassword(core) || isPredictable(core);
    const weakPad = pad.length <= 4 || isRun(pad) || new Set(pad).size <= 2 || isCommonPassword(pad);
    if (weakCore && weakPad) return true;
  }
  return false;
}

const KEYBOARD_ROWS = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz"];

/** Consecutive characters of the alphabet, the digits or a keyboard row, forwards or backwards, wrapping around. */
function isRun(text: string): boolean {
  if (text.length < 3) return false;
  return KEYBOARD_ROWS.some((row) => {
    const forward = row.repeat(Math.ceil(text.length / row.length) + 1);
    const backward = [...forward].reverse().join("");
    return forward.includes(text) || backward.includes(text);
  });
}

async function checkBreached(password: string, hibp: PolicyOptions["hibp"]): Promise<PasswordProblem | null> {
  const digest = encodeHexUpperCase(sha1(new TextEncoder().encode(password)));
  const prefix = digest.slice(0, 5);
  const suffix = digest.slice(5);
  try {
    const response = await hibp.fetch(`${hibp.apiUrl}/range/${prefix}`, {
      headers: { "Add-Padding": "true", "User-Agent": "edge-password-reset" },
      signal: AbortSignal.timeout(HIBP_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HIBP answered ${response.status}`);
    const body = await response.text();
    for (const line of body.split("\n")) {
      const [hashSuffix, count] = line.trim().split(":");
      if (hashSuffix === suffix && Number(count) > 0) return "breached";
    }
    return null;
  } catch (error) {
    console.warn(JSON.stringify({ event: "hibp_unavailable", error: String(error) }));
    return hibp.failOpen ? null : "breach_check_unavailable";
  }
}
