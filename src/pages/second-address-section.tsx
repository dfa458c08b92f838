/** /account's second address (domain/second-address.ts): the address and a way to remove it, or a form to add one. */
import { Field, Notice } from "./layout";
import { Rich, useT } from "./words";

/** The section; `error`: why the last add or remove was refused. */
export function SecondAddressSection({ address, error }: { address: string | null; error?: string | undefined }) {
  const t = useT();
  return (
    <>
      <h2 id="second-address">{t("notices.secondAddress.heading")}</h2>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      {address === null ? (
        <form method="post" action="/account/second-address">
          <p>{t("notices.secondAddress.none")}</p>
          <Field
            name="second_address"
            label={t("notices.secondAddress.addressLabel")}
            type="email"
            autocomplete="email"
          />
          <Field
            name="second_address_password"
            label={t("notices.secondAddress.passwordLabel")}
            type="password"
            autocomplete="current-password"
          />
          <button type="submit" class="secondary">
            {t("notices.secondAddress.add")}
          </button>
        </form>
      ) : (
        <form method="post" action="/account/second-address/remove">
          <p>
            <Rich text="notices.secondAddress.current" values={{ address: <bdi>{address}</bdi> }} />
          </p>
          <Field
            name="second_address_password"
            label={t("notices.secondAddress.passwordLabel")}
            type="password"
            autocomplete="current-password"
          />
          <button type="submit" class="secondary">
            {t("notices.secondAddress.remove")}
          </button>
        </form>
      )}
    </>
  );
}

/** The page a verification link opens: one button (a mail scanner's GET changes nothing), or why the link is dead. */
export function SecondAddressConfirmPage({ token, address }: { token: string; address: string | null }) {
  const t = useT();
  return (
    <>
      <h1>{t("notices.secondAddress.verify.subject")}</h1>
      {address === null ? (
        <Notice tone="error">{t("notices.secondAddress.deadLink")}</Notice>
      ) : (
        <form method="post" action="/second-address/confirm">
          <p>
            <Rich text="notices.secondAddress.confirmText" values={{ address: <bdi>{address}</bdi> }} />
          </p>
          <input type="hidden" name="token" value={token} />
          <button type="submit">{t("notices.secondAddress.confirmButton")}</button>
        </form>
      )}
    </>
  );
}
