/** /account's form that turns two-factor sign-in on with a passkey as the only second factor. */
import { Field } from "./layout";
import { PasskeyCheckButton, PasskeyFallback } from "./passkey-page";
import { useT } from "./words";

/** The password, then a passkey of the account (the script fills the credential and sends the form). */
export function PasskeyFactorForm({ error }: { error?: string | undefined }) {
  const t = useT();
  return (
    <>
      <h3>{t("passkeyFactor.turnOnHeading")}</h3>
      <p>{t("passkeyFactor.turnOnIntro")}</p>
      <PasskeyFallback />
      <form method="post" action="/account/two-factor/passkey" data-passkey-factor>
        <Field
          name="factor_password"
          label={t("twoFactor.yourPassword")}
          type="password"
          autocomplete="current-password"
          error={error}
        />
        <PasskeyCheckButton optionsUrl="/account/two-factor/passkey-options" label={t("passkeyFactor.turnOn")} />
      </form>
    </>
  );
}
