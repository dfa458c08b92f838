/**
 * The "email-dlq" queue's consumer: every undeliverable email is recorded, then acknowledged. A record that
 * cannot be written (D1 briefly down) is retried with a growing delay, never dropped: the dead-letter queue
 * is the last place an undeliverable email is remembered (invariant 8).
 */
import { MINUTE_MS } from "../core/time";
import { recordUndeliverable } from "../domain/dead-letters";
import type { DeadLetter, EmailJob } from "../domain/email-jobs";

/** 10 s, 20 s, 40 s … at most 10 minutes between attempts to record one letter. */
const MAX_DELAY_SECONDS = (10 * MINUTE_MS) / 1000;

/** Queue handler for "email-dlq". */
export async function consumeDeadLetters(batch: MessageBatch<DeadLetter | EmailJob>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    try {
      await recordUndeliverable(env, message, Date.now());
      message.ack();
    } catch (error) {
      const delaySeconds = Math.min(10 * 2 ** (message.attempts - 1), MAX_DELAY_SECONDS);
      const fields = { messageId: message.id, attempts: message.attempts, delaySeconds, error: String(error) };
      console.error(JSON.stringify({ event: "dead_letter_record_failed", ...fields }));
      message.retry({ delaySeconds });
    }
  }
}
