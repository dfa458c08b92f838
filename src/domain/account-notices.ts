/**
 * The notices an account holder gets after a change to how they sign in: the password changed, two-factor
 * sign-in turned on or off, new recovery codes. Each goes to the account's current address, once (its
 * idempotency key), and never more than 23 hours late.
 */
import type { Config } from "../core/config";
import { HOUR_MS } from "../core/time";
import { knownLanguage } from "../i18n/languages";
import { renderPasswordChangedEmail, renderTwoFactorEmail } from "../mail/templates";
import type { User } from "../storage/users";
import { emailLanguageOf } from "./account";
import { IDEMPOTENCY_PREFIXES, type PasswordChangedJob, type TwoFactorChangedJob } from "./email-jobs";
import { type JobOutcome, sendEmail } from "./send-email";

/** A notice redelivered after this long would only confuse: it is dropped. */
const NOTICE_MAX_AGE_MS = 23 * HOUR_MS;

export async function notifyAccountChange(
  env: Env,
  config: Config,
  job: PasswordChangedJob | TwoFactorChangedJob,
  user: User | null,
  now: number,
): Promise<JobOutcome> {
  if (now - job.changedAt > NOTICE_MAX_AGE_MS) {
    return { delivery: { ok: false, reason: "undeliverable", detail: "notice older than 23 hours" }, writes: [] };
  }
  if (user === null) return { delivery: { ok: true, detail: "no account" }, writes: [] };
  const forgotUrl = `${config.appUrl}/forgot-password`;
  // In the account's language when it changed (every retry the same email), else its current one; in UTC,
  // as the zone of whoever made the change need not be the holder's.
  const reader = { language: knownLanguage(job.language) ?? emailLanguageOf(user) };
  const rendered =
    job.kind === "password_changed"
      ? renderPasswordChangedEmail({
          reader,
          changedAt: job.changedAt,
          client: job,
          forgotUrl,
          keptSession: job.via === "account",
        })
      : renderTwoFactorEmail({
          reader,
          change: job.change,
          changedAt: job.changedAt,
          client: job,
          forgotUrl,
          passkeyName: job.passkeyName,
        });
  const email = {
    to: user.email,
    ...rendered,
    idempotencyKey: `${IDEMPOTENCY_PREFIXES[job.kind]}/${job.requestId}`,
    reference: job.requestId,
    kind: job.kind,
  };
  return { delivery: await sendEmail(env, config, email, now), writes: [] };
}
