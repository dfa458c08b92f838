/**
 * /forgot-password and /reset-password pages, on the same domain code as the API.
 * The emailed link's token is moved into an HttpOnly cookie scoped to /reset-password and the browser is
 * redirected to the token-free URL, so the token stays out of history, logs and Referer (invariant 7).
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../api/app-env";
import { ipRateLimit } from "../api/ip-rate-limit";
import { type PasswordProblem, checkPassword, describePasswordProblem } from "../domain/password-policy";
import { isResetTokenUsable, requestPasswordReset, resetPassword } from "../domain/password-reset";
import { formBody } from "./form";
import { ForgotPasswordPage, InstructionsSentPage, InvalidResetLinkPage, ResetPasswordPage } from "./password-reset-pages";
import { clearResetCookie, readResetCookie, writeResetCookie } from "./session-cookie";

const forgotForm = z.object({ email: z.email("Enter a valid email address.").max(254) });
const resetForm = z.object({ password: z.string().max(1024), password_confirmation: z.string().max(1024) });
const checkBody = z.object({ password: z.string().max(1024), email: z.string().max(254).optional() });
const HINTS = ["/static/password-hints.js"];

/** 410 and the page that says the link is dead and offers a new one. */
function invalidLink(c: Context<AppEnv>): Response | Promise<Response> {
  c.status(410);
  return c.render(<InvalidResetLinkPage />, { title: "Link no longer valid" });
}

export const passwordResetPageRoutes = new Hono<AppEnv>()
  .get("/forgot-password", (c) => c.render(<ForgotPasswordPage />, { title: "Forgot password" }))
  .post(
    "/forgot-password",
    ipRateLimit("IP_FORGOT_LIMIT", {
      onLimited: (c) => {
        c.status(429);
        return c.render(<ForgotPasswordPage error="Too many requests from your network. Please try again in a minute." />, { title: "Forgot password" });
      },
    }),
    formBody(forgotForm, (c, errors, raw) => {
      c.status(422);
      return c.render(<ForgotPasswordPage email={raw.email} error={errors.email} />, { title: "Forgot password" });
    }),
    async (c) => {
      const { email } = c.req.valid("form");
      await requestPasswordReset(c.env, email, c.get("client"), Date.now());
      return c.render(<InstructionsSentPage email={email} />, { title: "Check your email" });
    },
  )
  .get("/reset-password", async (c) => {
    const fromLink = c.req.query("token");
    if (fromLink !== undefined) {
      // Only a usable token is planted in the cookie: a link to someone else's dead or made-up token shows
      // the invalid page at once, and never leaves a cookie behind.
      if (!(await isResetTokenUsable(c.env, fromLink, Date.now()))) {
        return invalidLink(c);
      }
      writeResetCookie(c, fromLink);
      return c.redirect("/reset-password", 303);
    }
    const token = readResetCookie(c);
    if (token === undefined || !(await isResetTokenUsable(c.env, token, Date.now()))) {
      clearResetCookie(c);
      return invalidLink(c);
    }
    return c.render(<ResetPasswordPage errors={{}} minLength={c.get("config").passwordMinLength} />, { title: "Reset Password", scripts: HINTS });
  })
  .post(
    "/reset-password",
    ipRateLimit("IP_RESET_LIMIT", {
      onLimited: (c) => {
        c.status(429);
        return c.render(<ResetPasswordPage errors={{ form: "Too many attempts. Please wait a minute and try again." }} minLength={c.get("config").passwordMinLength} />, { title: "Reset Password" });
      },
    }),
    formBody(resetForm, (c, errors) => {
      c.status(422);
      return c.render(<ResetPasswordPage errors={errors} minLength={c.get("config").passwordMinLength} />, { title: "Reset Password", scripts: HINTS });
    }),
    async (c) => {
      const form = c.req.valid("form");
      const config = c.get("config");
      const token = readResetCookie(c) ?? "";
      const result = await resetPassword(c.env, config, { token, password: form.password, passwordConfirmation: form.password_confirmation }, c.get("client"), Date.now());
      if (result.ok) {
        clearResetCookie(c);
        return c.redirect("/login?notice=reset", 303);
      }
      if (result.reason === "token_invalid") {
        clearResetCookie(c);
        return invalidLink(c);
      }
      const errors: Record<string, string> =
        result.reason === "password_mismatch"
          ? { password_confirmation: "Doesn't match the password." }
          : { password: `Password ${describePasswordProblem(result.problem, config.passwordMinLength)}` };
      c.status(422);
      return c.render(<ResetPasswordPage errors={errors} minLength={config.passwordMinLength} />, { title: "Reset Password", scripts: HINTS });
    },
  )
  // Live policy hints for the password fields; the server checks again on submit.
  .post("/password-check", ipRateLimit("IP_PASSWORD_CHECK_LIMIT"), async (c) => {
    const parsed = checkBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ ok: false, message: "Unreadable request." }, 400);
    const config = c.get("config");
    const problem: PasswordProblem | null = await checkPassword(parsed.data.password, {
      minLength: config.passwordMinLength,
      email: parsed.data.email ?? "",
      hibp: { enabled: config.hibpEnabled, failOpen: config.hibpFailOpen, fetch },
    });
    return c.json(problem === null ? { ok: true } : { ok: false, problem, message: `Password ${describePasswordProblem(problem, config.passwordMinLength)}` });
  });
