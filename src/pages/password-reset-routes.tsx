/**
 * /forgot-password and /reset-password pages, on the same domain flows as the API.
 * The emailed link's token is moved into an HttpOnly __Host- cookie (cookies.ts) and the browser is
 * redirected to the token-free URL, so the token stays out of history, logs and Referer (invariant 7).
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { MINUTE_MS } from "../core/time";
import { offersPasskeyAfterReset } from "../domain/passkeys";
import {
  PROVEN,
  proveSecondFactorForReset,
  requestPasswordReset,
  resendForDeadLink,
  resetPassword,
} from "../domain/password-reset";
import { resetLinkFate } from "../domain/password-reset-check";
import { isSecondFactorRefusal, type SecondFactorRefusal } from "../domain/two-factor";
import { emailField, passwordField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { flowContext } from "../http/request-context";
import { formatLifetime } from "../i18n/format";
import type { PageLanguage } from "../i18n/languages";
import {
  clearResetCookie,
  clearTwoFactorCookie,
  hasResetFactor,
  readResetCookie,
  writeDeviceCookie,
  writeResetCookie,
  writeResetFactor,
} from "./cookies";
import { formBody, formMessage } from "./form-body";
import { type FormErrors, refusalMessages } from "./messages";
import { type PageEnv, pageReader } from "./page-language";
import {
  type DeadLink,
  DeadLinkPage,
  ForgotPasswordPage,
  InstructionsSentPage,
  NewLinkSentPage,
  ResetPasswordPage,
} from "./password-reset-page";
import { renderSecondFactorStep } from "./two-factor-render";

const forgotForm = z.object({ email: emailField(formMessage("field.enterEmail")) });
const resetForm = z.object({ password: passwordField, password_confirmation: passwordField });
const newLinkForm = z.object({ token: z.string().max(200) });
const codeForm = z.object({ code: z.string().trim().min(1, formMessage("reset.enterAppCode")).max(32) });

/** The link lifetime as the pages say it, in the page's language. */
function lifetime(c: Context<PageEnv>): string {
  return formatLifetime(c.get("language") as PageLanguage, c.get("config").resetLinkMs / MINUTE_MS);
}

/** 410 and the page that says why the link is dead and offers a new one. */
function deadLink(c: Context<PageEnv>, fate: DeadLink, token: string): Response | Promise<Response> {
  c.status(410);
  return c.render(<DeadLinkPage fate={fate} lifetime={lifetime(c)} token={token} />, {
    title: c.var.t("reset.deadTitle"),
  });
}

function renderForgot(c: Context<PageEnv>, status: 200 | 422 | 429, props: { email?: string; error?: string } = {}) {
  c.status(status);
  return c.render(<ForgotPasswordPage {...props} />, { title: c.var.t("reset.forgotTitle") });
}

/** The Reset Password form, with live hints and any errors next to their fields. */
function renderResetForm(c: Context<PageEnv>, status: 200 | 422 | 429, errors: FormErrors = {}) {
  c.status(status);
  const page = <ResetPasswordPage errors={errors} minLength={c.get("config").passwordMinLength} />;
  return c.render(page, { title: c.var.t("reset.resetTitle"), scripts: ["/static/password-hints.js"] });
}

/** The code step before the new password, for an account with two-factor on. */
const renderFactorStep = (c: Context<PageEnv>, status: 200 | 422 | 429, refusal?: SecondFactorRefusal) =>
  renderSecondFactorStep(c, status, "reset", refusal);

