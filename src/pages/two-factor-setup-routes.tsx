/**
 * Two-factor on /account: set up (QR code and key, then a code turns it on), new recovery codes, turn off.
 * Every route here needs a live session cookie; without one the browser is sent to /login. (The sign-in's
 * second step is beside /login, in sign-in-routes.tsx.)
 */
import { type Context, Hono } from "hono";
import { renderSVG } from "uqr";
import { z } from "zod";
import type { SignInRefusal } from "../domain/sign-in";
import { asksSecondFactor, isSecondFactorRefusal, type SecondFactorRefusal } from "../domain/two-factor";
import {
  disableTwoFactor,
  enableTwoFactor,
  regenerateRecoveryCodes,
  resumeTwoFactorSetup,
  SETUP_MS,
  startTwoFactorSetup,
} from "../domain/two-factor-setup";
import { requiredPasswordField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { flowContext } from "../http/request-context";
import { renderAccount } from "./account-render";
import { clearTwoFactorCookie, readDeviceCookie, readSetupKey, writeSetupKey } from "./cookies";
import { formBody, formMessage } from "./form-body";
import { currentSession, toLogin } from "./guards";
import { type FormErrors, refusalMessages, secondFactorMessage } from "./messages";
import type { PageEnv } from "./page-language";
import { renderCodes } from "./two-factor-render";
import { TwoFactorSetupPage } from "./two-factor-setup-page";

const code = z.string().trim().min(1, formMessage("twoFactor.enterCode")).max(32);
const password = requiredPasswordField(formMessage("field.enterPassword"));
const setupForm = z.object({ code, password });
const recoveryForm = z.object({ recovery_code: code, regen_password: password });
const offForm = z.object({ off_password: password, off_code: code });

/** A refused change's words, next to its form's password or code field. */
function changeErrors(
  c: Context<PageEnv>,
  result: SignInRefusal | SecondFactorRefusal,
  fields: { password: string; code: string },
): FormErrors {
  if (isSecondFactorRefusal(result)) return { [fields.code]: secondFactorMessage(c, result) };
  if (result.reason === "invalid_credentials") return { [fields.password]: c.var.t("twoFactor.notYourPassword") };
  return { form: refusalMessages(c, result).form ?? c.var.t("refusal.invalidCredentials") };
}

const statusOf = (result: { reason: string }) =>
  result.reason === "locked" || result.reason === "second_factor_locked" ? 429 : 422;

function renderSetup(
  c: Context<PageEnv>,
  status: 200 | 422 | 429,
  setup: { keyText: string; uri: string },
  error?: string,
) {
  c.status(status);
  const svg = renderSVG(setup.uri, { ecc: "M", border: 2 });
  return c.render(<TwoFactorSetupPage svg={svg} keyText={setup.keyText} error={error} />, {
    title: c.var.t("twoFactor.setup.title"),
  });
}

export const twoFactorSetupRoutes = new Hono<PageEnv>()
  .get("/account/two-factor", async (c) => {
    const auth = await currentSession(c);
    if (!auth.ok) return toLogin(c, "expired");
    if (asksSecondFactor(auth.user)) return c.redirect("/account#two-factor", 303);
    // The page again (reloaded, or in another language) keeps its key: a code already scanned still works.
    const resumed = await resumeTwoFactorSetup(flowContext(c), auth.user, readSetupKey(c));
    if (resumed !== null) return renderSetup(c, 200, resumed);
    const setup = await startTwoFactorSetup(flowContext(c), auth.user);
    writeSetupKey(c, setup.pending, SETUP_MS);
    return renderSetup(c, 200, setup);
  })
  .post(
    "/account/two-factor",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", { onLimited: (c) => c.redirect("/account#two-factor", 303) }),
    formBody(setupForm, (c) => c.redirect("/account/two-factor", 303)),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const ctx = flowContext(c);
      const form = c.req.valid("form");
      const input = { password: form.password, code: form.code, deviceToken: readDeviceCookie(c) };
      const result = await enableTwoFactor(ctx, auth, readSetupKey(c), input);
      if (result.ok) {
        clearTwoFactorCookie(c, "setup");
        return renderCodes(c, result.recoveryCodes, "enabled");
      }
      if (result.reason === "already_on") return c.redirect("/account#two-factor", 303);
      const setup = await resumeTwoFactorSetup(ctx, auth.user, readSetupKey(c));
      if (result.reason === "setup_expired" || setup === null) return c.redirect("/account/two-factor", 303);
      if (result.reason === "setup_code_wrong") {
        return renderSetup(c, 422, setup, c.var.t("twoFactor.setup.codeWrong"));
      }
      // The step of this code was used (two-factor off and on within one step): nothing is on, no codes shown.
      if (result.reason === "setup_code_used") return renderSetup(c, 422, setup, c.var.t("twoFactor.setup.codeUsed"));
      return renderSetup(c, statusOf(result), setup, changeErrors(c, result, { password: "form", code: "form" }).form);
    },
  )
  .post(
    "/account/two-factor/recovery-codes",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", { onLimited: (c) => c.redirect("/account#two-factor", 303) }),
    formBody(recoveryForm, (c) => c.redirect("/account#two-factor", 303)),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const form = c.req.valid("form");
      const input = { password: form.regen_password, code: form.recovery_code, deviceToken: readDeviceCookie(c) };
      const result = await regenerateRecoveryCodes(flowContext(c), auth, input);
      if (result.ok) return renderCodes(c, result.recoveryCodes, "regenerated");
      if (result.reason === "not_on") return c.redirect("/account#two-factor", 303);
      const twoFactorErrors = changeErrors(c, result, { password: "regen_password", code: "recovery_code" });
      return renderAccount(c, auth, statusOf(result), { twoFactorErrors });
    },
  )
  .post(
    "/account/two-factor/off",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", { onLimited: (c) => c.redirect("/account#two-factor", 303) }),
    formBody(offForm, (c) => c.redirect("/account#two-factor", 303)),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const form = c.req.valid("form");
      const input = { password: form.off_password, code: form.off_code, deviceToken: readDeviceCookie(c) };
      const result = await disableTwoFactor(flowContext(c), auth, input);
      if (result.ok) return c.redirect("/account?done=two_factor_off", 303);
      if (result.reason === "not_on") return c.redirect("/account#two-factor", 303);
      const twoFactorErrors = changeErrors(c, result, { password: "off_password", code: "off_code" });
      return renderAccount(c, auth, statusOf(result), { twoFactorErrors });
    },
  );
