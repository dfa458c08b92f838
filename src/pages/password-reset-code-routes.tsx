/**
 * /reset-password/code: the code from the reset email, typed on any device. A right code plants its
 * link's token in the reset cookie and leads to the same Reset Password form as the link; wrong codes get
 * the same answers for every address (domain/password-reset-code.ts).
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { redeemResetCode } from "../domain/password-reset-code";
import { emailTextField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { flowContext } from "../http/request-context";
import { writeResetCookie } from "./cookies";
import { formBody, formMessage } from "./form-body";
import type { FormErrors } from "./messages";
import type { PageEnv } from "./page-language";
import { EnterCodePage } from "./password-reset-code-page";

const codeForm = z.object({
  email: emailTextField.min(1, formMessage("reset.codeEnterEmail")),
  code: z.string().max(32).min(1, formMessage("reset.codeEnterCode")),
});

function renderCodeForm(c: Context<PageEnv>, status: 200 | 422 | 429, email: string | undefined, errors: FormErrors) {
  c.status(status);
  return c.render(<EnterCodePage email={email} errors={errors} />, { title: c.var.t("reset.codeTitle") });
}

export const passwordResetCodeRoutes = new Hono<PageEnv>()
  .get("/reset-password/code", (c) => renderCodeForm(c, 200, c.req.query("email")?.slice(0, 254), {}))
  .post(
    "/reset-password/code",
    ipRateLimit<PageEnv>("IP_RESET_LIMIT", {
      onLimited: (c) => renderCodeForm(c, 429, undefined, { form: c.var.t("refusal.tooManyRequests") }),
    }),
    formBody(codeForm, (c, errors, raw) => renderCodeForm(c, 422, raw.email, errors)),
    async (c) => {
      const { email, code } = c.req.valid("form");
      const result = await redeemResetCode(flowContext(c), email, code);
      if (!result.ok) {
        return renderCodeForm(
          c,
          422,
          email,
          result.reason === "wrong_code"
            ? { code: c.var.t("reset.codeWrong") }
            : { form: c.var.t(result.reason === "code_dead" ? "reset.codeDead" : "reset.codeStoppedHere") },
        );
      }
      writeResetCookie(c, result.token);
      return c.redirect("/reset-password", 303);
    },
  );
