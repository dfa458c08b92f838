/** /forgot-password and /reset-password views. */
import type { LinkFate } from "../domain/password-reset-check";
import { EmailField, NewPasswordFields, Notice } from "./layout";
import { Rich, Time, useT } from "./words";

export function ForgotPasswordPage({ email, error }: { email?: string; error?: string }) {
  const t = useT();
  return (
    <>
      <h1>{t("reset.forgotHeading")}</h1>
      <p>{t("reset.forgotIntro")}</p>
      <form method="post" action="/forgot-password">
        <EmailField value={email} error={error} autofocus />
        <button type="submit">{t("reset.sendInstructions")}</button>
      </form>
      <p class="alt">
        <a href="/login">{t("reset.backToSignIn")}</a>
      </p>
    </>
  );
}

export function InstructionsSentPage({ email, lifetime }: { email: string; lifetime: string }) {
  const t = useT();
  const codeLink = <a href={`/reset-password/code?email=${encodeURIComponent(email)}`}>{t("reset.otherDeviceLink")}</a>;
  return (
    <>
      <h1>{t("reset.sentTitle")}</h1>
      <Notice tone="success">
        <Rich
          text="reset.sentNotice"
          values={{
            email: (
              <strong>
                <bdi>{email}</bdi>
              </strong>
            ),
          }}
        />
      </Notice>
      <p>
        <Rich text="reset.sentValidity" values={{ lifetime: <strong>{lifetime}</strong> }} />
      </p>
      <p>
        <Rich text="reset.otherDevice" values={{ link: codeLink }} />
      </p>
      <form method="post" action="/forgot-password" class="inline">
        <input type="hidden" name="email" value={email} />
        <button type="submit" class="secondary">
          {t("reset.sendAgain")}
        </button>
      </form>
      <p class="alt">
        <a href="/login">{t("reset.backToSignIn")}</a>
      </p>
    </>
  );
}

export function ResetPasswordPage({ errors, minLength }: { errors: Record<string, string>; minLength: number }) {
  const t = useT();
  return (
    <>
      <h1>{t("reset.resetTitle")}</h1>
      <p>{t("reset.resetIntro")}</p>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <form method="post" action="/reset-password" data-password-form data-min-length={String(minLength)}>
        <NewPasswordFields
          errors={errors}
          minLength={minLength}
          labels={[t("reset.newPassword"), t("reset.confirmNewPassword")]}
          autofocus
        />
        <button type="submit">{t("reset.resetSubmit")}</button>
      </form>
    </>
  );
}

/** A dead link's page: what happened to it and when, and a way to a new one. */
export function DeadLinkPage({ fate, lifetime, token }: { fate: DeadLink; lifetime: string; token: string }) {
  const t = useT();
  const known = fate.fate !== "invalid";
  return (
    <>
      <h1>{t(DEAD_LINK_TITLES[fate.fate])}</h1>
      <Notice tone="error">
        <DeadLinkReason fate={fate} lifetime={lifetime} />
      </Notice>
      {known ? (
        <form method="post" action="/reset-password/new-link" class="inline">
          <input type="hidden" name="token" value={token} />
          <button type="submit">{t("reset.sendNewLink")}</button>
        </form>
      ) : (
        <p>
          <a class="button" href="/forgot-password">
            {t("reset.sendNewLink")}
          </a>
        </p>
      )}
    </>
  );
}

/** Every way a link can be dead. */
export type DeadLink = Exclude<LinkFate, { fate: "usable" }>;

const DEAD_LINK_TITLES = {
  expired: "reset.deadExpired",
  used: "reset.deadUsed",
  committed: "reset.deadUsed",
  replaced: "reset.deadReplaced",
  password_changed: "reset.deadPasswordChanged",
  invalid: "reset.deadInvalid",
} as const satisfies Record<DeadLink["fate"], string>;

function DeadLinkReason({ fate, lifetime }: { fate: DeadLink; lifetime: string }) {
  const t = useT();
  if (fate.fate === "invalid") return <>{t("reset.whyInvalid")}</>;
  const at = <Time at={fate.at} />;
  switch (fate.fate) {
    case "expired":
      return <Rich text="reset.whyExpired" values={{ lifetime, at }} />;
    case "used":
    case "committed":
      return <Rich text="reset.whyUsed" values={{ at }} />;
    case "replaced":
      return <Rich text="reset.whyReplaced" values={{ at }} />;
    case "password_changed":
      return <Rich text="reset.whyPasswordChanged" values={{ at }} />;
  }
}

/** After "Send a new link" on a dead link's page: the address is not shown, only where the link went. */
export function NewLinkSentPage({ lifetime }: { lifetime: string }) {
  const t = useT();
  return (
    <>
      <h1>{t("reset.sentTitle")}</h1>
      <Notice tone="success">{t("reset.newLinkNotice")}</Notice>
      <p>
        <Rich text="reset.newLinkValidity" values={{ lifetime: <strong>{lifetime}</strong> }} />
      </p>
      <p class="alt">
        <a href="/login">{t("reset.backToSignIn")}</a>
      </p>
    </>
  );
}
