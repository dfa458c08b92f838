/**
 * The "webhooks" queue's consumer: each message is one event for one endpoint (core/webhook-events.ts).
 * Delivered: ack. Failed: retried after a growing delay (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, with up to 10 %
 * added at random, never past the event's 24-hour window); once the event is 24 hours old, or the endpoint
 * answered 410 Gone, or there is no key to sign with: the dead-letter queue "webhooks-dlq", logged as
 * webhook_dead_letter. At least once: a retry sends the same bytes under the same webhook-id.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from "../core/time";
import type { WebhookDelivery } from "../core/webhook-events";
import { deliverWebhook } from "../domain/webhook-delivery";

/** How long an event is retried after it happened. */
export const WEBHOOK_RETRY_WINDOW_MS = DAY_MS;
/** The delay after the first, second … failure; the last repeats (bounded by the window). */
const RETRY_DELAYS_MS = [5 * SECOND_MS, 5 * MINUTE_MS, 30 * MINUTE_MS, 2 * HOUR_MS, 5 * HOUR_MS, 10 * HOUR_MS];
/** Cloudflare Queues delays a message by at most 12 hours. */
const MAX_QUEUE_DELAY_MS = 12 * HOUR_MS;
/** Up to this share is added at random, so the retries of a burst do not arrive together. */
const JITTER = 0.1;

/** What the dead-letter queue keeps. */
export interface WebhookDeadLetter {
  delivery: WebhookDelivery;
  reason: string;
  attempts: number;
}

/** Queue handler for "webhooks": the batch's deliveries run together, then each message is settled. */
export async function consumeWebhookBatch(batch: MessageBatch<WebhookDelivery>, env: Env): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      const now = Date.now();
      const attempt = await deliverWebhook(env, message.body, now);
      if (attempt.ok) return message.ack();
      const delaySeconds =
        attempt.reason === "retryable"
          ? webhookRetryDelaySeconds(message.attempts, message.body.occurredAt, now, attempt.retryAfterSeconds)
          : null;
      const fields = { id: message.body.id, endpoint: new URL(message.body.url).origin, attempts: message.attempts };
      if (delaySeconds !== null) {
        console.warn(JSON.stringify({ event: "webhook_retry", ...fields, reason: attempt.detail, delaySeconds }));
        return message.retry({ delaySeconds });
      }
      const letter: WebhookDeadLetter = { delivery: message.body, reason: attempt.detail, attempts: message.attempts };
      console.error(JSON.stringify({ event: "webhook_dead_letter", ...fields, reason: attempt.detail }));
      await env.WEBHOOK_DLQ.send(letter, { contentType: "json" });
      message.ack();
    }),
  );
}

/**
 * The delay before the next attempt, in whole seconds, after `attempts` failed ones; null once the event's
 * 24 hours are over (dead letter). A Retry-After longer than the schedule's delay is honoured.
 */
export function webhookRetryDelaySeconds(
  attempts: number,
  occurredAt: number,
  now: number,
  retryAfterSeconds: number | null = null,
  random: number = Math.random(),
): number | null {
  const left = occurredAt + WEBHOOK_RETRY_WINDOW_MS - now;
  if (left <= 0) return null;
  const base = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
  const scheduled = base + Math.round(base * JITTER * random);
  const wanted = Math.max(scheduled, (retryAfterSeconds ?? 0) * SECOND_MS);
  return Math.max(1, Math.ceil(Math.min(wanted, left, MAX_QUEUE_DELAY_MS) / SECOND_MS));
}
