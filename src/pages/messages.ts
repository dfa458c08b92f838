/**
 * The one place where a flow's refusal becomes words on a page: a message per form field, or `form` for
 * the whole form. The API's wording (api/refusals.ts) is Contentstack's; these are written for people.
 */

import type { ChangeRefusal } from "../domain/password-change";
import { describePasswordProblem } from "../domain/password-policy";
import type { ResetRefusal } from "../domain/password-reset";
import type { SignInRefusal } from "../domain/sign-in";
import type { SignUpRefusal } from "../domain/sign-up";
import type { SecondFactorRefusal } from "../domain/two-factor";
import { describeWait } from "../domain/wait";

/** Field name (or "form") -> the message shown next to it. */
export type FormErrors = Record<string, string>;

export const INVALID_CREDENTIALS =
  "Looks like your email or password is invalid. Please try again or reset your password.";
export const TOO_MANY_ATTEMPTS = "Too many attempts. Please wait a few minutes, or reset your password.";
export const TOO_MANY_REQUESTS = "Too many requests from your network. Please try again in a minute.";
const INVALID_LINK = "This password reset link is invalid, has expired or has already been used.";

/** The messages for a refusal, with the configured minimum length for policy wording. */
export function refusalMessages(refusal: SignUpRefusal | SignInRefusal | ResetRefusal, minLength: number): FormErrors {
  switch (refusal.reason) {
    case "password_mismatch":
      return { password_confirmation: "Doesn't match the password." };
    case "password_rejected":
      return { password: `Password ${describePasswordProblem(refusal.problem, minLength)}` };
    case "email_taken":
      return { email: "An account with this email already exists. Sign in or reset your password." };
    case "invalid_credentials":
      return { form: INVALID_CREDENTIALS };
    case "locked":
      return {
        form: `Too many sign-in attempts. Try again in ${describeWait(refusal.retryAfterMs)}, or reset your password to sign in now.`,
      };
    case "token_invalid":
      return { form: INVALID_LINK };
  }
}

/** The words for a refused second factor (sign-in, reset and the account page alike). */
export function secondFactorMessage(refusal: SecondFactorRefusal): string {
  switch (refusal.reason) {
    case "second_factor_required":
      return "Enter the 6-digit code from your authenticator app, or a recovery code.";
    case "second_factor_wrong":
      return "That code is not right, or was already used. Enter the current code from your app, or a recovery code.";
    case "second_factor_locked":
      return `Too many wrong codes. Try again in ${describeWait(refusal.retryAfterMs)}.`;
  }
}

/** The messages for a refused password change on /account (not_signed_in never gets here: it goes to /login). */
export function changeMessages(refusal: ChangeRefusal, minLength: number): FormErrors {
  switch (refusal.reason) {
    case "invalid_credentials":
      return { current_password: "That is not your current password." };
    case "changed_elsewhere":
      return { form: "Your password was changed somewhere else a moment ago. Nothing was changed here." };
    case "not_signed_in":
      return { form: "Your session has ended. Please sign in again." };
    default:
      return refusalMessages(refusal, minLength);
  }
}
