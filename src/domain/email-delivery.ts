/**
 * The email queue's jobs, each run by its flow. Every flow ends in a Delivery, which the queue consumer
 * maps to ack, retry or dead letter (invariant 8).
 */
import type { Config } from "../core/config";
import { HOUR_MS } from "../core/time";
import { renderPasswordChangedEmail } from "../mail/templates";
import { findUserById } from "../storage/users";
import type { EmailJob, PasswordChangedJob } from "./email-jobs";
import { issueResetLink } from "./reset-link";
import { type Delivery, sendEmail } from "./send-email";

export type { Delivery } from "./send-email";

/** A "password changed" notice redelivered after this long would only confuse: it is dropped. */
const CHANGED_NOTICE_MAX_AGE_MS = 23 * HOUR_MS;

/** Runs the flow a job asks for. */
export async function deliverEmailJob(env: Env, config: Config, job: EmailJob, now: number): Promise<Delivery> {
  switch (job?.kind) {
    case "password_reset":
      return issueResetLink(env, config, job, now);
    case "password_changed":
      return notifyPasswordChanged(env, config, job, now);
    default:
      return { ok: false, reason: "undeliverable", detail: "unknown job kind" };
  }
}

/** The "your password was changed" email, to the account's current address. */
async function notifyPasswordChanged(
  env: Env,
  config: Config,
  job: PasswordChangedJob,
  now: number,
): Promise<Delivery> {
  if (now - job.changedAt > CHANGED_NOTICE_MAX_AGE_MS) {
    return { ok: false, reason: "undeliverable", detail: "notice older than 23 hours" };
  }
  const user = await findUserById(env.DB, job.userId);
  if (user === null) return { ok: true, detail: "no account" };
  const rendered = renderPasswordChangedEmail({
    changedAt: job.changedAt,
    client: job,
    forgotUrl: `${config.appUrl}/forgot-password`,
  });
  const email = {
    to: user.email,
    ...rendered,
    idempotencyKey: `password-changed/${job.requestId}`,
    reference: job.requestId,
    kind: "password_changed",
  };
  return sendEmail(env, config, email, now);
}
