/**
 * The production Worker: HTTP through the Hono app, the email queues' consumers, the daily clean-up, and
 * the Durable Object classes. Development runs dev/worker.ts, which is this plus dev-only routes.
 */
import { createApp } from "./app";
import { runDailyCleanup } from "./domain/cleanup";
import type { DeadLetter, EmailJob } from "./domain/email-jobs";
import { consumeDeadLetters } from "./queue/dead-letter-consumer";
import { consumeEmailBatch } from "./queue/email-consumer";

export { RateLimiter } from "./durable/rate-limiter";
export { SessionRegistry } from "./durable/session-registry";

/** Everything but `fetch`, shared with the development entry. */
export const backgroundHandlers = {
  async queue(batch, env) {
    if (batch.queue === "email-dlq") return consumeDeadLetters(batch as MessageBatch<DeadLetter>, env);
    return consumeEmailBatch(batch as MessageBatch<EmailJob>, env);
  },
  async scheduled(controller, env) {
    await runDailyCleanup(env, controller.scheduledTime);
  },
} satisfies ExportedHandler<Env, EmailJob | DeadLetter>;

const app = createApp();

export default { fetch: app.fetch, ...backgroundHandlers } satisfies ExportedHandler<Env, EmailJob | DeadLetter>;
