/**
 * The pages the recovery emails' links open, signed in or not: "this wasn't me" (/wasnt-me), the revert of
 * an email change (/email-change/revert) and its confirmation from the new address (/email-change/confirm).
 * A GET shows a page with one button and changes nothing (mail scanners follow links); the button's POST,
 * checked for origin like every form (routes.tsx), acts.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { confirmEmailChange, isConfirmLink } from "../domain/email-change";
import { isLockDownLink, lockDownAccount, revertEmailChange } from "../domain/lock-down";
import { ipRateLimit } from "../http/ip-rate-limit";
import { flowContext } from "../http/request-context";
import type { PlainKey } from "../i18n/types";
import { formBody } from "./form-body";
import type { PageEnv } from "./page-language";
import { ConfirmEmailPage, LinkOutcomePage, RevertEmailPage, WasntMePage } from "./recovery-page";

const tokenForm = z.object({ token: z.string().max(256) });

const TO_RESET = { href: "/forgot-password", label: "wasntMe.askLink" } as const;
const TO_SIGN_IN = { href: "/login", label: "reset.backToSignIn" } as const;

/** A link that is malformed, forged, spent or expired: one page says so (its status tells nothing more). */
function invalidLink(c: Context<PageEnv>, title: PlainKey, text: PlainKey) {
  c.status(422);
  return c.render(<LinkOutcomePage title={title} tone="error" text={c.var.t(text)} next={TO_RESET} />, {
    title: c.var.t(title),
  });
}

function outcome(c: Context<PageEnv>, title: PlainKey, text: string, next: { href: string; label: PlainKey }) {
  return c.render(<LinkOutcomePage title={title} tone="success" text={text} next={next} />, { title: c.var.t(title) });
}

export const recoveryRoutes = new Hono<PageEnv>()
  .get("/wasnt-me", async (c) => {
    const token = c.req.query("token");
    if (!isLockDownLink(c.var, "w", token)) return invalidLink(c, "wasntMe.title", "wasntMe.invalid");
    return c.render(<WasntMePage token={token ?? ""} />, { title: c.var.t("wasntMe.title") });
  })
  .post(
    "/wasnt-me",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", { onLimited: (c) => invalidLink(c, "wasntMe.title", "wasntMe.invalid") }),
    formBody(tokenForm, (c) => invalidLink(c, "wasntMe.title", "wasntMe.invalid")),
    async (c) => {
      const result = await lockDownAccount(flowContext(c), c.req.valid("form").token);
      if (!result.ok) return invalidLink(c, "wasntMe.title", "wasntMe.invalid");
      return outcome(c, "wasntMe.doneHeading", c.var.t("wasntMe.done"), TO_RESET);
    },
  )
  .get("/email-change/revert", (c) => {
    const token = c.req.query("token");
    if (!isLockDownLink(c.var, "r", token)) {
      return invalidLink(c, "emailChange.revertTitle", "emailChange.revertInvalid");
    }
    return c.render(<RevertEmailPage token={token ?? ""} />, { title: c.var.t("emailChange.revertTitle") });
  })
  .post(
    "/email-change/revert",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", {
      onLimited: (c) => invalidLink(c, "emailChange.revertTitle", "emailChange.revertInvalid"),
    }),
    formBody(tokenForm, (c) => invalidLink(c, "emailChange.revertTitle", "emailChange.revertInvalid")),
    async (c) => {
      const result = await revertEmailChange(flowContext(c), c.req.valid("form").token);
      if (!result.ok || result.reverted === null) {
        return invalidLink(c, "emailChange.revertTitle", "emailChange.revertInvalid");
      }
      const { oldEmail } = result.reverted;
      const text = c.var.t(result.restored ? "emailChange.reverted" : "emailChange.revertTaken", { email: oldEmail });
      return outcome(c, "emailChange.revertTitle", text, TO_RESET);
    },
  )
  .get("/email-change/confirm", (c) => {
    const token = c.req.query("token");
    if (!isConfirmLink(c.var, token)) {
      return invalidLink(c, "emailChange.confirmTitle", "emailChange.confirmInvalid");
    }
    return c.render(<ConfirmEmailPage token={token ?? ""} />, { title: c.var.t("emailChange.confirmTitle") });
  })
  .post(
    "/email-change/confirm",
    ipRateLimit<PageEnv>("IP_SIGN_IN_LIMIT", {
      onLimited: (c) => invalidLink(c, "emailChange.confirmTitle", "emailChange.confirmInvalid"),
    }),
    formBody(tokenForm, (c) => invalidLink(c, "emailChange.confirmTitle", "emailChange.confirmInvalid")),
    async (c) => {
      const result = await confirmEmailChange(flowContext(c), c.req.valid("form").token);
      if (!result.ok && result.reason === "email_taken") {
        return invalidLink(c, "emailChange.confirmTitle", "emailChange.confirmTaken");
      }
      if (!result.ok) return invalidLink(c, "emailChange.confirmTitle", "emailChange.confirmInvalid");
      const text = c.var.t("emailChange.confirmed", { email: result.newEmail });
      return outcome(c, "emailChange.confirmTitle", text, TO_SIGN_IN);
    },
  );
