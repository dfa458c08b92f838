/**
 * The notices an account holder gets after a change to how they sign in: the password changed, two-factor
 * sign-in turned on or off, new recovery codes, a passkey added or removed, a recovery code used, a sign-in
 * from a new device, a second address added or removed, an email change. Each goes to every address of
 * `noticeRecipients`, once each (its idempotency key), never more than 23 hours late, and ends with the
 * "this wasn't me" link (mail/template-parts.ts `securityNotice`).
 */
import type { Config } from "../core/config";
import { HOUR_MS } from "../core/time";
import { knownLanguage, type Reader } from "../i18n/languages";
import { renderNewDeviceEmail, renderRecoveryCodeUsedEmail } from "../mail/notice-templates";
import { renderSecondAddressEmail } from "../mail/second-address-templates";
import { type RenderedEmail, renderPasswordChangedEmail, renderTwoFactorEmail } from "../mail/templates";
import type { User } from "../storage/users";
import { emailLanguageOf } from "./account";
import { renderEmailChangeJob } from "./email-change-notices";
import { type EmailChangeJob, IDEMPOTENCY_PREFIXES, type NoticeJob } from "./email-jobs";
import { wasntMeUrl } from "./lock-down";
import { noticeRecipients } from "./notice-recipients";
import { type Delivery, type JobOutcome, sendEmail } from "./send-email";

/** A notice redelivered after this long would only confuse: it is dropped. */
const NOTICE_MAX_AGE_MS = 23 * HOUR_MS;

export async function notifyAccountChange(
  env: Env,
  config: Config,
  job: NoticeJob,
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
      : { to: recipientsOf(job, user), rendered: renderNotice(config, job, reader) };
  // One email per address, each under its own key: a retry after one went out sends only the other.
  const deliveries = await Promise.all(
    to.map((address, i) => {
      const key = `${IDEMPOTENCY_PREFIXES[job.kind]}/${job.requestId}${i === 0 ? "" : `/${i + 1}`}`;
      const email = { to: address, ...rendered, idempotencyKey: key, reference: job.requestId, kind: job.kind };
      return sendEmail(env, config, email, now);
    }),
  );
  return { delivery: combined(deliveries), writes: [] };
}

/** The account's recipients, and an address just removed (it is told of its own removal). */
function recipientsOf(job: Exclude<NoticeJob, EmailChangeJob>, user: User): string[] {
  const removed = job.kind === "security_notice" && job.event === "second_address_removed" ? job.address : undefined;
  const all = noticeRecipients(user);
  return removed === undefined || all.includes(removed) ? all : [...all, removed];
}

/** The job's email, with its signed "this wasn't me" link. */
function renderNotice(config: Config, job: Exclude<NoticeJob, EmailChangeJob>, reader: Reader): RenderedEmail {
  const forgotUrl = `${config.appUrl}/forgot-password`;
  const wasntMe = wasntMeUrl(config, job.userId, job.changedAt);
  const common = { reader, changedAt: job.changedAt, client: job, forgotUrl, wasntMeUrl: wasntMe };
  switch (job.kind) {
    case "password_changed":
      return renderPasswordChangedEmail({ ...common, keptSession: job.via === "account" });
    case "two_factor_changed":
      return renderTwoFactorEmail({ ...common, change: job.change, passkeyName: job.passkeyName });
    case "security_notice": {
      const accountUrl = `${config.appUrl}/account`;
      switch (job.event) {
        case "recovery_code_used":
          return renderRecoveryCodeUsedEmail({ ...common, accountUrl, codesLeft: job.codesLeft ?? 0 });
        case "new_device":
          return renderNewDeviceEmail({ ...common, accountUrl });
        default:
          return renderSecondAddressEmail({ ...common, accountUrl, address: job.address ?? "", event: job.event });
      }
    }
  }
}

/** Done when every address is; else the first that is worth a retry, else the first failure. */
function combined(deliveries: Delivery[]): Delivery {
  const failures = deliveries.filter((d) => !d.ok);
  if (failures.length === 0) return deliveries[0] ?? { ok: true, detail: "no address" };
  return failures.find((d) => d.reason === "retryable") ?? failures[0]!;
}
