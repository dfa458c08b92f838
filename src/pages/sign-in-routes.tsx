/**
 * /login with its second step (/login/two-factor, and /two-factor/lost for someone without their codes), and
 * /signup. Sign-in rotates the session: any session this browser had is ended first.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { completeSecondFactorSignIn, signIn } from "../domain/sign-in";
import { signUp } from "../domain/sign-up";
import { isSecondFactorRefusal, type SecondFactorRefusal } from "../domain/two-factor";
import { emailField, emailTextField, nameField, passwordField, requiredPasswordField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { flowContext } from "../http/request-context";
import {
  clearTwoFactorCookie,
  readDeviceCookie,
  readPendingSignIn,
  readSessionCookie,
  writeDeviceCookie,
  writePendingSignIn,
  writeSessionCookie,
} from "./cookies";
import { formBody, formMessage } from "./form-body";
import { type FormErrors, refusalMessages } from "./messages";
import { type PageEnv, pageReader } from "./page-language";
import { SIGN_IN_NOTICES, type SignInNotice, SignInPage, SignUpPage, type SignUpValues } from "./sign-in-page";
import { TURNSTILE_FIELD, TURNSTILE_SCRIPTS } from "./turnstile-widget";
import { LostSecondFactorPage } from "./two-factor-page";
import { renderSecondFactorStep } from "./two-factor-render";

const signInForm = z.object({
  email: emailTextField,
  password: requiredPasswordField(formMessage("field.enterPassword")),
  [TURNSTILE_FIELD]: z.string().optional(),
  next: z.literal("passkeys").optional(),
});
/** The bot challenge's refusals (domain/bot-check.ts): the form again, with the widget and what to do. */
const CHALLENGE_ANSWERS = {
  missing: { status: 422, message: "signIn.challenge.missing" },
  failed: { status: 422, message: "signIn.challenge.failed" },
  unavailable: { status: 503, message: "signIn.challenge.unavailable" },
} as const;
/** Passkey sign-in: the button and conditional UI on the email field (passkey-script.ts). */
const PASSKEY_SCRIPT = "/static/passkeys.js";
const signUpForm = z.object({
  email: emailField(formMessage("field.enterEmail")),
  password: passwordField,
  password_confirmation: passwordField,
  first_name: nameField.optional(),
  last_name: nameField.optional(),
});
const codeForm = z.object({ code: z.string().trim().min(1, formMessage("twoFactor.enterCode")).max(32) });

/** The sign-in form; `challenge`: with the bot challenge's widget (only while Turnstile is on). */
function renderSignIn(
  c: Context<PageEnv>,
  status: 200 | 422 | 429 | 503,
  props: { email?: string; error?: string; challenge?: boolean } = {},
) {
  c.status(status);
  const siteKey = props.challenge === true ? c.get("config").turnstile?.siteKey : undefined;
  const page = <SignInPage email={props.email} error={props.error} challengeSiteKey={siteKey} />;
  const scripts = [PASSKEY_SCRIPT, ...(siteKey === undefined ? [] : TURNSTILE_SCRIPTS)];
  return c.render(page, { title: c.var.t("signIn.title"), scripts });
}

/** The sign-up form with its values kept, live hints, and any errors next to their fields. */
function renderSignUp(
  c: Context<PageEnv>,
  status: 200 | 422 | 429,
  values: SignUpValues = {},
  errors: FormErrors = {},
) {
  c.status(status);
  const page = <SignUpPage values={values} errors={errors} minLength={c.get("config").passwordMinLength} />;
  return c.render(page, { title: c.var.t("signUp.title"), scripts: ["/static/password-hints.js"] });
}

const renderStep = (c: Context<PageEnv>, status: 200 | 422 | 429, refusal?: SecondFactorRefusal) =>
  renderSecondFactorStep(c, status, "sign_in", refusal);

