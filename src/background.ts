/**
 * The Worker's handlers besides fetch: the email and webhook queues' consumers and the daily clean-up,
 * shared by both entries.
 */
import type { WebhookDelivery } from "./core/webhook-events";
import { runDailyCleanup } from "./domain/cleanup";
import type { DeadLetter, EmailJob } from "./domain/email-jobs";
import { consumeDeadLetters } from "./queue/dead-letter-consumer";
import { consumeEmailBatch } from "./queue/email-consumer";
import { consumeWebhookBatch } from "./queue/webhook-consumer";

/** Every message a consumer of this Worker receives. */
export type QueueMessage = EmailJob | DeadLetter | WebhookDelivery;

export const backgroundHandlers = {
  async queue(batch, env) {
    if (batch.queue === "email-dlq") return consumeDeadLetters(batch as MessageBatch<DeadLetter>, env);
    if (batch.queue === "webhooks") return consumeWebhookBatch(batch as MessageBatch<WebhookDelivery>, env);
    return consumeEmailBatch(batch as MessageBatch<EmailJob>, env);
  },
  async scheduled(controller, env) {
    await runDailyCleanup(env, controller.scheduledTime);
  },
} satisfies ExportedHandler<Env, QueueMessage>;
