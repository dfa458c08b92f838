/** Two-factor views of the second step: the code step (after sign-in's password, or a reset link), and lost access. */
import { Field, Notice } from "./layout";
import { PasskeyCheckButton } from "./passkey-page";
import { useT } from "./words";

/** The step that asks for the code: after a right password, or after a reset link on such an account. */
export function SecondFactorStep({
  action,
  error,
  purpose,
}: {
  action: string;
  error?: string;
  purpose: "sign_in" | "reset";
}) {
  const t = useT();
  return (
    <>
      <h1>{t("twoFactor.title")}</h1>
      <p>{purpose === "sign_in" ? t("twoFactor.stepSignIn") : t("twoFactor.stepReset")}</p>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      <form method="post" action={action}>
        <Field
          name="code"
          label={t("twoFactor.codeLabel")}
          type="text"
          autocomplete="one-time-code"
          hint={t("twoFactor.codeHint")}
          autofocus
        />
        <button type="submit">{purpose === "sign_in" ? t("twoFactor.verify") : t("twoFactor.continue")}</button>
      </form>
      <form method="post" action={`${action}/passkey`}>
        <PasskeyCheckButton optionsUrl={`${action}/passkey-options`} />
      </form>
      <p class="alt">
        <a href="/two-factor/lost">{t("twoFactor.lostLink")}</a>
      </p>
    </>
  );
}

/** For someone who has lost both the device and the recovery codes: what to do, not a loop. */
export function LostSecondFactorPage() {
  const t = useT();
  return (
    <>
      <h1>{t("twoFactor.lost.heading")}</h1>
      <p>{t("twoFactor.lost.intro")}</p>
      <ul>
        <li>{t("twoFactor.lost.otherDevice")}</li>
        <li>{t("twoFactor.lost.savedCodes")}</li>
        <li>{t("twoFactor.lost.support")}</li>
      </ul>
      <p>
        <a href="/login">{t("twoFactor.lost.back")}</a>
      </p>
    </>
  );
}