export const signInPageRoutes = new Hono<PageEnv>()
  .get("/login", (c) => {
    const notice = c.req.query("notice");
    // Own keys only: "constructor" or "toString" are in every object, and are no notice.
    const known = notice !== undefined && Object.hasOwn(SIGN_IN_NOTICES, notice) ? (notice as SignInNotice) : null;
    const offer = c.req.query("offer") === "passkey";
    const page = <SignInPage notice={known} offerPasskey={offer} />;
    return c.render(page, { title: c.var.t("signIn.title"), scripts: [PASSKEY_SCRIPT] });
  })
  .post(
    "/login",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", {
      onLimited: (c) => renderSignIn(c, 429, { error: c.var.t("refusal.tooManyAttempts") }),
    }),
    formBody(signInForm, (c, errors, raw) => {
      const error = errors.password ?? c.var.t("refusal.invalidCredentials");
      return renderSignIn(c, 422, { email: raw.email, error, challenge: raw[TURNSTILE_FIELD] !== undefined });
    }),
    async (c) => {
      const form = c.req.valid("form");
      const ctx = flowContext(c);
      // Session rotation: whatever session this browser held before is ended, not reused.
      const result = await signIn(ctx, form, {
        replacing: readSessionCookie(c),
        deviceToken: readDeviceCookie(c),
        askSecondFactorLater: true,
        noticeNewDevice: true,
        botCheck: { token: form[TURNSTILE_FIELD] },
      });
      // The widget was on this form: the next try needs it again (its token is used up either way).
      const challenge = form[TURNSTILE_FIELD] !== undefined;
      if (!result.ok && result.reason === "challenge_required") {
        const answer = CHALLENGE_ANSWERS[result.problem];
        return renderSignIn(c, answer.status, { email: form.email, error: c.var.t(answer.message), challenge: true });
      }
      if (!result.ok && result.reason === "second_factor_pending") {
        writePendingSignIn(c, { userId: result.user.id, credentialVersion: result.user.credentialVersion }, ctx.now);
        return c.redirect("/login/two-factor", 303);
      }
      if (!result.ok && !isSecondFactorRefusal(result)) {
        if (result.reason === "locked") c.header("Retry-After", String(Math.ceil(result.retryAfterMs / 1000)));
        const { form: error } = refusalMessages(c, result);
        return renderSignIn(c, result.reason === "locked" ? 429 : 422, { email: form.email, error, challenge });
      }
      if (!result.ok) {
        return renderSignIn(c, 422, { email: form.email, error: c.var.t("refusal.invalidCredentials"), challenge });
      }
      writeSessionCookie(c, result.token, ctx.config.sessionIdleMs);
      writeDeviceCookie(c, result.deviceToken);
      return c.redirect(form.next === "passkeys" ? "/account#passkeys" : "/account", 303);
    },
  )
  .get("/login/two-factor", (c) => {
    if (readPendingSignIn(c, c.get("now")) === null) return c.redirect("/login?notice=expired", 303);
    return renderStep(c, 200);
  })
  .post(
    "/login/two-factor",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", { onLimited: (c) => renderStep(c, 429) }),
    formBody(codeForm, (c) => renderStep(c, 422, { ok: false, reason: "second_factor_required" })),
    async (c) => {
      const ctx = flowContext(c);
      const pending = readPendingSignIn(c, ctx.now);
      if (pending === null) return c.redirect("/login?notice=expired", 303);
      const options = { replacing: readSessionCookie(c), deviceToken: readDeviceCookie(c) };
      const code = c.req.valid("form").code;
      const result = await completeSecondFactorSignIn(ctx, pending, code, { ...options, noticeNewDevice: true });
      if (result.ok) {
        clearTwoFactorCookie(c, "pending");
        writeSessionCookie(c, result.token, ctx.config.sessionIdleMs);
        writeDeviceCookie(c, result.deviceToken);
        return c.redirect("/account", 303);
      }
      if (isSecondFactorRefusal(result))
        return renderStep(c, result.reason === "second_factor_locked" ? 429 : 422, result);
      clearTwoFactorCookie(c, "pending");
      return c.redirect(`/login?notice=${result.reason === "reset_required" ? "locked_down" : "expired"}`, 303);
    },
  )
  .get("/two-factor/lost", (c) => c.render(<LostSecondFactorPage />, { title: c.var.t("twoFactor.lost.title") }))
  .get("/signup", (c) => renderSignUp(c, 200))
  .post(
    "/signup",
    ipRateLimit<PageEnv>("IP_SIGN_UP_LIMIT", {
      onLimited: (c) => renderSignUp(c, 429, {}, { form: c.var.t("refusal.tooManyAttempts") }),
    }),
    formBody(signUpForm, (c, errors, raw) => renderSignUp(c, 422, raw, errors)),
    async (c) => {
      const form = c.req.valid("form");
      const ctx = flowContext(c);
      const result = await signUp(ctx, {
        email: form.email,
        password: form.password,
        passwordConfirmation: form.password_confirmation,
        firstName: form.first_name || null,
        lastName: form.last_name || null,
        language: pageReader(c).language,
      });
      if (result.ok) return c.redirect("/login?notice=signed_up", 303);
      return renderSignUp(c, 422, form, refusalMessages(c, result));
    },
  );
