/**
 * Two-factor sign-in turned on with a passkey as the only second factor, on /account: the challenge the
 * script asks for (a same-origin POST answering JSON), then the password and the assertion in one form.
 * The recovery codes are shown once, as after setting up an app.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AssertionResponse } from "../core/passkey";
import { enablePasskeyFactor } from "../domain/passkey-factor";
import { beginPasskeyCheck } from "../domain/passkeys";
import { requiredPasswordField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { flowContext } from "../http/request-context";
import { renderAccount } from "./account-render";
import { readDeviceCookie } from "./cookies";
import { formBody, formMessage } from "./form-body";
import { currentSession, isSameOrigin, toLogin } from "./guards";
import { refusalMessages } from "./messages";
import type { PageEnv } from "./page-language";
import { assertionSchema, parseCredential } from "./passkey-form";
import { renderCodes } from "./two-factor-render";

const factorForm = z.object({
  factor_password: requiredPasswordField(formMessage("field.enterPassword")),
  credential: z.string().max(12_000).default(""),
});

export const passkeyFactorRoutes = new Hono<PageEnv>()
  .post("/account/two-factor/passkey-options", async (c) => {
    if (!isSameOrigin(c)) return c.text("Forbidden origin", 403);
    const auth = await currentSession(c);
    if (!auth.ok) return c.json({ error: "not_signed_in" }, 401);
    return c.json(await beginPasskeyCheck(flowContext(c), auth.user.id, "turn_on"));
  })
  .post(
    "/account/two-factor/passkey",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", { onLimited: (c) => c.redirect("/account#two-factor", 303) }),
    formBody(factorForm, async (c, errors) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const message = errors.factor_password ?? c.var.t("passkeys.refused");
      return renderAccount(c, auth, 422, { twoFactorErrors: { factor_password: message } });
    }),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const form = c.req.valid("form");
      const passkey: AssertionResponse | null = parseCredential(assertionSchema, form.credential);
      if (passkey === null) {
        return renderAccount(c, auth, 422, { twoFactorErrors: { factor_password: c.var.t("passkeys.refused") } });
      }
      const input = { password: form.factor_password, passkey, deviceToken: readDeviceCookie(c) };
      const result = await enablePasskeyFactor(flowContext(c), auth, input);
      if (result.ok) return renderCodes(c, result.recoveryCodes, "enabled_passkey");
      if (result.reason === "already_on") return c.redirect("/account#two-factor", 303);
      const message =
        result.reason === "passkey_refused"
          ? c.var.t("passkeys.refused")
          : result.reason === "invalid_credentials"
            ? c.var.t("twoFactor.notYourPassword")
            : (refusalMessages(c, result).form ?? c.var.t("refusal.invalidCredentials"));
      const status = result.reason === "locked" ? 429 : 422;
      return renderAccount(c, auth, status, { twoFactorErrors: { factor_password: message } });
    },
  );
