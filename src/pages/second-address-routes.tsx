/**
 * The second address (domain/second-address.ts): adding one and removing it on /account (the current
 * password asked), and the page its verification link opens, whose button (a POST) confirms it.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import {
  askSecondAddress,
  confirmSecondAddress,
  readSecondAddressLink,
  removeSecondAddress,
  type SecondAddressRefusal,
} from "../domain/second-address";
import type { Authenticated } from "../domain/sessions";
import { emailField, requiredPasswordField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { flowContext } from "../http/request-context";
import { renderAccount } from "./account-render";
import { readDeviceCookie } from "./cookies";
import { formBody, formMessage } from "./form-body";
import { currentSession, toLogin } from "./guards";
import { refusalMessages } from "./messages";
import type { PageEnv } from "./page-language";
import { SecondAddressConfirmPage } from "./second-address-section";

const addForm = z.object({
  second_address: emailField(formMessage("field.enterEmail")),
  second_address_password: requiredPasswordField(formMessage("field.enterCurrentPassword")),
});
const removeForm = z.object({
  second_address_password: requiredPasswordField(formMessage("field.enterCurrentPassword")),
});
const confirmForm = z.object({ token: z.string().max(1000) });

/** The account page with the section's refusal. */
function refused(c: Context<PageEnv>, auth: Authenticated, refusal: SecondAddressRefusal | { form?: string }) {
  const status = "reason" in refusal && refusal.reason === "locked" ? 429 : 422;
  return renderAccount(c, auth, status, { secondAddressError: refusalText(c, refusal) });
}

function refusalText(c: Context<PageEnv>, refusal: SecondAddressRefusal | { form?: string }): string {
  if (!("reason" in refusal)) return refusal.form ?? c.var.t("field.invalid");
  switch (refusal.reason) {
    case "same_address":
      return c.var.t("notices.secondAddress.same");
    case "invalid_credentials":
      return c.var.t("refusal.notCurrentPassword");
    case "locked":
      return refusalMessages(c, refusal).form ?? "";
    default:
      return c.var.t("refusal.sessionEnded");
  }
}

/** A form that did not parse: the account page with its first message. */
async function badForm(c: Context<PageEnv>, errors: Record<string, string>) {
  const auth = await currentSession(c);
  if (!auth.ok) return toLogin(c, "expired");
  return refused(c, auth, { form: Object.values(errors)[0] });
}

export const secondAddressRoutes = new Hono<PageEnv>()
  .post(
    "/account/second-address",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", {
      onLimited: (c) => badForm(c, { form: c.var.t("refusal.tooManyRequests") }),
    }),
    formBody(addForm, badForm),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const form = c.req.valid("form");
      const input = {
        address: form.second_address,
        password: form.second_address_password,
        deviceToken: readDeviceCookie(c),
      };
      const result = await askSecondAddress(flowContext(c), auth, input);
      if (!result.ok) return refused(c, auth, result);
      return renderAccount(c, auth, 200, {
        notice: c.var.t("notices.secondAddress.sent", { address: result.address }),
      });
    },
  )
  .post(
    "/account/second-address/remove",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", {
      onLimited: (c) => badForm(c, { form: c.var.t("refusal.tooManyRequests") }),
    }),
    formBody(removeForm, badForm),
    async (c) => {
      const auth = await currentSession(c);
      if (!auth.ok) return toLogin(c, "expired");
      const password = c.req.valid("form").second_address_password;
      const result = await removeSecondAddress(flowContext(c), auth, { password, deviceToken: readDeviceCookie(c) });
      if (!result.ok) return refused(c, auth, result);
      const user = { ...auth.user, secondEmail: null };
      return renderAccount(c, { ...auth, user }, 200, { notice: c.var.t("notices.secondAddress.removedDone") });
    },
  )
  .get("/second-address/confirm", (c) => {
    const token = c.req.query("token") ?? "";
    const claim = readSecondAddressLink(flowContext(c), token);
    if (claim === null) c.status(404);
    const page = <SecondAddressConfirmPage token={token} address={claim?.address ?? null} />;
    return c.render(page, { title: c.var.t("notices.secondAddress.verify.subject") });
  })
  .post(
    "/second-address/confirm",
    formBody(confirmForm, (c) => c.redirect("/second-address/confirm", 303)),
    async (c) => {
      const result = await confirmSecondAddress(flowContext(c), c.req.valid("form").token);
      const text = result.ok
        ? c.var.t("notices.secondAddress.confirmed", { address: result.address })
        : c.var.t(result.reason === "taken" ? "notices.secondAddress.taken" : "notices.secondAddress.deadLink");
      c.status(result.ok ? 200 : 422);
      return c.render(<p id="second-address-result">{text}</p>, {
        title: c.var.t("notices.secondAddress.verify.subject"),
      });
    },
  );
