/**
 * A failed sign-in's mark: a keyed MAC of the email key and the password tried, so a repeated identical
 * failure can be recognised without storing the password or an unkeyed hash of it. The key derives from
 * the pepper (a Worker secret, never in D1), so a stolen database cannot test guesses against marks.
 * Synchronous: it runs before the sign-in's one D1 round trip.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { serverKey } from "./server-keys";

const encoder = new TextEncoder();

/** The mark of trying `password` for the email with `emailKey`. NFKC, like the password hash. */
export function signInAttemptMark(pepper: string | null, emailKey: string, password: string): string {
  const key = serverKey(pepper, "sign-in attempt marks v1");
  return encodeHexLowerCase(hmac(SHA256, key, encoder.encode(`${emailKey}\u0000${password.normalize("NFKC")}`)));
}