export const passwordResetPageRoutes = new Hono<PageEnv>()
  .get("/forgot-password", (c) => renderForgot(c, 200))
  .post(
    "/forgot-password",
    ipRateLimit<PageEnv>("IP_FORGOT_LIMIT", {
      onLimited: (c) => renderForgot(c, 429, { error: c.var.t("refusal.tooManyRequests") }),
    }),
    formBody(forgotForm, (c, errors, raw) => renderForgot(c, 422, { email: raw.email, error: errors.email })),
    async (c) => {
      const { email } = c.req.valid("form");
      await requestPasswordReset(flowContext(c), email, pageReader(c));
      return c.render(<InstructionsSentPage email={email} lifetime={lifetime(c)} />, {
        title: c.var.t("reset.sentTitle"),
      });
    },
  )
  .get("/reset-password", async (c) => {
    const fromLink = c.req.query("token");
    if (fromLink !== undefined) {
      // Only a usable token is planted in the cookie: a link to someone else's dead or made-up token shows
      // the invalid page at once, and never leaves a cookie behind.
      const fate = await resetLinkFate(c.env, fromLink, c.get("now"));
      if (fate.fate !== "usable") return deadLink(c, fate, fromLink);
      writeResetCookie(c, fromLink);
      return c.redirect("/reset-password", 303);
    }
    const token = readResetCookie(c);
    const fate = token === undefined ? ({ fate: "invalid" } as const) : await resetLinkFate(c.env, token, c.get("now"));
    if (fate.fate !== "usable" || token === undefined) {
      clearResetCookie(c);
      return deadLink(c, fate.fate === "usable" ? { fate: "invalid" } : fate, token ?? "");
    }
    if (fate.asksSecondFactor && !hasResetFactor(c, token, c.get("now"))) return renderFactorStep(c, 200);
    return renderResetForm(c, 200);
  })
  .post(
    "/reset-password/second-factor",
    ipRateLimit<PageEnv>("IP_RESET_LIMIT", { onLimited: (c) => renderFactorStep(c, 429) }),
    formBody(codeForm, (c) => renderFactorStep(c, 422, { ok: false, reason: "second_factor_required" })),
    async (c) => {
      const token = readResetCookie(c) ?? "";
      const result = await proveSecondFactorForReset(flowContext(c), token, c.req.valid("form").code);
      if (result.ok) writeResetFactor(c, token, c.get("now"));
      if (result.ok || result.reason === "not_asked") return c.redirect("/reset-password", 303);
      if (result.reason === "token_invalid") {
        clearResetCookie(c);
        const fate = await resetLinkFate(c.env, token, c.get("now"));
        return deadLink(c, fate.fate === "usable" ? { fate: "invalid" } : fate, token);
      }
      if (result.reason === "password_mismatch" || result.reason === "password_rejected")
        return renderFactorStep(c, 422);
      return renderFactorStep(c, result.reason === "second_factor_locked" ? 429 : 422, result);
    },
  )
  .post(
    "/reset-password",
    ipRateLimit<PageEnv>("IP_RESET_LIMIT", {
      onLimited: (c) => renderResetForm(c, 429, { form: c.var.t("reset.tooManyAttempts") }),
    }),
    formBody(resetForm, (c, errors) => renderResetForm(c, 422, errors)),
    async (c) => {
      const form = c.req.valid("form");
      const token = readResetCookie(c) ?? "";
      const result = await resetPassword(flowContext(c), {
        token,
        password: form.password,
        passwordConfirmation: form.password_confirmation,
        secondFactor: hasResetFactor(c, token, c.get("now")) ? PROVEN : undefined,
      });
      if (result.ok || result.reason === "token_invalid") {
        clearResetCookie(c);
        clearTwoFactorCookie(c, "reset");
      }
      if (result.ok) {
        // This browser proved it reads the mailbox: trusted at the new version, whatever strangers guess.
        writeDeviceCookie(c, result.deviceToken);
        // An account without a passkey is offered one (skippable) once it signs in with the new password.
        const offer = (await offersPasskeyAfterReset(c.env, token)) ? "&offer=passkey" : "";
        return c.redirect(`/login?notice=reset${offer}`, 303);
      }
      if (isSecondFactorRefusal(result)) return renderFactorStep(c, 422, result);
      if (result.reason === "token_invalid") {
        const token = readResetCookie(c) ?? "";
        const fate = await resetLinkFate(c.env, token, c.get("now"));
        return deadLink(c, fate.fate === "usable" ? { fate: "invalid" } : fate, token);
      }
      return renderResetForm(c, 422, refusalMessages(c, result));
    },
  )
  .post(
    "/reset-password/new-link",
    ipRateLimit<PageEnv>("IP_FORGOT_LIMIT", {
      onLimited: (c) => renderForgot(c, 429, { error: c.var.t("refusal.tooManyRequests") }),
    }),
    formBody(newLinkForm, (c) => c.redirect("/forgot-password", 303)),
    async (c) => {
      const sent = await resendForDeadLink(flowContext(c), c.req.valid("form").token, pageReader(c));
      if (!sent) return c.redirect("/forgot-password", 303);
      return c.render(<NewLinkSentPage lifetime={lifetime(c)} />, {
        title: c.var.t("reset.sentTitle"),
      });
    },
  );
