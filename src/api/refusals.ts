/**
 * The one place where a flow's refusal becomes an API answer: status, Contentstack error code and the
 * field-keyed `errors`, exactly as docs/api.md lists them.
 */
import type { Context } from "hono";
import { describePasswordProblem } from "../domain/password-policy";
import type { ResetRefusal } from "../domain/password-reset";
import type { ResetRequired, SignInRefusal } from "../domain/sign-in";
import type { SignUpRefusal } from "../domain/sign-up";
import type { SecondFactorRefusal } from "../domain/two-factor";
import { describeWait } from "../domain/wait";
import { apiError, secondFactorRequired } from "../http/api-errors";
import type { AppEnv } from "../http/app-env";

/** Every refusal a flow can answer the API with. */
export type Refusal =
  | SignUpRefusal
  | SignInRefusal
  | ResetRequired
  | ResetRefusal
  | SecondFactorRefusal
  | { ok: false; reason: "second_factor_pending" }
  | { ok: false; reason: "not_signed_in" };

/** The envelope for a refusal. */
export function refuse(c: Context<AppEnv>, refusal: Refusal): Response {
  switch (refusal.reason) {
    case "password_mismatch":
      return apiError(c, "validation_failed", { password_confirmation: ["doesn't match password."] });
    case "password_rejected": {
      const message = describePasswordProblem(refusal.problem, c.get("config").passwordMinLength);
      return apiError(c, "password_rejected", { password: [message] });
    }
    case "email_taken":
      return apiError(c, "email_taken", { email: ["is already taken."] });
    case "invalid_credentials":
    // Contentstack's wire has no code for it; its message already says "reset your password" (docs/api.md).
    case "reset_required":
      return apiError(c, "invalid_credentials");
    case "locked":
      // The same words for known and unknown emails: the lock applies to both alike.
      return apiError(
        c,
        "rate_limited",
        { email: [lockedFragment(refusal.retryAfterMs)] },
        refusal.retryAfterMs / 1000,
      );
    case "token_invalid":
      return apiError(c, "reset_token_invalid", { reset_password_token: ["is invalid or has expired."] });
    case "not_signed_in":
      return apiError(c, "not_logged_in");
    case "second_factor_required":
    case "second_factor_pending":
    case "second_factor_wrong":
      return secondFactorRequired(c);
    case "second_factor_locked":
      return apiError(
        c,
        "rate_limited",
        { tfa_token: [`has had too many wrong codes: try again in ${describeWait(refusal.retryAfterMs)}.`] },
        refusal.retryAfterMs / 1000,
      );
  }
}

/** Contentstack-style field fragment: how long to wait, and that a reset lifts the lock at once. */
function lockedFragment(retryAfterMs: number): string {
  return `has too many sign-in attempts: try again in ${describeWait(retryAfterMs)}, or reset the password to sign in now.`;
}
