/**
 * The security notices of events besides a password or two-factor change (email-jobs.ts SecurityNoticeJob),
 * as outbox notices: the registry keeps each in the same step as the event it tells of, and its alarm queues
 * it until the queue takes it (docs/email.md). Rendered and sent by account-notices.ts.
 */
import { generateSecret } from "../core/secrets";
import type { OutboxNotice } from "../durable/session-registry";
import type { User } from "../storage/users";
import type { FlowContext } from "./context";
import type { SecurityEvent, SecurityNoticeJob } from "./email-jobs";

/** The notice of `event` on this account, now, from this request's client. */
export function securityNotice(
  ctx: FlowContext,
  { id: userId, language }: Pick<User, "id" | "language">,
  event: SecurityEvent,
): OutboxNotice {
  const job: SecurityNoticeJob = {
    kind: "security_notice",
    requestId: generateSecret(16),
    userId,
    event,
    changedAt: ctx.now,
    ip: ctx.client.ip,
    userAgent: ctx.client.userAgent,
    ...(language === null ? {} : { language }),
  };
  return { id: job.requestId, message: job };
}
