/**
 * The zod fields both surfaces validate with, so the API and the pages accept exactly the same values.
 * Limits bound the work a request can cause (a 1 MiB password would cost a PBKDF2 input of 1 MiB).
 */
import { z } from "zod";

/** RFC 5321's longest forward path. */
export const EMAIL_MAX_LENGTH = 254;
/** Longer than any policy allows (256 code points, up to 4 bytes each), short enough to bound hashing. */
export const PASSWORD_FIELD_MAX_LENGTH = 1024;
const NAME_MAX_LENGTH = 100;

/** A syntactically valid email address; `message` is the surface's wording. */
export function emailField(message: string) {
  return z.email(message).max(EMAIL_MAX_LENGTH);
}

/** Any string of email length: sign-in must not reveal which addresses are well-formed accounts. */
export const emailTextField = z.string().max(EMAIL_MAX_LENGTH);

/** A password as typed: the policy, not the schema, judges it. */
export const passwordField = z.string().max(PASSWORD_FIELD_MAX_LENGTH);

/** A password that must be present (sign-in); `message` is the surface's wording. */
export function requiredPasswordField(message: string) {
  return passwordField.min(1, message);
}

/** An optional first or last name. */
export const nameField = z.string().trim().max(NAME_MAX_LENGTH);
