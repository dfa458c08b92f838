/** /forgot-password and /reset-password views. */
import type { LinkFate } from "../domain/reset-link";
import { Field, NewPasswordFields, Notice, Time } from "./layout";

export function ForgotPasswordPage({ email, error }: { email?: string; error?: string }) {
  return (
    <>
      <h1>Forgot your password?</h1>
      <p>Enter the email address of your account and we will send you a link to reset your password.</p>
      <form method="post" action="/forgot-password">
        <Field name="email" label="Email" type="email" autocomplete="email" value={email} error={error} autofocus />
        <button type="submit">Send Instructions</button>
      </form>
      <p class="alt">
        <a href="/login">Back to sign in</a>
      </p>
    </>
  );
}

export function InstructionsSentPage({ email, lifetime }: { email: string; lifetime: string }) {
  return (
    <>
      <h1>Check your email</h1>
      <Notice tone="success">
        If <strong>{email}</strong> has an account, we have sent it an email with instructions for resetting your
        password.
      </Notice>
      <p>
        The link in the email is valid for <strong>{lifetime}</strong> and works once. Check your spam folder if it does
        not arrive within a few minutes.
      </p>
      <p>
        Reading the email on another device? It also has a code:{" "}
        <a href={`/reset-password/code?email=${encodeURIComponent(email)}`}>Have a code? Enter it here</a>.
      </p>
      <form method="post" action="/forgot-password" class="inline">
        <input type="hidden" name="email" value={email} />
        <button type="submit" class="secondary">
          Send again
        </button>
      </form>
      <p class="alt">
        <a href="/login">Back to sign in</a>
      </p>
    </>
  );
}

export function ResetPasswordPage({ errors, minLength }: { errors: Record<string, string>; minLength: number }) {
  return (
    <>
      <h1>Reset Password</h1>
      <p>Choose a new password. Every device signed in to your account will be signed out.</p>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <form method="post" action="/reset-password" data-password-form data-min-length={String(minLength)}>
        <NewPasswordFields
          errors={errors}
          minLength={minLength}
          labels={["New password", "Confirm new password"]}
          autofocus
        />
        <button type="submit">Reset Password</button>
      </form>
    </>
  );
}

/** A dead link's page: what happened to it and when, and a way to a new one. */
export function DeadLinkPage({ fate, lifetime, token }: { fate: DeadLink; lifetime: string; token: string }) {
  const known = fate.fate !== "invalid";
  return (
    <>
      <h1>{DEAD_LINK_TITLES[fate.fate]}</h1>
      <Notice tone="error">
        <DeadLinkReason fate={fate} lifetime={lifetime} />
      </Notice>
      {known ? (
        <form method="post" action="/reset-password/new-link" class="inline">
          <input type="hidden" name="token" value={token} />
          <button type="submit">Send a new link</button>
        </form>
      ) : (
        <p>
          <a class="button" href="/forgot-password">
            Send a new link
          </a>
        </p>
      )}
    </>
  );
}

/** Every way a link can be dead. */
export type DeadLink = Exclude<LinkFate, { fate: "usable" }>;

const DEAD_LINK_TITLES: Record<DeadLink["fate"], string> = {
  expired: "This link has expired",
  used: "This link has already been used",
  committed: "This link has already been used",
  replaced: "A newer link replaced this one",
  password_changed: "Your password was changed since",
  invalid: "This link is not valid",
};

function DeadLinkReason({ fate, lifetime }: { fate: DeadLink; lifetime: string }) {
  switch (fate.fate) {
    case "expired":
      return (
        <>
          Reset links work for {lifetime}. This one expired at <Time at={fate.at} />.
        </>
      );
    case "used":
    case "committed":
      return (
        <>
          It was used to reset your password at <Time at={fate.at} />. Sign in with that password, or if it wasn't you,
          send yourself a new link and reset it again.
        </>
      );
    case "replaced":
      return (
        <>
          You asked for another email at <Time at={fate.at} />, which replaced this link. Use the link in the newest
          email, or send a new one.
        </>
      );
    case "password_changed":
      return (
        <>
          The password was changed at <Time at={fate.at} />, after this link was sent, so the link stopped working.
        </>
      );
    case "invalid":
      return <>It may be cut short: check that you opened the whole link from the email, or ask for a new one.</>;
  }
}

/** After "Send a new link" on a dead link's page: the address is not shown, only where the link went. */
export function NewLinkSentPage({ lifetime }: { lifetime: string }) {
  return (
    <>
      <h1>Check your email</h1>
      <Notice tone="success">We have sent a new link to the address the old one was sent to.</Notice>
      <p>
        The new link is valid for <strong>{lifetime}</strong> and works once. Check your spam folder if it does not
        arrive within a few minutes.
      </p>
      <p class="alt">
        <a href="/login">Back to sign in</a>
      </p>
    </>
  );
}
