/** /login and /signup views. */
import { EmailField, Field, NewPasswordFields, Notice } from "./layout";
import { PasskeyFallback, PasskeyOffer, PasskeySignIn } from "./passkey-page";
import { TurnstileWidget } from "./turnstile-widget";
import { Rich, useT } from "./words";

/** Notices /login can show, chosen by ?notice= (never free text from the URL); words under "notice.<name>". */
export const SIGN_IN_NOTICES = {
  reset: "success",
  password_reset: "info",
  password_changed: "info",
  signed_out: "info",
  signed_out_elsewhere: "info",
  signed_out_everywhere: "info",
  session_limit: "info",
  session_max_age: "info",
  email_changed: "info",
  locked_down: "info",
  expired: "info",
  signed_up: "success",
  passkey_expired: "error",
  passkey_refused: "error",
  passkey_limited: "error",
} as const;

export type SignInNotice = keyof typeof SIGN_IN_NOTICES;

/** `challengeSiteKey`: the bot challenge is shown (domain/bot-check.ts). */
export function SignInPage({
  email,
  error,
  notice,
  challengeSiteKey,
  offerPasskey = false,
}: {
  email?: string;
  error?: string;
  notice?: SignInNotice | null;
  challengeSiteKey?: string | undefined;
  /** After a reset on an account without a passkey: offer one, to add once signed in (skippable). */
  offerPasskey?: boolean;
}) {
  const t = useT();
  return (
    <>
      <h1>{t("signIn.title")}</h1>
      {notice !== undefined && notice !== null && (
        <Notice tone={SIGN_IN_NOTICES[notice]}>{t(`notice.${notice}`)}</Notice>
      )}
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      {offerPasskey && <PasskeyOffer />}
      <form method="post" action="/login" novalidate={false}>
        {offerPasskey && <input type="hidden" name="next" value="passkeys" />}
        <EmailField value={email} autofocus={email === undefined} autocomplete="username webauthn" />
        <Field
          name="password"
          label={t("signIn.password")}
          type="password"
          autocomplete="current-password"
          autofocus={email !== undefined}
        />
        <p class="below-fields">
          <a href="/forgot-password">{t("signIn.forgot")}</a>
        </p>
        {challengeSiteKey !== undefined && <TurnstileWidget siteKey={challengeSiteKey} />}
        <button type="submit">{t("signIn.submit")}</button>
      </form>
      <PasskeySignIn />
      <PasskeyFallback />
      <p class="alt">
        <Rich text="signIn.noAccount" values={{ link: <a href="/signup">{t("signIn.signUpLink")}</a> }} />
      </p>
    </>
  );
}

export interface SignUpValues {
  email?: string;
  first_name?: string;
  last_name?: string;
}

/** The sign-up form; values are kept and errors shown next to their fields. */
export function SignUpPage({
  values,
  errors,
  minLength,
}: {
  values: SignUpValues;
  errors: Record<string, string>;
  minLength: number;
}) {
  const t = useT();
  return (
    <>
      <h1>{t("signUp.heading")}</h1>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <form method="post" action="/signup" data-password-form data-min-length={String(minLength)}>
        <Field
          name="first_name"
          label={t("signUp.firstName")}
          type="text"
          autocomplete="given-name"
          value={values.first_name}
          required={false}
          error={errors.first_name}
        />
        <Field
          name="last_name"
          label={t("signUp.lastName")}
          type="text"
          autocomplete="family-name"
          value={values.last_name}
          required={false}
          error={errors.last_name}
        />
        <EmailField value={values.email} error={errors.email} />
        <NewPasswordFields errors={errors} minLength={minLength} labels={[t("signUp.password"), t("signUp.confirm")]} />
        <button type="submit">{t("signUp.submit")}</button>
      </form>
      <p class="alt">
        <Rich text="signUp.haveAccount" values={{ link: <a href="/login">{t("signUp.signInLink")}</a> }} />
      </p>
    </>
  );
}
