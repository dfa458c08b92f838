/**
 * The emails of an email change, rendered by the email queue's consumer (account-notices.ts): who gets
 * each and its words. The confirmation goes to the new address only; the notices go to the old address
 * (which the change took the account away from) and to every other notice address.
 */
import type { Config } from "../core/config";
import type { Reader } from "../i18n/languages";
import { renderEmailChangeConfirm, renderEmailChangeNotice } from "../mail/email-change-templates";
import type { RenderedEmail } from "../mail/templates";
import type { User } from "../storage/users";
import { confirmUrl } from "./email-change";
import type { EmailChangeJob } from "./email-jobs";
import { revertUrl, wasntMeUrl } from "./lock-down";
import { noticeRecipients } from "./notice-recipients";

/** The confirmation link works this long (the registry's EMAIL_CHANGE_CONFIRM_MS, in minutes). */
const CONFIRM_MINUTES = 60;

/** The addresses and words of one email-change job. */
export function renderEmailChangeJob(
  config: Config,
  job: EmailChangeJob,
  user: User,
  reader: Reader,
): { to: string[]; rendered: RenderedEmail } {
  if (job.step === "confirm") {
    const link = confirmUrl(config, job.userId, job);
    return {
      to: [job.newEmail],
      rendered: renderEmailChangeConfirm({ reader, link, lifetimeMinutes: CONFIRM_MINUTES }),
    };
  }
  // The old address first, then every notice address but the new one (which asked for the change).
  const to = [...new Set([job.oldEmail, ...noticeRecipients(user)])].filter((a) => a !== job.newEmail);
  const rendered = renderEmailChangeNotice({
    reader,
    step: job.step,
    email: job.step === "reverted" ? job.oldEmail : job.newEmail,
    changedAt: job.changedAt,
    client: job,
    wasntMeUrl: wasntMeUrl(config, job.userId, job.changedAt),
    ...(job.step === "done" ? { revertUrl: revertUrl(config, job.userId, job.changeId, job.changedAt) } : {}),
  });
  return { to, rendered };
}
