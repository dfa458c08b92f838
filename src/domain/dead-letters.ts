/** Emails that could not be delivered: logged and recorded where an operator will see them (invariant 8). */
import { isoTime } from "../core/time";
import { insertDeadLetter } from "../storage/dead-letters";
import { shardDatabase } from "../storage/shard-databases";
import type { DeadLetter, EmailJob } from "./email-jobs";

/**
 * Records one dead letter. Jobs moved to the dead-letter queue by the queue itself (retries exhausted)
 * arrive bare; ours carry a reason.
 */
export async function recordUndeliverable(
  env: Env,
  message: { id: string; body: unknown; attempts: number },
  now: number,
): Promise<void> {
  const letter = asDeadLetter(message.body, message.attempts);
  const kind = typeof letter.job?.kind === "string" ? letter.job.kind : "unknown";
  console.error(JSON.stringify({ event: "email_undeliverable", messageId: message.id, kind, reason: letter.reason }));
  // Operators' tables live in the first shard (DB), whatever the layout.
  await insertDeadLetter(shardDatabase(env, 0), {
    messageId: message.id,
    kind,
    reason: letter.reason,
    attempts: letter.attempts,
    createdAt: isoTime(now),
  });
}

/** Ours carry {job, reason, attempts}; anything else (a bare job, or a body of no known shape) is wrapped. */
function asDeadLetter(body: unknown, attempts: number): DeadLetter {
  if (typeof body === "object" && body !== null && "job" in body) {
    const letter = body as Partial<DeadLetter>;
    return {
      job: letter.job as EmailJob,
      reason: typeof letter.reason === "string" ? letter.reason : "no reason given",
      attempts: typeof letter.attempts === "number" ? letter.attempts : attempts,
    };
  }
  return { job: body as EmailJob, reason: "retries exhausted", attempts };
}
