/** /reset-password/code view: the email address and the code from the reset email, typed on any device. */
import { EmailField, Field, Notice } from "./layout";
import type { FormErrors } from "./messages";
import { useT } from "./words";

/** The form for the code, with any errors next to their fields (or above it, for the whole form). */
export function EnterCodePage({ email, errors }: { email?: string | undefined; errors: FormErrors }) {
  const t = useT();
  return (
    <>
      <h1>{t("reset.codeTitle")}</h1>
      <p>{t("reset.codeIntro")}</p>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <form method="post" action="/reset-password/code">
        <EmailField value={email} error={errors.email} />
        <Field
          name="code"
          label={t("reset.codeLabel")}
          type="text"
          autocomplete="one-time-code"
          error={errors.code}
          hint={t("reset.codeHint")}
          autofocus={email !== undefined && email !== ""}
        />
        <button type="submit">{t("reset.codeSubmit")}</button>
      </form>
      <p class="alt">
        <a href="/forgot-password">{t("reset.sendNewEmail")}</a>
      </p>
    </>
  );
}
