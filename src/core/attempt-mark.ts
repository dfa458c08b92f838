/**
 * A failed sign-in's mark: a keyed MAC of the email key and the password tried, so a repeated identical
 * failure can be recognised without storing the password or an unkeyed hash of it. The key derives from
 * the pepper (a Worker secret, never in D1), so a stolen database cannot test guesses against marks.
 * Synchronous: it runs before the sign-in's one D1 round trip.
 */
import { encodeHexLowerCase } from "@oslojs/encoding";
import { serverMac } from "./server-keys";

/** The mark of trying `password` for the email with `emailKey`. NFKC, like the password hash. */
export function signInAttemptMark(pepper: string | null, emailKey: string, password: string): string {
  const message = `${emailKey}\u0000${password.normalize("NFKC")}`;
  return encodeHexLowerCase(serverMac(pepper, "sign-in attempt marks v1", message));
}
