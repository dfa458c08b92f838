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
import { formBody, formMessage } from "./form-body";
import { EmailField, Field, Notice } from "./layout";
import type { FormErrors } from "./messages";
import type { PageEnv } from "./page-language";
import { writeResetCookie } from "./session-cookie";
import { useT } from "./words";

const codeForm = z.object({
  email: emailTextField.min(1, formMessage("reset.codeEnterEmail")),
  code: z.string().max(32).min(1, formMessage("reset.codeEnterCode")),
});

function EnterCodePage({ email, errors }: { email?: string | undefined; errors: FormErrors }) {
  const t = useT();
  return (
    <>
      <h1>{t("reset.codeTitle")}</h1>
      <p>{t("reset.codeIntro")}</p>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <form method="post" action="/reset-password/code">
        <EmailField value={email} error={errors.email} />
        <Field
          name="code"
          label={t("reset.codeLabel")}
          type="text"
          autocomplete="one-time-code"
          error={errors.code}
          hint={t("reset.codeHint")}
          autofocus={email !== undefined && email !== ""}
        />
        <button type="submit">{t("reset.codeSubmit")}</button>
      </form>
      <p class="alt">
        <a href="/forgot-password">{t("reset.sendNewEmail")}</a>
      </p>
    </>
  );
}

function renderCodeForm(c: Context<PageEnv>, status: 200 | 422 | 429, email: string | undefined, errors: FormErrors) {
  c.status(status);
  return c.render(<EnterCodePage email={email} errors={errors} />, { title: c.var.t("reset.codeTitle") });
}

export const resetCodeRoutes = new Hono<PageEnv>()
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
          result.reason === "code_dead" ? { form: c.var.t("reset.codeDead") } : { code: c.var.t("reset.codeWrong") },
        );
      }
      writeResetCookie(c, result.token);
      return c.redirect("/reset-password", 303);
    },
  );
