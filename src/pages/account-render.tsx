/**
 * The /account page as an answer, for the route files whose forms sit on it (account-routes.tsx, and the
 * two-factor forms of two-factor-setup-routes.tsx): the account's overview at the request's `now`, with a
 * notice or a form's errors.
 */
import type { Context } from "hono";
import { accountOverview, emailLanguageOf } from "../domain/account";
import { listPasskeys } from "../domain/passkeys";
import type { Authenticated } from "../domain/sessions";
import { asksSecondFactor, hasAuthenticatorApp } from "../domain/two-factor";
import type { PlainKey } from "../i18n/types";
import { AccountPage } from "./account-page";
import type { FormErrors } from "./messages";
import type { PageEnv } from "./page-language";

/** The notices /account can show after an action, chosen by ?done= (never free text from the URL). */
const ACCOUNT_NOTICES: Record<string, PlainKey> = {
  others: "account.noticeOthers",
  two_factor_off: "account.noticeTwoFactorOff",
  password: "account.noticePassword",
  passkey_added: "passkeys.noticeAdded",
  passkey_renamed: "passkeys.noticeRenamed",
  passkey_removed: "passkeys.noticeRemoved",
};

/** The notice for ?done=, in the page's language; own keys only ("constructor" is in every object). */
function accountNotice(c: Context<PageEnv>): string | null {
  const done = c.req.query("done") ?? "";
  return Object.hasOwn(ACCOUNT_NOTICES, done) ? c.var.t(ACCOUNT_NOTICES[done]!) : null;
}

/** The account page, with a notice or a form's errors (the change-password form's, or the two-factor forms'). */
export async function renderAccount(
  c: Context<PageEnv>,
  auth: Authenticated,
  status: 200 | 422 | 429,
  {
    notice,
    errors = {},
    twoFactorErrors = {},
    languageError,
    secondAddressError,
    passkeyError,
    emailErrors = {},
  }: {
    notice?: string | null;
    errors?: FormErrors;
    twoFactorErrors?: FormErrors;
    languageError?: string;
    secondAddressError?: string;
    passkeyError?: string;
    emailErrors?: FormErrors;
  },
) {
  // Right after the person's own change (?done=, or a refused form) the page reads the primary, so it shows it.
  const fresh = status !== 200 || c.req.query("done") !== undefined;
  const [{ sessions, events, suppression, recoveryCodesLeft }, passkeys] = await Promise.all([
    accountOverview(c.env, auth.user, c.get("now"), { fresh }),
    listPasskeys(c.env, auth.user.id),
  ]);
  c.status(status);
  const page = (
    <AccountPage
      user={auth.user}
      sessions={sessions}
      currentSessionId={auth.session.id}
      events={events}
      suppression={suppression}
      notice={notice === undefined ? accountNotice(c) : notice}
      passwordErrors={errors}
      twoFactor={{
        since: auth.user.totpEnabledAt,
        recoveryCodesLeft,
        passkeyOnly: asksSecondFactor(auth.user) && !hasAuthenticatorApp(auth.user),
        hasPasskeys: passkeys.length > 0,
      }}
      twoFactorErrors={twoFactorErrors}
      minLength={c.get("config").passwordMinLength}
      emailLanguage={emailLanguageOf(auth.user)}
      languageError={languageError}
      secondAddressError={secondAddressError}
      passkeys={{ passkeys, twoFactorOn: auth.user.totpEnabledAt !== null, error: passkeyError }}
      emailErrors={emailErrors}
    />
  );
  return c.render(page, {
    title: c.var.t("account.title"),
    live: true,
    scripts: ["/static/password-hints.js", "/static/passkeys.js"],
  });
}
