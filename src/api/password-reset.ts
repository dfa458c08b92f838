/** POST /v3/user/forgot_password and POST /v3/user/reset_password, Contentstack wire format. */
import { Hono } from "hono";
import { z } from "zod";
import { describePasswordProblem } from "../domain/password-policy";
import { requestPasswordReset, resetPassword } from "../domain/password-reset";
import type { AppEnv } from "./app-env";
import { apiError } from "./errors";
import { ipRateLimit } from "./ip-rate-limit";
import { jsonBody } from "./validation";

/** Contentstack's own wording: the same for every address, so it reveals nothing. */
export const FORGOT_NOTICE = "If this email address exists, we will send you an email with instructions for resetting your password.";
export const RESET_NOTICE = "Your password has been reset successfully.";

const forgotBody = z.strictObject({
  user: z.strictObject({ email: z.email("is not a valid email address.").max(254) }),
});

const resetBody = z.strictObject({
  user: z.strictObject({
    reset_password_token: z.string().min(1, "is required.").max(512),
    password: z.string().max(1024),
    password_confirmation: z.string().max(1024),
  }),
});

export const passwordResetRoutes = new Hono<AppEnv>()
  .post("/forgot_password", ipRateLimit("IP_FORGOT_LIMIT"), ...jsonBody(forgotBody), async (c) => {
    const { user } = c.req.valid("json");
    await requestPasswordReset(c.env, user.email, c.get("client"), Date.now());
    return c.json({ notice: FORGOT_NOTICE });
  })
  .post("/reset_password", ipRateLimit("IP_RESET_LIMIT"), ...jsonBody(resetBody), async (c) => {
    const { user } = c.req.valid("json");
    const config = c.get("config");
    const result = await resetPassword(
      c.env,
      config,
      { token: user.reset_password_token, password: user.password, passwordConfirmation: user.password_confirmation },
      c.get("client"),
      Date.now(),
    );
    if (result.ok) return c.json({ notice: RESET_NOTICE });
    switch (result.reason) {
      case "token_invalid":
        return apiError(c, "reset_token_invalid", { reset_password_token: ["is invalid or has expired."] });
      case "password_mismatch":
        return apiError(c, "validation_failed", { password_confirmation: ["doesn't match password."] });
      case "password_rejected":
        return apiError(c, "password_rejected", { password: [describePasswordProblem(result.problem, config.passwordMinLength)] });
    }
  });
