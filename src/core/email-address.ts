/** Email normalisation: one spelling per mailbox, so uniqueness, throttles and limits key on the same string. */
import { hashSecret } from "./secrets";

/** NFKC, trimmed, lower-cased. */
export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

/** The key under which per-email state (throttles, limits) is stored: no plain addresses at rest, known or not. */
export function emailKey(normalizedEmail: string): string {
  return hashSecret(`email:${normalizedEmail}`);
}
