/**
 * /reset-password/code: the code from the reset email, typed on any device. A right code plants its
 * link's token in the reset cookie and leads to the same Reset Password form as the link; wrong codes get
 * the same answers for every address (domain/reset-code.ts).
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { redeemResetCode } from "../domain/reset-code";
import type { AppEnv } from "../http/app-env";
import { emailTextField } from "../http/fields";
import { formBody } from "../http/form-body";
import { ipRateLimit } from "../http/ip-rate-limit";
import { flowContext } from "../http/request-context";
import { Field, Notice } from "./layout";
import { type FormErrors, TOO_MANY_REQUESTS } from "./messages";
import { writeResetCookie } from "./session-cookie";

const codeForm = z.object({
  email: emailTextField.min(1, "Enter the email address the code was sent to."),
  code: z.string().max(32).min(1, "Enter the code from the email."),
});

const WRONG_CODE = "That code is not right. Check it against the newest email and try again.";
const DEAD_CODE = "Too many wrong codes: this code no longer works. Ask for a new email.";

function EnterCodePage({ email, errors }: { email?: string | undefined; errors: FormErrors }) {
  return (
    <>
      <h1>Enter your code</h1>
      <p>
        The reset email has a link and, below it, an 8-character code. Type the code here to reset your password on this
        device.
      </p>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <form method="post" action="/reset-password/code">
        <Field name="email" label="Email" type="email" autocomplete="email" value={email} error={errors.email} />
        <Field
          name="code"
          label="Code"
          type="text"
          autocomplete="one-time-code"
          error={errors.code}
          hint="For example ABCD-EFGH; case and dashes do not matter."
          autofocus={email !== undefined && email !== ""}
        />
        <button type="submit">Continue</button>
      </form>
      <p class="alt">
        <a href="/forgot-password">Send a new email</a>
      </p>
    </>
  );
}

function renderCodeForm(c: Context<AppEnv>, status: 200 | 422 | 429, email: string | undefined, errors: FormErrors) {
  c.status(status);
  return c.render(<EnterCodePage email={email} errors={errors} />, { title: "Enter your code" });
}

export const resetCodeRoutes = new Hono<AppEnv>()
  .get("/reset-password/code", (c) => renderCodeForm(c, 200, c.req.query("email")?.slice(0, 254), {}))
  .post(
    "/reset-password/code",
    ipRateLimit("IP_RESET_LIMIT", { onLimited: (c) => renderCodeForm(c, 429, undefined, { form: TOO_MANY_REQUESTS }) }),
    formBody(codeForm, (c, errors, raw) => renderCodeForm(c, 422, raw.email, errors)),
    async (c) => {
      const { email, code } = c.req.valid("form");
      const result = await redeemResetCode(flowContext(c), email, code);
      if (!result.ok) {
        return renderCodeForm(
          c,
          422,
          email,
          result.reason === "code_dead" ? { form: DEAD_CODE } : { code: WRONG_CODE },
        );
      }
      writeResetCookie(c, result.token);
      return c.redirect("/reset-password", 303);
    },
  );
