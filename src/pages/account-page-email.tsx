/** The email-change form on /account: the new address, the password, and the code when two-factor is on. */
import { Field, Notice } from "./layout";
import { Rich, useT } from "./words";

export function ChangeEmail({
  email,
  twoFactorOn,
  errors,
}: {
  email: string;
  twoFactorOn: boolean;
  errors: Record<string, string>;
}) {
  const t = useT();
  return (
    <>
      <h2 id="change-email">{t("emailChange.heading")}</h2>
      <p>
        <Rich text="emailChange.current" values={{ email: <bdi>{email}</bdi> }} />
      </p>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <form method="post" action="/account/email">
        <Field
          name="new_email"
          label={t("emailChange.newLabel")}
          type="email"
          autocomplete="email"
          error={errors.new_email}
        />
        <Field
          name="email_password"
          label={t("twoFactor.yourPassword")}
          type="password"
          autocomplete="current-password"
          error={errors.email_password}
        />
        {twoFactorOn && (
          <Field
            name="email_code"
            label={t("emailChange.codeLabel")}
            type="text"
            autocomplete="one-time-code"
            error={errors.email_code}
          />
        )}
        <button type="submit" class="secondary">
          {t("emailChange.submit")}
        </button>
      </form>
    </>
  );
}
