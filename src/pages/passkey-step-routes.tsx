/**
 * A passkey in place of the code: sign-in's second step (/login/two-factor/passkey) and the reset's step
 * before the new password (/reset-password/second-factor/passkey). Each asks the user's registry for a
 * challenge of that step (a same-origin POST answering JSON, for the page's script) and then takes the
 * assertion in the step's form. User verification is required: a password and a passkey are two factors.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AssertionResponse } from "../core/passkey";
import { beginPasskeyCheck } from "../domain/passkeys";
import { beginPasskeyResetCheck, proveSecondFactorForReset } from "../domain/password-reset";
import { completeSecondFactorSignIn } from "../domain/sign-in";
import { isSecondFactorRefusal } from "../domain/two-factor";
import { ipRateLimit } from "../http/ip-rate-limit";
import { flowContext } from "../http/request-context";
import {
  clearTwoFactorCookie,
  readDeviceCookie,
  readPendingSignIn,
  readResetCookie,
  readSessionCookie,
  writeDeviceCookie,
  writeResetFactor,
  writeSessionCookie,
} from "./cookies";
import { formBody } from "./form-body";
import { isSameOrigin } from "./guards";
import type { PageEnv } from "./page-language";
import { assertionSchema, parseCredential } from "./passkey-form";
import { renderSecondFactorStep } from "./two-factor-render";

const credentialForm = z.object({ credential: z.string().max(12_000) });
const wrong = { ok: false, reason: "second_factor_wrong" } as const;

export const passkeyStepRoutes = new Hono<PageEnv>()
  .post("/login/two-factor/passkey-options", async (c) => {
    if (!isSameOrigin(c)) return c.text("Forbidden origin", 403);
    const pending = readPendingSignIn(c, c.get("now"));
    if (pending === null) return c.json({ error: "expired" }, 401);
    return c.json(await beginPasskeyCheck(flowContext(c), pending.userId, "second_factor"));
  })
  .post(
    "/login/two-factor/passkey",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", { onLimited: (c) => renderSecondFactorStep(c, 429, "sign_in") }),
    formBody(credentialForm, (c) => renderSecondFactorStep(c, 422, "sign_in", wrong)),
    async (c) => {
      const ctx = flowContext(c);
      const pending = readPendingSignIn(c, ctx.now);
      if (pending === null) return c.redirect("/login?notice=expired", 303);
      const passkey: AssertionResponse | null = parseCredential(assertionSchema, c.req.valid("form").credential);
      if (passkey === null) return renderSecondFactorStep(c, 422, "sign_in", wrong);
      const options = { replacing: readSessionCookie(c), deviceToken: readDeviceCookie(c) };
      const result = await completeSecondFactorSignIn(ctx, pending, { passkey }, options);
      if (result.ok) {
        clearTwoFactorCookie(c, "pending");
        writeSessionCookie(c, result.token, ctx.config.sessionIdleMs);
        writeDeviceCookie(c, result.deviceToken);
        return c.redirect("/account", 303);
      }
      if (isSecondFactorRefusal(result)) return renderSecondFactorStep(c, 422, "sign_in", result);
      clearTwoFactorCookie(c, "pending");
      return c.redirect("/login?notice=expired", 303);
    },
  )
  .post("/reset-password/second-factor/passkey-options", async (c) => {
    if (!isSameOrigin(c)) return c.text("Forbidden origin", 403);
    const options = await beginPasskeyResetCheck(flowContext(c), readResetCookie(c) ?? "");
    return options === null ? c.json({ error: "expired" }, 401) : c.json(options);
  })
  .post(
    "/reset-password/second-factor/passkey",
    ipRateLimit<PageEnv>("IP_RESET_LIMIT", { onLimited: (c) => renderSecondFactorStep(c, 429, "reset") }),
    formBody(credentialForm, (c) => renderSecondFactorStep(c, 422, "reset", wrong)),
    async (c) => {
      const token = readResetCookie(c) ?? "";
      const passkey: AssertionResponse | null = parseCredential(assertionSchema, c.req.valid("form").credential);
      if (passkey === null) return renderSecondFactorStep(c, 422, "reset", wrong);
      const result = await proveSecondFactorForReset(flowContext(c), token, { passkey });
      if (result.ok) writeResetFactor(c, token, c.get("now"));
      if (!result.ok && isSecondFactorRefusal(result)) return renderSecondFactorStep(c, 422, "reset", result);
      // Passed, not asked, or a dead link: the reset page says which.
      return c.redirect("/reset-password", 303);
    },
  );
