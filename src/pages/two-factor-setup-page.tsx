/** Two-factor setup views, on /account: setup with its QR code, recovery codes, and the account page's section. */
import { raw } from "hono/html";
import { RECOVERY_CODE_COUNT } from "../core/recovery-codes";
import { Field, Notice } from "./layout";
import { PasskeyFactorForm } from "./passkey-factor-page";
import { Rich, Time, useT } from "./words";

/** Setup: scan the QR code (or type the key), then prove it with a code. */
export function TwoFactorSetupPage({ svg, keyText, error }: { svg: string; keyText: string; error?: string }) {
  const t = useT();
  return (
    <>
      <h1>{t("twoFactor.setup.title")}</h1>
      <p>{t("twoFactor.setup.scan")}</p>
      <div class="qr" role="img" aria-label={t("twoFactor.setup.qrAlt")}>
        {raw(svg)}
      </div>
      <p>
        <Rich
          text="twoFactor.setup.typeKey"
          values={{
            key: (
              <bdi>
                <code id="setup-key">{keyText}</code>
              </bdi>
            ),
          }}
        />
      </p>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      <form method="post" action="/account/two-factor">
        <Field name="code" label={t("twoFactor.setup.code")} type="text" autocomplete="one-time-code" autofocus />
        <Field name="password" label={t("twoFactor.yourPassword")} type="password" autocomplete="current-password" />
        <button type="submit">{t("twoFactor.setup.submit")}</button>
      </form>
      <p class="alt">
        <a href="/account">{t("twoFactor.setup.cancel")}</a>
      </p>
    </>
  );
}

/** Recovery codes, shown once: to copy, download or print. */
export function RecoveryCodesPage({
  codes,
  fresh,
}: {
  codes: string[];
  /** "enabled_passkey": turned on with a passkey as the only second factor. */
  fresh: "enabled" | "enabled_passkey" | "regenerated";
}) {
  const t = useT();
  const text = `${t("twoFactor.codes.fileHeading")}\n\n${codes.join("\n")}\n`;
  return (
    <>
      <h1>{fresh === "regenerated" ? t("twoFactor.codes.regeneratedHeading") : t("twoFactor.codes.enabledHeading")}</h1>
      <Notice tone="success">
        {fresh === "regenerated"
          ? t("twoFactor.codes.regeneratedNotice")
          : fresh === "enabled"
            ? t("twoFactor.codes.enabledNotice")
            : t("passkeyFactor.codesNotice")}
      </Notice>
      <p>{t("twoFactor.codes.keep")}</p>
      <pre id="recovery-codes" class="codes">
        {codes.join("\n")}
      </pre>
      <p>
        <button type="button" data-copy="recovery-codes" data-copied={t("field.copied")}>
          {t("twoFactor.codes.copy")}
        </button>{" "}
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="recovery-codes.txt">
          {t("twoFactor.codes.download")}
        </a>
      </p>
      <p>
        <a href="/account">{t("twoFactor.codes.back")}</a>
      </p>
    </>
  );
}

/** The account page's section: turn on; or, when on, new recovery codes and turn off. */
export function TwoFactorSection({
  since,
  recoveryCodesLeft,
  passkeyOnly,
  hasPasskeys,
  errors,
}: {
  since: string | null;
  recoveryCodesLeft: number;
  /** On with a passkey as the only second factor (no app): the forms take a recovery code. */
  passkeyOnly: boolean;
  /** Whether the account has a passkey (when off: it may turn two-factor on with one). */
  hasPasskeys: boolean;
  errors: Record<string, string>;
}) {
  const t = useT();
  if (since === null) {
    return (
      <>
        <h2 id="two-factor">{t("twoFactor.title")}</h2>
        <p>{t("twoFactor.section.off")}</p>
        <form method="get" action="/account/two-factor">
          <button type="submit">{t("twoFactor.section.setUp")}</button>
        </form>
        {hasPasskeys && <PasskeyFactorForm error={errors.factor_password} />}
      </>
    );
  }
  const codeLabel = passkeyOnly ? t("passkeyFactor.recoveryCode") : undefined;
  return (
    <>
      <h2 id="two-factor">{t("twoFactor.title")}</h2>
      <p>
        {/* Two lines rather than a space: Japanese puts none between sentences. */}
        <Rich text="twoFactor.section.on" values={{ since: <Time at={since} /> }} />
        <br />
        {passkeyOnly && (
          <>
            {t("passkeyFactor.on")}
            <br />
          </>
        )}
        {t("twoFactor.section.codesLeft", { count: recoveryCodesLeft, total: RECOVERY_CODE_COUNT })}
      </p>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <PasswordAndCodeForm
        action="/account/two-factor/recovery-codes"
        fields={["regen_password", "recovery_code"]}
        codeLabel={codeLabel ?? t("twoFactor.section.appCode")}
        submit={t("twoFactor.section.newCodes")}
        errors={errors}
      />
      <PasswordAndCodeForm
        action="/account/two-factor/off"
        fields={["off_password", "off_code"]}
        codeLabel={codeLabel ?? t("twoFactor.section.appOrRecoveryCode")}
        submit={t("twoFactor.section.turnOff")}
        errors={errors}
      />
    </>
  );
}

/** One of the account page's two-factor forms: the password and a code, each field named for its form. */
function PasswordAndCodeForm({
  action,
  fields: [password, code],
  codeLabel,
  submit,
  errors,
}: {
  action: string;
  fields: [password: string, code: string];
  codeLabel: string;
  submit: string;
  errors: Record<string, string>;
}) {
  const t = useT();
  return (
    <form method="post" action={action}>
      <Field
        name={password}
        label={t("twoFactor.yourPassword")}
        type="password"
        autocomplete="current-password"
        error={errors[password]}
      />
      <Field name={code} label={codeLabel} type="text" autocomplete="one-time-code" error={errors[code]} />
      <button type="submit">{submit}</button>
    </form>
  );
}
