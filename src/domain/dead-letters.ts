/** Emails that could not be delivered: logged and recorded where an operator will see them (invariant 8). */
import { isoTime } from "../core/time";
import { insertDeadLetter } from "../storage/dead-letters";
import type { DeadLetter, EmailJob } from "./email-jobs";

/**
 * Records one dead letter. Jobs moved to the dead-letter queue by the queue itself (retries exhausted)
 * arrive bare; ours carry a reason.
 */
export async function recordUndeliverable(
  env: Env,
  message: { id: string; body: DeadLetter | EmailJob; attempts: number },
  now: number,
): Promise<void> {
  const body = message.body;
  const letter: DeadLetter =
    "job" in body ? body : { job: body, reason: "retries exhausted", attempts: message.attempts };
  const kind = String(letter.job?.kind ?? "unknown");
  console.error(JSON.stringify({ event: "email_undeliverable", messageId: message.id, kind, reason: letter.reason }));
  await insertDeadLetter(env.DB, {
    messageId: message.id,
    kind,
    reason: letter.reason,
    attempts: letter.attempts,
    createdAt: isoTime(now),
  });
}
