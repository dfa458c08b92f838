/**
 * Passkeys on the pages (pages only: /v3 stays Contentstack's, which has none). /account's add, rename and
 * remove, the challenges the script asks for (same-origin POSTs answering JSON), and /login's sign-in.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AssertionResponse, RegistrationResponse } from "../core/passkey";
import { beginPasskeySignIn, PASSKEY_SIGN_IN_TTL_MS, signInWithPasskey } from "../domain/passkey-sign-in";
import {
  addPasskey,
  beginAddingPasskey,
  beginPasskeyCheck,
  MAX_PASSKEY_NAME_LENGTH,
  removePasskey,
  renamePasskey,
} from "../domain/passkeys";
import { isSecondFactorRefusal } from "../domain/two-factor";
import { ipRateLimit } from "../http/ip-rate-limit";
import { flowContext } from "../http/request-context";
import { describeDevice } from "../i18n/device";
import { renderAccount } from "./account-render";
import {
  readDeviceCookie,
  readSessionCookie,
  takePasskeySignIn,
  writePasskeySignIn,
  writeSessionCookie,
} from "./cookies";
import { formBody, formMessage } from "./form-body";
import { currentSession, isSameOrigin, toLogin } from "./guards";
import { refusalMessages, secondFactorMessage } from "./messages";
import type { PageEnv } from "./page-language";
import { assertionSchema, base64url, parseCredential, registrationSchema } from "./passkey-form";

const nameField = z
  .string()
  .trim()
  .min(1, formMessage("passkeys.nameInvalid"))
  .max(MAX_PASSKEY_NAME_LENGTH, formMessage("passkeys.nameInvalid"));
const addForm = z.object({
  password: z.string().max(1024).default(""),
  code: z.string().max(32).default(""),
  credential: z.string().max(12_000),
});
const renameForm = z.object({ id: base64url.min(1), name: nameField });
const removeForm = z.object({
  id: base64url.min(1),
  password: z.string().max(1024).default(""),
  code: z.string().max(32).default(""),
  credential: z.string().max(12_000).default(""),
});

/** /account again with the passkey section's error. */
async function refuse(c: Context<PageEnv>, status: 422 | 429, message: string) {
  const auth = await currentSession(c);
  if (!auth.ok) return toLogin(c, "expired");
  return renderAccount(c, auth, status, { passkeyError: message });
}

/** The words for a refused add or removal. */
function refusalWords(c: Context<PageEnv>, result: { reason: string } & Record<string, unknown>): string {
  if (isSecondFactorRefusal(result)) return secondFactorMessage(c, result);
  if (result.reason === "last_passkey") return c.var.t("passkeyFactor.lastPasskey");
  if (result.reason === "passkey_refused") {
    return c.var.t(result.problem === "too_many" ? "passkeys.limit" : "passkeys.refused");
  }
  if (result.reason === "invalid_credentials" || result.reason === "locked") {
    return refusalMessages(c, result as Parameters<typeof refusalMessages>[1]).form ?? c.var.t("passkeys.refused");
  }
  return c.var.t("passkeys.refused");
}

export const passkeyRoutes = new Hono<PageEnv>()
  .post("/account/passkeys/options", async (c) => {
    if (!isSameOrigin(c)) return c.text("Forbidden origin", 403);
    const auth = await currentSession(c);
    if (!auth.ok) return c.json({ error: "not_signed_in" }, 401);
    return c.json(await beginAddingPasskey(flowContext(c), auth));
  })
  .post("/account/passkeys/check", async (c) => {
    if (!isSameOrigin(c)) return c.text("Forbidden origin", 403);
    const auth = await currentSession(c);
    if (!auth.ok) return c.json({ error: "not_signed_in" }, 401);
    return c.json(await beginPasskeyCheck(flowContext(c), auth.user.id, "remove"));
  })
  .post(
    "/account/passkeys/add",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", { onLimited: (c) => refuse(c, 429, c.var.t("refusal.tooManyRequests")) }),
    formBody(addForm, (c) => refuse(c, 422, c.var.t("passkeys.refused"))),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const form = c.req.valid("form");
      const response: RegistrationResponse | null = parseCredential(registrationSchema, form.credential);
      if (response === null) return refuse(c, 422, c.var.t("passkeys.cancelled"));
      const name = describeDevice(c.var.t, c.req.header("user-agent") ?? null).slice(0, MAX_PASSKEY_NAME_LENGTH);
      const input = { ...form, name, response, deviceToken: readDeviceCookie(c) };
      const result = await addPasskey(flowContext(c), auth, input);
      if (result.ok) return c.redirect("/account?done=passkey_added#passkeys", 303);
      return refuse(c, result.reason === "locked" ? 429 : 422, refusalWords(c, result));
    },
  )
  .post(
    "/account/passkeys/rename",
    formBody(renameForm, (c, errors) => refuse(c, 422, errors.name ?? c.var.t("passkeys.nameInvalid"))),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const { id, name } = c.req.valid("form");
      if (!(await renamePasskey(flowContext(c), auth, id, name))) return refuse(c, 422, c.var.t("passkeys.refused"));
      return c.redirect("/account?done=passkey_renamed#passkeys", 303);
    },
  )
  .post(
    "/account/passkeys/remove",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", { onLimited: (c) => refuse(c, 429, c.var.t("refusal.tooManyRequests")) }),
    formBody(removeForm, (c) => refuse(c, 422, c.var.t("passkeys.refused"))),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const form = c.req.valid("form");
      const passkey: AssertionResponse | null = parseCredential(assertionSchema, form.credential);
      const proof = passkey !== null ? { passkey } : { ...form, deviceToken: readDeviceCookie(c) };
      const result = await removePasskey(flowContext(c), auth, form.id, proof);
      if (result.ok) return c.redirect("/account?done=passkey_removed#passkeys", 303);
      return refuse(c, result.reason === "locked" ? 429 : 422, refusalWords(c, result));
    },
  )
  .post("/login/passkey/options", async (c) => {
    if (!isSameOrigin(c)) return c.text("Forbidden origin", 403);
    const ctx = flowContext(c);
    const { id, challenge } = await beginPasskeySignIn(ctx);
    writePasskeySignIn(c, id, PASSKEY_SIGN_IN_TTL_MS);
    return c.json({ challenge, rpId: new URL(ctx.config.appUrl).hostname });
  })
  .post(
    "/login/passkey",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", { onLimited: (c) => c.redirect("/login?notice=passkey_limited", 303) }),
    formBody(z.object({ credential: z.string().max(12_000) }), (c) => c.redirect("/login?notice=passkey_refused", 303)),
    async (c) => {
      const ctx = flowContext(c);
      const challengeId = takePasskeySignIn(c);
      const response: AssertionResponse | null = parseCredential(assertionSchema, c.req.valid("form").credential);
      if (challengeId === undefined) return c.redirect("/login?notice=passkey_expired", 303);
      if (response === null) return c.redirect("/login?notice=passkey_refused", 303);
      const result = await signInWithPasskey(ctx, { challengeId, response, replacing: readSessionCookie(c) });
      // Under a lock-down's hold the right passkey is told what the right password is: choose a new password.
      if (!result.ok && result.reason === "reset_required") return c.redirect("/login?notice=locked_down", 303);
      if (!result.ok) return c.redirect(`/login?notice=passkey_${result.reason}`, 303);
      writeSessionCookie(c, result.token, ctx.config.sessionIdleMs);
      return c.redirect("/account", 303);
    },
  );
