/** /login and /signup pages. Sign-in rotates the session: any session this browser had is ended first. */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../api/app-env";
import { describePasswordProblem } from "../domain/password-policy";
import { signOut } from "../domain/sessions";
import { signIn } from "../domain/sign-in";
import { signUp } from "../domain/sign-up";
import { ipRateLimit } from "../api/ip-rate-limit";
import { formBody } from "./form";
import { readSessionCookie, writeSessionCookie } from "./session-cookie";
import { SIGN_IN_NOTICES, type SignInNotice, SignInPage, SignUpPage } from "./sign-in-page";

const INVALID_CREDENTIALS = "Looks like your email or password is invalid. Please try again or reset your password.";
const TOO_MANY = "Too many attempts. Please wait a few minutes, or reset your password.";

const signInForm = z.object({ email: z.string().max(254), password: z.string().min(1, "Enter your password.").max(1024) });
const signUpForm = z.object({
  email: z.email("Enter a valid email address.").max(254),
  password: z.string().max(1024),
  password_confirmation: z.string().max(1024),
  first_name: z.string().trim().max(100).optional(),
  last_name: z.string().trim().max(100).optional(),
});

export const signInPageRoutes = new Hono<AppEnv>()
  .get("/login", (c) => {
    const notice = c.req.query("notice");
    const known = notice !== undefined && notice in SIGN_IN_NOTICES ? (notice as SignInNotice) : null;
    return c.render(<SignInPage notice={known} />, { title: "Sign in" });
  })
  .post(
    "/login",
    ipRateLimit("IP_SIGN_IN_LIMIT", { onLimited: (c) => { c.status(429); return c.render(<SignInPage error={TOO_MANY} />, { title: "Sign in" }); } }),
    formBody(signInForm, (c, errors, raw) => {
      c.status(422);
      return c.render(<SignInPage email={raw.email} error={errors.password ?? INVALID_CREDENTIALS} />, { title: "Sign in" });
    }),
    async (c) => {
      const form = c.req.valid("form");
      const config = c.get("config");
      const result = await signIn({ env: c.env, config, defer: (work) => c.executionCtx.waitUntil(work) }, form, c.get("client"), Date.now());
      if (!result.ok) {
        if (result.reason === "locked") c.header("Retry-After", String(Math.ceil(result.retryAfterMs / 1000)));
        c.status(result.reason === "locked" ? 429 : 422);
        return c.render(<SignInPage email={form.email} error={result.reason === "locked" ? TOO_MANY : INVALID_CREDENTIALS} />, { title: "Sign in" });
      }
      // Session rotation: whatever session this browser held before is ended, not reused.
      const previous = readSessionCookie(c);
      if (previous !== undefined) c.executionCtx.waitUntil(signOut(c.env, previous, "signed_out").catch(() => false));
      writeSessionCookie(c, result.token, config.sessionIdleMs);
      return c.redirect("/account", 303);
    },
  )
  .get("/signup", (c) => c.render(<SignUpPage values={{}} errors={{}} minLength={c.get("config").passwordMinLength} />, { title: "Sign up", scripts: ["/static/password-hints.js"] }))
  .post(
    "/signup",
    ipRateLimit("IP_SIGN_UP_LIMIT", {
      onLimited: (c) => {
        c.status(429);
        return c.render(<SignUpPage values={{}} errors={{ form: TOO_MANY }} minLength={c.get("config").passwordMinLength} />, { title: "Sign up" });
      },
    }),
    formBody(signUpForm, (c, errors, raw) => {
      c.status(422);
      return c.render(<SignUpPage values={raw} errors={errors} minLength={c.get("config").passwordMinLength} />, { title: "Sign up", scripts: ["/static/password-hints.js"] });
    }),
    async (c) => {
      const form = c.req.valid("form");
      const config = c.get("config");
      const result = await signUp(
        c.env,
        config,
        { email: form.email, password: form.password, passwordConfirmation: form.password_confirmation, firstName: form.first_name || null, lastName: form.last_name || null },
        c.get("client"),
        Date.now(),
      );
      if (result.ok) return c.redirect("/login?notice=signed_up", 303);
      const errors: Record<string, string> =
        result.reason === "password_mismatch"
          ? { password_confirmation: "Doesn't match the password." }
          : result.reason === "email_taken"
            ? { email: "An account with this email already exists. Sign in or reset your password." }
            : { password: `Password ${describePasswordProblem(result.problem, config.passwordMinLength)}` };
      c.status(422);
      return c.render(<SignUpPage values={form} errors={errors} minLength={config.passwordMinLength} />, { title: "Sign up", scripts: ["/static/password-hints.js"] });
    },
  );
