/**
 * The production Worker: HTTP through the Hono app, the email queues' consumers, the daily clean-up, and
 * the Durable Object classes. Development runs dev/worker.ts, which is this plus dev-only routes.
 */
import { createApp } from "./app";
import { backgroundHandlers, type QueueMessage } from "./background";

export { MailPacer } from "./durable/mail-pacer";
export { SessionRegistry } from "./durable/session-registry";

const app = createApp();

export default { fetch: app.fetch, ...backgroundHandlers } satisfies ExportedHandler<Env, QueueMessage>;
