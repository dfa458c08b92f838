/** The Worker's handlers besides fetch: the email queues' consumers and the daily clean-up, shared by both entries. */
import { runDailyCleanup } from "./domain/cleanup";
import type { DeadLetter, EmailJob } from "./domain/email-jobs";
import { consumeDeadLetters } from "./queue/dead-letter-consumer";
import { consumeEmailBatch } from "./queue/email-consumer";

export const backgroundHandlers = {
  async queue(batch, env) {
    if (batch.queue === "email-dlq") return consumeDeadLetters(batch as MessageBatch<DeadLetter>, env);
    return consumeEmailBatch(batch as MessageBatch<EmailJob>, env);
  },
  async scheduled(controller, env) {
    await runDailyCleanup(env, controller.scheduledTime);
  },
} satisfies ExportedHandler<Env, EmailJob | DeadLetter>;
