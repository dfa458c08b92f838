/** Worker entry: HTTP through the Hono app, queue consumers for email, and the Durable Object classes. */
import { app } from "./app";
import type { DeadLetter, EmailJob } from "./mail/jobs";
import { consumeDeadLetters, consumeEmailBatch } from "./mail/consumer";

export { RateLimiter } from "./durable/rate-limiter";
export { SessionRegistry } from "./durable/session-registry";

export default {
  fetch: app.fetch,
  async queue(batch, env) {
    if (batch.queue === "email-dlq") return consumeDeadLetters(batch as MessageBatch<DeadLetter>, env);
    return consumeEmailBatch(batch as MessageBatch<EmailJob>, env);
  },
} satisfies ExportedHandler<Env, EmailJob | DeadLetter>;
