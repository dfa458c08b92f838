/**
 * The bot challenge on the sign-in form (domain/bot-check.ts): Cloudflare Turnstile's widget, rendered
 * implicitly by its script (it finds `.cf-turnstile` and adds the `cf-turnstile-response` field to the form;
 * no inline handler, no inline script), and the page CSP's sources for it, given only while Turnstile is on
 * and only on /login: the script and its frame come from challenges.cloudflare.com.
 */
import type { Context } from "hono";
import { NONCE } from "hono/secure-headers";
import { TURNSTILE_ORIGIN, TURNSTILE_SCRIPT } from "../core/turnstile";
import { SIGN_IN_CHALLENGE_ACTION } from "../domain/bot-check";
import type { AppEnv } from "../http/app-env";
import { PSEUDO_LANGUAGE } from "../i18n/languages";
import { usePageLanguage, useT } from "./words";

/** The form field the widget fills in. */
export const TURNSTILE_FIELD = "cf-turnstile-response";

/** The script the page loads (with the CSP nonce) while the widget is shown. */
export const TURNSTILE_SCRIPTS = [TURNSTILE_SCRIPT];

/**
 * The widget, bound to the sign-in form's action and in the page's language (Turnstile speaks all six; the
 * development pseudo-language leaves it to the browser's); without JavaScript it says what else works.
 */
export function TurnstileWidget({ siteKey }: { siteKey: string }) {
  const t = useT();
  const { language } = usePageLanguage();
  return (
    <div class="field challenge">
      <div
        class="cf-turnstile"
        data-sitekey={siteKey}
        data-action={SIGN_IN_CHALLENGE_ACTION}
        data-language={language === PSEUDO_LANGUAGE ? "auto" : language}
      />
      <noscript>
        <p class="hint">{t("signIn.challenge.noScript")}</p>
      </noscript>
    </div>
  );
}

/** Whether this page may show the widget: Turnstile is on, and it is the sign-in page. */
function mayShowWidget(c: Context): boolean {
  return (c as Context<AppEnv>).get("config").turnstile !== null && c.req.path === "/login";
}

/** script-src: the page's nonce, and Turnstile's origin where the widget may be shown (its api.js and what it loads). */
export function scriptSources(c: Context, directive: string): string {
  const nonce = NONCE(c, directive);
  return mayShowWidget(c) ? `${nonce} ${TURNSTILE_ORIGIN}` : nonce;
}

/** frame-src: the widget's frame where it may be shown; else no frame at all. */
export function frameSources(c: Context): string {
  return mayShowWidget(c) ? TURNSTILE_ORIGIN : "'none'";
}
