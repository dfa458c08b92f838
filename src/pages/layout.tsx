/** The page frame: head, stylesheet, header with the language menu, and (when signed in) the live sign-out script. */
import type { PropsWithChildren } from "hono/jsx";
import { EMAIL_MAX_LENGTH, PASSWORD_FIELD_MAX_LENGTH } from "../http/fields";
import { directionOf } from "../i18n/languages";
import { LanguageMenu } from "./language-menu";
import { usePageLanguage, useT } from "./words";

declare module "hono" {
  // An interface, not a type alias: this merges into Hono's own declaration.
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: declaration merging into Hono's interface needs this form
    (content: string | Promise<string>, props: PageProps): Response | Promise<Response>;
  }
}

export interface PageProps {
  title: string;
  /** Adds the live sign-out script: set on pages of a signed-in user. */
  live?: boolean;
  /** Extra scripts (from /static, or Turnstile's: turnstile-widget.tsx), loaded with the CSP nonce. */
  scripts?: string[];
  /** False on a page that must not be left by a link (recovery codes, shown once). */
  languageMenu?: boolean;
}

export function Layout({
  title,
  live,
  scripts,
  languageMenu,
  nonce,
  children,
}: PropsWithChildren<PageProps & { nonce: string }>) {
  const t = useT();
  const { language } = usePageLanguage();
  const all = ["/static/time-zone.js", ...(live === true ? ["/static/live-sign-out.js"] : []), ...(scripts ?? [])];
  return (
    <html lang={language} dir={directionOf(language)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{t("layout.title", { title })}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {all.map((src) => (
          <script src={src} nonce={nonce} defer />
        ))}
      </head>
      <body>
        <header class="site">
          <a class="brand" href="/">
            {t("layout.brand")}
          </a>
          {languageMenu !== false && <LanguageMenu />}
        </header>
        <main id="main" class="card">
          {children}
        </main>
      </body>
    </html>
  );
}

/** A notice box; `tone` picks the colour. Announced by screen readers. */
export function Notice({ tone, children }: PropsWithChildren<{ tone: "info" | "success" | "error" }>) {
  return (
    <div class={`notice ${tone}`} role={tone === "error" ? "alert" : "status"} aria-live="polite">
      {children}
    </div>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  type: "email" | "password" | "text";
  autocomplete: string;
  value?: string;
  error?: string | undefined;
  required?: boolean;
  hint?: string;
  autofocus?: boolean;
}

/** A labelled input with its error kept next to it (aria-describedby, aria-invalid). */
export function Field({ name, label, type, autocomplete, value, error, required, hint, autofocus }: FieldProps) {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const describedBy = [hint !== undefined ? hintId : null, error !== undefined ? errorId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={error !== undefined ? "field invalid" : "field"}>
      <label for={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        autocomplete={autocomplete}
        value={value}
        required={required !== false}
        autofocus={autofocus}
        aria-invalid={error !== undefined ? "true" : undefined}
        aria-describedby={describedBy === "" ? undefined : describedBy}
        maxlength={type === "password" ? PASSWORD_FIELD_MAX_LENGTH : EMAIL_MAX_LENGTH}
      />
      {hint !== undefined && (
        <p class="hint" id={hintId} aria-live="polite">
          {hint}
        </p>
      )}
      <p class="error" id={errorId} aria-live="assertive">
        {error ?? ""}
      </p>
    </div>
  );
}

/** The email field of the sign-in, sign-up, forgot and code forms. */
export function EmailField({
  value,
  error,
  autofocus,
  autocomplete = "email",
}: {
  value?: string | undefined;
  error?: string | undefined;
  autofocus?: boolean;
  /** "username webauthn" on /login: the browser offers passkeys there (conditional UI). */
  autocomplete?: string;
}) {
  const t = useT();
  return (
    <Field
      name="email"
      label={t("signIn.email")}
      type="email"
      autocomplete={autocomplete}
      value={value}
      error={error}
      autofocus={autofocus}
    />
  );
}

/** A new password and its confirmation, with the policy hint the live script updates. */
export function NewPasswordFields({
  errors,
  minLength,
  labels,
  autofocus,
}: {
  errors: Record<string, string>;
  minLength: number;
  labels: [password: string, confirmation: string];
  autofocus?: boolean;
}) {
  const t = useT();
  // The live hint script's words, in the page's language and the minimum's plural form ({typed} is filled in by the script).
  return (
    <div
      class="new-password"
      data-count-words={t("field.passwordCount", { count: minLength, typed: "{typed}" })}
      data-good-words={t("field.passwordGood")}
      data-mismatch-words={t("field.mismatch")}
    >
      <Field
        name="password"
        label={labels[0]}
        type="password"
        autocomplete="new-password"
        error={errors.password}
        autofocus={autofocus}
        hint={t("field.passwordHint", { count: minLength })}
      />
      <Field
        name="password_confirmation"
        label={labels[1]}
        type="password"
        autocomplete="new-password"
        error={errors.password_confirmation}
      />
    </div>
  );
}
