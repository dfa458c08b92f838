/** The "email-dlq" queue's consumer: every undeliverable email is recorded, then acknowledged. */
import { recordUndeliverable } from "../domain/dead-letters";
import type { DeadLetter, EmailJob } from "../domain/email-jobs";

/** Queue handler for "email-dlq". */
export async function consumeDeadLetters(batch: MessageBatch<DeadLetter | EmailJob>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    await recordUndeliverable(env, message, Date.now());
    message.ack();
  }
}
