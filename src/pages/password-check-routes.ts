/** POST /password-check: live policy hints for the sign-up and reset forms; the server checks again on submit. */
import { Hono } from "hono";
import { z } from "zod";
import { checkPassword, policyOptions } from "../domain/password-policy";
import { emailTextField, passwordField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { passwordProblemMessage } from "./messages";
import type { PageEnv } from "./page-language";

const checkBody = z.object({ password: passwordField, email: emailTextField.optional() });

export const passwordCheckRoutes = new Hono<PageEnv>().post(
  "/password-check",
  ipRateLimit<PageEnv>("IP_PASSWORD_CHECK_LIMIT"),
  async (c) => {
    // JSON only: a form-encoded or text body here is no request from our script.
    if (!/^application\/json\s*(;|$)/i.test(c.req.header("content-type") ?? "")) {
      return c.json({ ok: false, message: "Send JSON." }, 415);
    }
    const parsed = checkBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ ok: false, message: "Unreadable request." }, 400);
    const config = c.get("config");
    const problem = await checkPassword(parsed.data.password, policyOptions(config, parsed.data.email ?? ""));
    if (problem === null) return c.json({ ok: true });
    return c.json({ ok: false, problem, message: passwordProblemMessage(c, problem) });
  },
);
