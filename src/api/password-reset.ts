/** POST /v3/user/forgot_password and POST /v3/user/reset_password, Contentstack wire format. */
import { Hono } from "hono";
import { z } from "zod";
import { requestPasswordReset, resetPassword } from "../domain/password-reset";
import { redeemResetCode } from "../domain/password-reset-code";
import type { AppEnv } from "../http/app-env";
import { emailField, emailTextField, passwordField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { jsonBody } from "../http/json-body";
import type { ApiOperation } from "../http/openapi";
import { flowContext } from "../http/request-context";
import { refuse } from "./refusals";

/** Contentstack's own wording: the same for every address, so it reveals nothing. */
const FORGOT_NOTICE =
  "If this email address exists, we will send you an email with instructions for resetting your password.";
const RESET_NOTICE = "Your password has been reset successfully.";

const forgotBody = z.strictObject({
  user: z.strictObject({ email: emailField("is not a valid email address.") }),
});

/**
 * Contentstack's body, or (our extension) `email` + `reset_password_code` in place of the token: the code
 * from the same email, for a client on another device than the one that got the link.
 */
const resetBody = z.strictObject({
  user: z
    .strictObject({
      reset_password_token: z.string().min(1, "is required.").max(512).optional(),
      email: emailTextField.optional(),
      reset_password_code: z.string().min(1, "is required.").max(32).optional(),
      password: passwordField,
      password_confirmation: passwordField,
      // For an account with two-factor on: a current code or a recovery code (else 401, error_code 294).
      tfa_token: z.string().max(64).optional(),
    })
    .superRefine((user, ctx) => {
      if (user.reset_password_token !== undefined) return;
      if (user.email !== undefined && user.reset_password_code !== undefined) return;
      ctx.addIssue({ code: "custom", path: ["reset_password_token"], message: "is required." });
    }),
});

export const passwordResetRoutes = new Hono<AppEnv>()
  .post("/forgot_password", ipRateLimit("IP_FORGOT_LIMIT"), ...jsonBody(forgotBody), async (c) => {
    const { user } = c.req.valid("json");
    await requestPasswordReset(flowContext(c), user.email);
    return c.json({ notice: FORGOT_NOTICE });
  })
  .post("/reset_password", ipRateLimit("IP_RESET_LIMIT"), ...jsonBody(resetBody), async (c) => {
    const { user } = c.req.valid("json");
    const ctx = flowContext(c);
    let token = user.reset_password_token;
    if (token === undefined) {
      // The code is exchanged for its link's token; a wrong or dead code is refused like a dead token.
      const redeemed = await redeemResetCode(ctx, user.email ?? "", user.reset_password_code ?? "");
      if (!redeemed.ok) return refuse(c, { ok: false, reason: "token_invalid" });
      token = redeemed.token;
    }
    const result = await resetPassword(ctx, {
      token,
      password: user.password,
      passwordConfirmation: user.password_confirmation,
      secondFactor: user.tfa_token,
    });
    if (!result.ok) return refuse(c, result);
    return c.json({ notice: RESET_NOTICE });
  });

/** The OpenAPI descriptors of these routes (http/openapi.ts). */
export const passwordResetOperations: readonly ApiOperation[] = [
  {
    method: "post",
    path: "/v3/user/forgot_password",
    tag: "password",
    summary: "Ask for a reset email",
    description: "The same answer for every well-formed request: it never tells whether an account exists.",
    body: { name: "ForgotPasswordRequest", schema: forgotBody },
    success: {
      status: 200,
      description: "An email is sent if the address has an account (and is not over its limit).",
      body: { name: "ForgotPasswordResponse", schema: z.object({ notice: z.literal(FORGOT_NOTICE) }) },
    },
    refusals: ["rate_limited"],
  },
  {
    method: "post",
    path: "/v3/user/reset_password",
    tag: "password",
    summary: "Reset the password",
    description:
      "With the emailed link's `reset_password_token`, or (not Contentstack's) `email` and the emailed " +
      "`reset_password_code`; neither is 422/141 with `errors.reset_password_token`. Every session is revoked. " +
      "A 401/294 or 422/142 leaves the link usable; a 503 is safe to retry with the same link.",
    body: { name: "ResetPasswordRequest", schema: resetBody },
    success: {
      status: 200,
      description: "The password is changed and every session of the user signed out.",
      body: { name: "ResetPasswordResponse", schema: z.object({ notice: z.literal(RESET_NOTICE) }) },
    },
    refusals: ["second_factor_required", "password_rejected", "reset_token_invalid", "rate_limited", "unavailable"],
  },
];
