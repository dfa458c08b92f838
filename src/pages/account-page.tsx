/** /account: profile, active sessions (this one marked), sign-out buttons, password, two-factor, emails' language. */
import type { AccountOverview, AuditEvent } from "../domain/account";
import type { SessionInfo, User } from "../domain/sessions";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "../i18n/languages";
import { ChangeEmail } from "./account-page-email";
import { EventList } from "./account-page-events";
import { SessionList, SignOutActions } from "./account-page-sessions";
import { Field, NewPasswordFields, Notice } from "./layout";
import { NewDeviceSection } from "./new-device-section";
import { PasskeySection } from "./passkey-page";
import { SecondAddressSection } from "./second-address-section";
import { TwoFactorSection } from "./two-factor-setup-page";
import { Rich, Time, useT } from "./words";

export interface AccountPageProps {
  user: User;
  sessions: SessionInfo[];
  currentSessionId: string;
  events: AuditEvent[];
  suppression: AccountOverview["suppression"];
  notice: string | null;
  /** Messages next to the change-password form's fields (after a refused change). */
  passwordErrors: Record<string, string>;
  twoFactor: Omit<Parameters<typeof TwoFactorSection>[0], "errors">;
  /** Messages next to the two-factor forms' fields. */
  twoFactorErrors: Record<string, string>;
  minLength: number;
  /** The language the account's emails are written in, and why a choice of it was refused. */
  emailLanguage: Language;
  languageError?: string | undefined;
  secondAddressError?: string | undefined;
  passkeys: Parameters<typeof PasskeySection>[0];
  /** Messages next to the email-change form's fields. */
  emailErrors?: Record<string, string>;
}

/** The page: profile, sessions with the sign-out actions, password, two-factor, recent events. */
export function AccountPage(props: AccountPageProps) {
  const { user, sessions, currentSessionId, events, suppression, notice, passwordErrors, minLength } = props;
  const { twoFactor, twoFactorErrors } = props;
  const t = useT();
  return (
    <>
      <h1>{t("account.title")}</h1>
      {notice !== null && <Notice tone="success">{notice}</Notice>}
      {suppression !== null && <Suppressed email={user.email} suppression={suppression} />}
      <Profile user={user} />
      <h2>{t("account.sessionsHeading")}</h2>
      <SessionList sessions={sessions} currentSessionId={currentSessionId} />
      <SignOutActions canSignOutOthers={sessions.length >= 2} />
      <ChangeEmail email={user.email} twoFactorOn={twoFactor.since !== null} errors={props.emailErrors ?? {}} />
      <ChangePassword errors={passwordErrors} minLength={minLength} />
      <TwoFactorSection {...twoFactor} errors={twoFactorErrors} />
      <PasskeySection {...props.passkeys} />
      <EmailLanguage current={props.emailLanguage} error={props.languageError} />
      <SecondAddressSection address={user.secondEmail} error={props.secondAddressError} />
      <NewDeviceSection on={user.newDeviceNotices} />
      <h2>{t("account.eventsHeading")}</h2>
      <EventList events={events} />
    </>
  );
}

/** Why no email reaches the address now, and until when. */
function Suppressed({
  email,
  suppression,
}: {
  email: string;
  suppression: NonNullable<AccountOverview["suppression"]>;
}) {
  const text = suppression.reason === "complained" ? "account.suppressedComplained" : "account.suppressedBounced";
  return (
    <Notice tone="error">
      <Rich
        text={text}
        values={{
          email: (
            <strong>
              <bdi>{email}</bdi>
            </strong>
          ),
          since: <Time at={suppression.since} />,
          until: <Time at={suppression.until} />,
        }}
      />
    </Notice>
  );
}

function Profile({ user }: { user: User }) {
  const t = useT();
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return (
    <dl class="profile">
      {name !== "" && (
        <>
          <dt>{t("account.name")}</dt>
          <dd>{name}</dd>
        </>
      )}
      <dt>{t("signIn.email")}</dt>
      <dd>{user.email}</dd>
      <dt>{t("account.passwordChangedAt")}</dt>
      <dd>
        <Time at={user.passwordUpdatedAt} />
      </dd>
    </dl>
  );
}

/** Current password, new, confirm; the same live hints as the reset form. */
function ChangePassword({ errors, minLength }: { errors: Record<string, string>; minLength: number }) {
  const t = useT();
  return (
    <>
      <h2 id="change-password">{t("account.changePasswordHeading")}</h2>
      <p>{t("account.changePasswordIntro")}</p>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <form method="post" action="/account/password" data-password-form data-min-length={String(minLength)}>
        <Field
          name="current_password"
          label={t("account.currentPassword")}
          type="password"
          autocomplete="current-password"
          error={errors.current_password}
        />
        <NewPasswordFields
          errors={errors}
          minLength={minLength}
          labels={[t("reset.newPassword"), t("reset.confirmNewPassword")]}
        />
        <button type="submit">{t("account.changePasswordSubmit")}</button>
      </form>
    </>
  );
}

/** The language of the account's emails: a choice of the languages with catalogues. */
function EmailLanguage({ current, error }: { current: Language; error: string | undefined }) {
  const t = useT();
  return (
    <>
      <h2 id="email-language">{t("account.language.heading")}</h2>
      <p>{t("account.language.text")}</p>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      <form method="post" action="/account/language" class="inline">
        <label for="email-language-choice">{t("account.language.label")}</label>{" "}
        <select id="email-language-choice" name="language">
          {LANGUAGES.map((code) => (
            <option value={code} lang={code} selected={code === current}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>{" "}
        <button type="submit" class="secondary">
          {t("account.language.save")}
        </button>
      </form>
    </>
  );
}
