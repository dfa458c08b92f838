/**
 * /account and its sign-out actions, plus /live: the WebSocket that pushes sign-out to open tabs.
 * Every route here needs a live session cookie; without one the browser is sent to /login.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { setEmailLanguage } from "../domain/account";
import { askEmailChange } from "../domain/email-change";
import { changePassword } from "../domain/password-change";
import { openLiveSignOut, signOut, signOutEverywhere, signOutOtherSessions } from "../domain/sessions";
import { emailField, passwordField, requiredPasswordField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { flowContext } from "../http/request-context";
import { LANGUAGE_NAMES, LANGUAGES } from "../i18n/languages";
import { renderAccount } from "./account-render";
import { readDeviceCookie, readSessionCookie, writeDeviceCookie, writeSessionCookie } from "./cookies";
import { formBody, formMessage } from "./form-body";
import { currentSession, isSameOrigin, toLogin } from "./guards";
import { changeMessages, emailChangeMessages, type FormErrors } from "./messages";
import type { PageEnv } from "./page-language";

const languageForm = z.object({ language: z.enum(LANGUAGES, formMessage("field.invalid")) });

const changeForm = z.object({
  current_password: requiredPasswordField(formMessage("field.enterCurrentPassword")),
  password: passwordField,
  password_confirmation: passwordField,
});

const emailForm = z.object({
  new_email: emailField(formMessage("field.enterEmail")),
  email_password: requiredPasswordField(formMessage("field.enterCurrentPassword")),
  email_code: z.string().trim().max(32).optional(),
});

/** An email change refused before the flow ran (bad form, flood limit): the page again, if still signed in. */
async function refuseEmailChange(c: Context<PageEnv>, status: 422 | 429, emailErrors: FormErrors) {
  const auth = await currentSession(c);
  if (!auth.ok) return toLogin(c, "expired");
  return renderAccount(c, auth, status, { emailErrors });
}

/** A change refused before the flow ran (bad form, flood limit): the page again, if still signed in. */
async function refuseChange(c: Context<PageEnv>, status: 422 | 429, errors: FormErrors) {
  const auth = await currentSession(c);
  if (!auth.ok) return toLogin(c, "expired");
  return renderAccount(c, auth, status, { errors });
}

export const accountRoutes = new Hono<PageEnv>()
  .get("/account", async (c) => {
    const auth = await currentSession(c);
    if (!auth.ok) return toLogin(c, "expired");
    // The cookie follows the server's sliding idle timeout: each visit renews it for another idle period.
    writeSessionCookie(c, auth.token, c.get("config").sessionIdleMs);
    return renderAccount(c, auth, 200, {});
  })
  .post(
    "/account/password",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", {
      onLimited: (c) => refuseChange(c, 429, { form: c.var.t("refusal.tooManyRequests") }),
    }),
    formBody(changeForm, (c, errors) => refuseChange(c, 422, errors)),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const form = c.req.valid("form");
      const result = await changePassword(flowContext(c), auth, {
        currentPassword: form.current_password,
        password: form.password,
        passwordConfirmation: form.password_confirmation,
        deviceToken: readDeviceCookie(c),
      });
      if (result.ok) {
        writeDeviceCookie(c, result.deviceToken);
        return c.redirect("/account?done=password", 303);
      }
      if (result.reason === "not_signed_in") return toLogin(c, "expired");
      const status = result.reason === "locked" ? 429 : 422;
      return renderAccount(c, auth, status, { errors: changeMessages(c, result) });
    },
  )
  .post(
    "/account/email",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", {
      onLimited: (c) => refuseEmailChange(c, 429, { form: c.var.t("refusal.tooManyRequests") }),
    }),
    formBody(emailForm, (c, errors) => refuseEmailChange(c, 422, errors)),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const form = c.req.valid("form");
      const result = await askEmailChange(flowContext(c), auth, {
        newEmail: form.new_email,
        password: form.email_password,
        code: form.email_code,
        deviceToken: readDeviceCookie(c),
      });
      if (result.ok) {
        const notice = c.var.t("emailChange.sent", { email: result.newEmail });
        return renderAccount(c, auth, 200, { notice });
      }
      if (result.reason === "not_signed_in") return toLogin(c, "expired");
      const status = result.reason === "locked" || result.reason === "second_factor_locked" ? 429 : 422;
      return renderAccount(c, auth, status, { emailErrors: emailChangeMessages(c, result) });
    },
  )
  .post(
    "/account/language",
    formBody(languageForm, async (c, errors) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      return renderAccount(c, auth, 422, { languageError: errors.language });
    }),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const { language } = c.req.valid("form");
      await setEmailLanguage(flowContext(c), auth.user.id, language);
      // Shown from this answer, not a redirect: a read replica may not have the write yet.
      const notice = c.var.t("account.noticeLanguage", { language: LANGUAGE_NAMES[language] });
      return renderAccount(c, { ...auth, user: { ...auth.user, language } }, 200, { notice });
    },
  )
  .post("/account/sign-out", async (c) => {
    const ended = await signOut(flowContext(c), readSessionCookie(c));
    return toLogin(c, ended.ok ? "signed_out" : "expired");
  })
  .post("/account/sign-out-others", async (c) => {
    const auth = await currentSession(c);
    if (!auth.ok) return toLogin(c, "expired");
    await signOutOtherSessions(flowContext(c), auth);
    return c.redirect("/account?done=others", 303);
  })
  .post("/account/sign-out-everywhere", async (c) => {
    const auth = await currentSession(c);
    if (!auth.ok) return toLogin(c, "expired");
    await signOutEverywhere(flowContext(c), auth);
    return toLogin(c, "signed_out_everywhere");
  })
  .get("/live/status", async (c) => {
    const auth = await currentSession(c);
    return c.body(null, auth.ok ? 204 : 401);
  })
  .get("/live", async (c) => {
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") return c.text("Expected a WebSocket upgrade", 426);
    if (!isSameOrigin(c)) return c.text("Forbidden origin", 403);
    const auth = await currentSession(c);
    if (!auth.ok) return c.text("Not signed in", 401);
    return openLiveSignOut(c.env, auth);
  });
