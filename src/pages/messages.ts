/**
 * The one place where a flow's refusal becomes words on a page: a message per form field, or `form` for
 * the whole form, in the page's language. The API's wording (api/refusals.ts) is Contentstack's English.
 */
import type { Context } from "hono";
import type { EmailChangeRefusal } from "../domain/email-change";
import type { ChangeRefusal } from "../domain/password-change";
import { PASSWORD_MAX_LENGTH, type PasswordProblem } from "../domain/password-policy";
import type { ResetRefusal } from "../domain/password-reset";
import type { ResetRequired, SignInRefusal } from "../domain/sign-in";
import type { SignUpRefusal } from "../domain/sign-up";
import type { SecondFactorRefusal } from "../domain/two-factor";
import { formatWait } from "../i18n/format";
import type { PageLanguage } from "../i18n/languages";
import type { PageEnv } from "./page-language";

/** Field name (or "form") -> the message shown next to it. */
export type FormErrors = Record<string, string>;

/** How long to wait, in the page's language. */
function wait(c: Context<PageEnv>, ms: number): string {
  return formatWait(c.get("language") as PageLanguage, ms);
}

/** Why a password is refused, as a sentence next to the password field. */
export function passwordProblemMessage(c: Context<PageEnv>, problem: PasswordProblem): string {
  const { t } = c.var;
  switch (problem) {
    case "too_short":
      return t("password.too_short", { count: c.get("config").passwordMinLength });
    case "too_long":
      return t("password.too_long", { count: PASSWORD_MAX_LENGTH });
    default:
      return t(`password.${problem}`);
  }
}

/** The messages for a refusal of sign-up, sign-in or reset. */
export function refusalMessages(
  c: Context<PageEnv>,
  refusal: SignUpRefusal | SignInRefusal | ResetRequired | ResetRefusal,
): FormErrors {
  const { t } = c.var;
  switch (refusal.reason) {
    case "password_mismatch":
      return { password_confirmation: t("field.mismatch") };
    case "password_rejected":
      return { password: passwordProblemMessage(c, refusal.problem) };
    case "email_taken":
      return { email: t("refusal.emailTaken") };
    case "invalid_credentials":
      return { form: t("refusal.invalidCredentials") };
    case "locked":
      return { form: t("refusal.locked", { wait: wait(c, refusal.retryAfterMs) }) };
    case "token_invalid":
      return { form: t("refusal.invalidLink") };
    case "reset_required":
      return { form: t("refusal.resetRequired") };
  }
}

/** The words for a refused second factor (sign-in, reset and the account page alike). */
export function secondFactorMessage(c: Context<PageEnv>, refusal: SecondFactorRefusal): string {
  const { t } = c.var;
  switch (refusal.reason) {
    case "second_factor_required":
      return t("refusal.codeRequired");
    case "second_factor_wrong":
      return t("refusal.codeWrong");
    case "second_factor_locked":
      return t("refusal.codeLocked", { wait: wait(c, refusal.retryAfterMs) });
  }
}

/** The messages for a refused password change on /account (not_signed_in never gets here: it goes to /login). */
export function changeMessages(c: Context<PageEnv>, refusal: ChangeRefusal): FormErrors {
  const { t } = c.var;
  switch (refusal.reason) {
    case "invalid_credentials":
      return { current_password: t("refusal.notCurrentPassword") };
    case "changed_elsewhere":
      return { form: t("refusal.changedElsewhere") };
    case "not_signed_in":
      return { form: t("refusal.sessionEnded") };
    default:
      return refusalMessages(c, refusal);
  }
}

/** The messages for a refused email change on /account (not_signed_in never gets here: it goes to /login). */
export function emailChangeMessages(c: Context<PageEnv>, refusal: EmailChangeRefusal): FormErrors {
  const { t } = c.var;
  switch (refusal.reason) {
    case "same_email":
      return { new_email: t("emailChange.same") };
    case "invalid_credentials":
      return { email_password: t("refusal.notCurrentPassword") };
    case "second_factor_required":
    case "second_factor_wrong":
    case "second_factor_locked":
      return { email_code: secondFactorMessage(c, refusal) };
    case "locked":
      return refusalMessages(c, refusal);
    case "not_signed_in":
      return { form: t("refusal.sessionEnded") };
  }
}
