/** Two-factor views: the code step (sign-in and reset), setup with its QR code, recovery codes, and lost access. */
import { raw } from "hono/html";
import { Field, Notice, Time } from "./layout";

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
  return (
    <>
      <h1>Two-factor authentication</h1>
      <p>
        {purpose === "sign_in"
          ? "Enter the 6-digit code from your authenticator app to finish signing in."
          : "This account uses two-factor authentication: enter the 6-digit code from your authenticator app before choosing a new password."}
      </p>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      <form method="post" action={action}>
        <Field
          name="code"
          label="Authentication code"
          type="text"
          autocomplete="one-time-code"
          hint="No phone? Enter one of your recovery codes instead."
          autofocus
        />
        <button type="submit">{purpose === "sign_in" ? "Verify" : "Continue"}</button>
      </form>
      <p class="alt">
        <a href="/two-factor/lost">Lost your device and your recovery codes?</a>
      </p>
    </>
  );
}

/** Setup: scan the QR code (or type the key), then prove it with a code. */
export function TwoFactorSetupPage({ svg, keyText, error }: { svg: string; keyText: string; error?: string }) {
  return (
    <>
      <h1>Set up two-factor authentication</h1>
      <p>
        Scan this QR code with an authenticator app (1Password, Google Authenticator, Authy, Microsoft Authenticator…).
      </p>
      <div class="qr">{raw(svg)}</div>
      <p>
        Or type this setup key into the app: <code id="setup-key">{keyText}</code>
      </p>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      <form method="post" action="/account/two-factor">
        <Field name="code" label="6-digit code from the app" type="text" autocomplete="one-time-code" autofocus />
        <Field name="password" label="Your password" type="password" autocomplete="current-password" />
        <button type="submit">Turn on</button>
      </form>
      <p class="alt">
        <a href="/account">Cancel</a>
      </p>
    </>
  );
}

/** Recovery codes, shown once: to copy, download or print. */
export function RecoveryCodesPage({ codes, fresh }: { codes: string[]; fresh: "enabled" | "regenerated" }) {
  const text = `Recovery codes (each works once)\n\n${codes.join("\n")}\n`;
  return (
    <>
      <h1>{fresh === "enabled" ? "Two-factor authentication is on" : "New recovery codes"}</h1>
      <Notice tone="success">
        {fresh === "enabled"
          ? "From now on, signing in asks for a code from your app."
          : "Your old recovery codes no longer work."}
      </Notice>
      <p>
        Keep these recovery codes somewhere safe. Each one signs you in once if you lose your phone. This is the only
        time they are shown.
      </p>
      <pre id="recovery-codes" class="codes">
        {codes.join("\n")}
      </pre>
      <p>
        <button type="button" data-copy="recovery-codes">
          Copy
        </button>{" "}
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="recovery-codes.txt">
          Download as text
        </a>
      </p>
      <p>
        <a href="/account">Back to your account</a>
      </p>
    </>
  );
}

/** For someone who has lost both the device and the recovery codes: what to do, not a loop. */
export function LostSecondFactorPage() {
  return (
    <>
      <h1>Lost your device and recovery codes?</h1>
      <p>
        Without your authenticator app or a recovery code, this account cannot be opened here, not even with a password
        reset: that is what keeps it safe if someone else reads your email.
      </p>
      <ul>
        <li>If you still have the app on another device, or a backup of it, use its code.</li>
        <li>Look for the recovery codes you saved when you turned two-factor authentication on.</li>
        <li>
          Otherwise, contact the support team of this service from the email address of your account. After checking it
          is you, they can turn two-factor authentication off so you can sign in with your password and set it up again.
        </li>
      </ul>
      <p>
        <a href="/login">Back to sign in</a>
      </p>
    </>
  );
}

/** The account page's section: turn on; or, when on, new recovery codes and turn off. */
export function TwoFactorSection({
  since,
  recoveryCodesLeft,
  errors,
}: {
  since: string | null;
  recoveryCodesLeft: number;
  errors: Record<string, string>;
}) {
  if (since === null) {
    return (
      <>
        <h2 id="two-factor">Two-factor authentication</h2>
        <p>Off. With it on, signing in and resetting your password also ask for a code from an authenticator app.</p>
        <form method="get" action="/account/two-factor">
          <button type="submit">Set up</button>
        </form>
      </>
    );
  }
  return (
    <>
      <h2 id="two-factor">Two-factor authentication</h2>
      <p>
        On since <Time at={since} />. {recoveryCodesLeft} of 10 recovery codes left.
      </p>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <form method="post" action="/account/two-factor/recovery-codes">
        <Field
          name="regen_password"
          label="Your password"
          type="password"
          autocomplete="current-password"
          error={errors.regen_password}
        />
        <Field
          name="recovery_code"
          label="Code from your app"
          type="text"
          autocomplete="one-time-code"
          error={errors.recovery_code}
        />
        <button type="submit">Make new recovery codes</button>
      </form>
      <form method="post" action="/account/two-factor/off">
        <Field
          name="off_password"
          label="Your password"
          type="password"
          autocomplete="current-password"
          error={errors.off_password}
        />
        <Field
          name="off_code"
          label="Code from your app, or a recovery code"
          type="text"
          autocomplete="one-time-code"
          error={errors.off_code}
        />
        <button type="submit">Turn off</button>
      </form>
    </>
  );
}
