/**
 * The notices an account holder gets after a change to how they sign in: the password changed, two-factor
 * sign-in turned on or off, new recovery codes, an email change. Each goes to the account's notice addresses
 * (`noticeRecipients`), once each (its idempotency key), never more than 23 hours late, and ends with the
 * "this wasn't me" link (mail/template-parts.ts `securityNotice`).
 */
import type { Config } from "../core/config";
import { HOUR_MS } from "../core/time";
import { knownLanguage, type Reader } from "../i18n/languages";
import type { RenderedEmail } from "../mail/templates";
import { renderPasswordChangedEmail, renderTwoFactorEmail } from "../mail/templates";
import type { User } from "../storage/users";
import { emailLanguageOf } from "./account";
import { renderEmailChangeJob } from "./email-change-notices";
import {
  type EmailChangeJob,
  IDEMPOTENCY_PREFIXES,
  type PasswordChangedJob,
  type TwoFactorChangedJob,
} from "./email-jobs";
import { wasntMeUrl } from "./lock-down";
import { noticeRecipients } from "./notice-recipients";
import { type Delivery, type JobOutcome, sendEmail } from "./send-email";

/** A notice redelivered after this long would only confuse: it is dropped. */
const NOTICE_MAX_AGE_MS = 23 * HOUR_MS;

/** The jobs this module sends. */
export type AccountNoticeJob = PasswordChangedJob | TwoFactorChangedJob | EmailChangeJob;

export async function notifyAccountChange(
  env: Env,
  config: Config,
  job: AccountNoticeJob,
  user: User | null,
  now: number,
): Promise<JobOutcome> {
  if (now - job.changedAt > NOTICE_MAX_AGE_MS) {
    return { delivery: { ok: false, reason: "undeliverable", detail: "notice older than 23 hours" }, writes: [] };
  }
  if (user === null) return { delivery: { ok: true, detail: "no account" }, writes: [] };
  // In the account's language when it changed (every retry the same email), else its current one; in UTC,
  // as the zone of whoever made the change need not be the holder's.
  const reader = { language: knownLanguage(job.language) ?? emailLanguageOf(user) };
  const { to, rendered } =
    job.kind === "email_change"
      ? renderEmailChangeJob(config, job, user, reader)
      : { to: noticeRecipients(user), rendered: renderNotice(config, job, reader) };
  const deliveries: Delivery[] = [];
  for (const [i, address] of to.entries()) {
    const email = {
      to: address,
      ...rendered,
      // One key per address: the first keeps the key notices always had.
      idempotencyKey: `${IDEMPOTENCY_PREFIXES[job.kind]}/${job.requestId}${i === 0 ? "" : `/${i}`}`,
      reference: job.requestId,
      kind: job.kind,
    };
    deliveries.push(await sendEmail(env, config, email, now));
  }
  return { delivery: deliveries.find((d) => !d.ok) ?? deliveries[0]!, writes: [] };
}

function renderNotice(config: Config, job: PasswordChangedJob | TwoFactorChangedJob, reader: Reader): RenderedEmail {
  const forgotUrl = `${config.appUrl}/forgot-password`;
  const common = { reader, changedAt: job.changedAt, client: job, forgotUrl };
  const wasntMe = wasntMeUrl(config, job.userId, job.changedAt);
  return job.kind === "password_changed"
    ? renderPasswordChangedEmail({ ...common, wasntMeUrl: wasntMe, keptSession: job.via === "account" })
    : renderTwoFactorEmail({ ...common, wasntMeUrl: wasntMe, change: job.change });
}
