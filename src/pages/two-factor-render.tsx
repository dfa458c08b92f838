/**
 * The code step as an answer, for the two route files that ask for it: sign-in's second step
 * (sign-in-routes.tsx, /login/two-factor) and the reset's step before the new password
 * (password-reset-routes.tsx, /reset-password/second-factor); and the recovery codes shown once, for the
 * two that turn two-factor on (two-factor-setup-routes.tsx, passkey-factor-routes.tsx).
 */
import type { Context } from "hono";
import type { SecondFactorRefusal } from "../domain/two-factor";
import { secondFactorMessage } from "./messages";
import type { PageEnv } from "./page-language";
import { SecondFactorStep } from "./two-factor-page";
import { RecoveryCodesPage } from "./two-factor-setup-page";

/** The code step: sign-in's second step, or the reset's step before the new password. */
export function renderSecondFactorStep(
  c: Context<PageEnv>,
  status: 200 | 422 | 429,
  purpose: "sign_in" | "reset",
  refusal?: SecondFactorRefusal,
) {
  c.status(status);
  if (refusal?.reason === "second_factor_locked") {
    c.header("Retry-After", String(Math.ceil(refusal.retryAfterMs / 1000)));
  }
  const error = refusal === undefined ? undefined : secondFactorMessage(c, refusal);
  const action = purpose === "sign_in" ? "/login/two-factor" : "/reset-password/second-factor";
  return c.render(<SecondFactorStep action={action} purpose={purpose} error={error} />, {
    title: c.var.t("twoFactor.title"),
    scripts: ["/static/passkeys.js"],
  });
}

/** The recovery codes, shown once (after turning two-factor on, or new codes). */
export function renderCodes(
  c: Context<PageEnv>,
  codes: string[],
  fresh: "enabled" | "enabled_passkey" | "regenerated",
) {
  return c.render(<RecoveryCodesPage codes={codes} fresh={fresh} />, {
    title: c.var.t("twoFactor.codes.title"),
    scripts: ["/static/copy-codes.js"],
    // Shown once: a link away from this page would lose the codes.
    languageMenu: false,
  });
}
