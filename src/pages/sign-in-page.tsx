/** /login and /signup views. */
import { Field, NewPasswordFields, Notice } from "./layout";

/** Notices /login can show, chosen by ?notice= (never free text from the URL). */
export const SIGN_IN_NOTICES = {
  reset: { tone: "success", text: "Your password has been successfully reset. Sign in using your new credentials." },
  password_reset: {
    tone: "info",
    text: "Your password was reset, so every session was signed out. Sign in with the new password.",
  },
  password_changed: {
    tone: "info",
    text: "Your password was changed in another session, so this one was signed out. Sign in with the new password.",
  },
  signed_out: { tone: "info", text: "You have been signed out." },
  signed_out_elsewhere: { tone: "info", text: "You were signed out from another session." },
  signed_out_everywhere: { tone: "info", text: "You have been signed out of every session." },
  session_limit: { tone: "info", text: "You were signed out because too many sessions were open." },
  expired: { tone: "info", text: "Your session has ended. Please sign in again." },
  signed_up: { tone: "success", text: "Your account has been created. Sign in to continue." },
} as const;

export type SignInNotice = keyof typeof SIGN_IN_NOTICES;

export function SignInPage({ email, error, notice }: { email?: string; error?: string; notice?: SignInNotice | null }) {
  const shown = notice !== undefined && notice !== null ? SIGN_IN_NOTICES[notice] : null;
  return (
    <>
      <h1>Sign in</h1>
      {shown !== null && <Notice tone={shown.tone}>{shown.text}</Notice>}
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      <form method="post" action="/login" novalidate={false}>
        <Field
          name="email"
          label="Email"
          type="email"
          autocomplete="email"
          value={email}
          autofocus={email === undefined}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          autofocus={email !== undefined}
        />
        <p class="below-fields">
          <a href="/forgot-password">Forgot Password?</a>
        </p>
        <button type="submit">Sign in</button>
      </form>
      <p class="alt">
        No account yet? <a href="/signup">Sign up</a>
      </p>
    </>
  );
}

export interface SignUpValues {
  email?: string;
  first_name?: string;
  last_name?: string;
}

/** The sign-up form; values are kept and errors shown next to their fields. */
export function SignUpPage({
  values,
  errors,
  minLength,
}: {
  values: SignUpValues;
  errors: Record<string, string>;
  minLength: number;
}) {
  return (
    <>
      <h1>Create your account</h1>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <form method="post" action="/signup" data-password-form data-min-length={String(minLength)}>
        <Field
          name="first_name"
          label="First name (optional)"
          type="text"
          autocomplete="given-name"
          value={values.first_name}
          required={false}
          error={errors.first_name}
        />
        <Field
          name="last_name"
          label="Last name (optional)"
          type="text"
          autocomplete="family-name"
          value={values.last_name}
          required={false}
          error={errors.last_name}
        />
        <Field name="email" label="Email" type="email" autocomplete="email" value={values.email} error={errors.email} />
        <NewPasswordFields errors={errors} minLength={minLength} labels={["Password", "Confirm password"]} />
        <button type="submit">Sign up</button>
      </form>
      <p class="alt">
        Already have an account? <a href="/login">Sign in</a>
      </p>
    </>
  );
}
