/** Worker entry: HTTP through the Hono app, queue consumers for email, a daily clean-up, and the Durable Object classes. */
import { app } from "./app";
import { deleteOldUnknownEmailEvents } from "./storage/audit";
import { deleteStaleThrottles } from "./storage/sign-in-throttle";
import type { DeadLetter, EmailJob } from "./mail/jobs";
import { consumeDeadLetters, consumeEmailBatch } from "./mail/consumer";

export { RateLimiter } from "./durable/rate-limiter";
export { SessionRegistry } from "./durable/session-registry";

const THROTTLE_MEMORY_MS = 24 * 60 * 60_000;
const UNKNOWN_EMAIL_EVENTS_MS = 30 * 24 * 60 * 60_000;

export default {
  fetch: app.fetch,
  async queue(batch, env) {
    if (batch.queue === "email-dlq") return consumeDeadLetters(batch as MessageBatch<DeadLetter>, env);
    return consumeEmailBatch(batch as MessageBatch<EmailJob>, env);
  },
  async scheduled(controller, env) {
    // Failed sign-ins are forgotten a day after the last one (a live lock is always kept).
    const deleted = await deleteStaleThrottles(env.DB, controller.scheduledTime - THROTTLE_MEMORY_MS, controller.scheduledTime);
    // Failed sign-ins on unknown emails are kept a month for spotting credential stuffing, then dropped.
    const unknownEvents = await deleteOldUnknownEmailEvents(env.DB, new Date(controller.scheduledTime - UNKNOWN_EMAIL_EVENTS_MS).toISOString());
    console.log(JSON.stringify({ event: "daily_cleanup", staleThrottles: deleted, unknownEmailEvents: unknownEvents }));
  },
} satisfies ExportedHandler<Env, EmailJob | DeadLetter>;
