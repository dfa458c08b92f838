/** /forgot-password and /reset-password views. */
import { Field, NewPasswordFields, Notice } from "./layout";

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

export function InstructionsSentPage({ email }: { email: string }) {
  return (
    <>
      <h1>Check your email</h1>
      <Notice tone="success">
        If <strong>{email}</strong> has an account, we have sent it an email with instructions for resetting your
        password.
      </Notice>
      <p>
        The link in the email is valid for <strong>60 minutes</strong> and works once. Check your spam folder if it does
        not arrive within a few minutes.
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

export function InvalidResetLinkPage() {
  return (
    <>
      <h1>This link is no longer valid</h1>
      <Notice tone="error">
        This password reset link is invalid, has expired or has already been used. Reset links work once, for 60
        minutes.
      </Notice>
      <p>
        <a class="button" href="/forgot-password">
          Send a new link
        </a>
      </p>
    </>
  );
}
