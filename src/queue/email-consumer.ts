/**
 * The "email" queue's consumer: a thin adapter from messages to domain/email-delivery.ts. Per job: done ->
 * ack; retryable -> retry with backoff and jitter (the job's own age limit, checked by its flow, decides
 * when to stop, not a small attempt count); undeliverable, the provider's quota or configuration at fault,
 * or the queue's last attempt -> the dead-letter queue with the reason, logged (invariant 8). At-least-once
 * delivery is made exactly-once at the provider by per-job idempotency keys.
 */
import { readConfig } from "../core/config";
import { MINUTE_MS } from "../core/time";
import { type Delivery, deliverEmailJobs } from "../domain/email-delivery";
import type { DeadLetter, EmailJob } from "../domain/email-jobs";

/** 1 + max_retries of the "email" consumer in wrangler.toml: the queue's own last attempt. */
export const EMAIL_MAX_ATTEMPTS = 101;
const MAX_BACKOFF_SECONDS = (5 * MINUTE_MS) / 1000;
/** Up to this share is added at random to every delay, so retries of a burst do not arrive together. */
const JITTER = 0.25;

/** What the consumer does with one message. */
type Settlement =
  | { action: "ack" }
  | { action: "retry"; reason: string; delaySeconds: number }
  | { action: "dead"; reason: string; alert: string | null };

/** Queue handler for the "email" queue: the batch's jobs run together, then each message is settled. */
export async function consumeEmailBatch(batch: MessageBatch<EmailJob>, env: Env): Promise<void> {
  const { messages } = batch;
  let deliveries: Delivery[];
  try {
    deliveries = await deliverEmailJobs(
      env,
      readConfig(env),
      [...messages].map((m) => m.body),
      Date.now(),
    );
  } catch (error) {
    // A fault of the whole batch (the accounts could not be looked up) is retried like a provider's bad moment.
    deliveries = messages.map(() => ({ ok: false, reason: "retryable", detail: `error: ${String(error)}` }));
  }
  for (const [i, message] of messages.entries()) {
    await apply(env, message, settle(deliveries[i]!, message.attempts));
  }
}

/** Exponential backoff before jitter: 2, 4, 8 … seconds, at most five minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts), MAX_BACKOFF_SECONDS);
}

/** `seconds` plus up to 25 % at random, at most five minutes. */
export function withJitter(seconds: number, random: number = Math.random()): number {
  return Math.min(Math.ceil(seconds * (1 + JITTER * random)), MAX_BACKOFF_SECONDS);
}

function settle(delivery: Delivery, attempts: number): Settlement {
  if (delivery.ok) return { action: "ack" };
  switch (delivery.reason) {
    case "undeliverable":
      return { action: "dead", reason: delivery.detail, alert: null };
    case "quota_exceeded":
      return { action: "dead", reason: `quota exceeded: ${delivery.detail}`, alert: "email_quota_exceeded" };
    case "misconfigured":
      return {
        action: "dead",
        reason: `provider refused the key or sender: ${delivery.detail}`,
        alert: "email_provider_misconfigured",
      };
    case "retryable": {
      if (attempts >= EMAIL_MAX_ATTEMPTS)
        return { action: "dead", reason: `retries exhausted: ${delivery.detail}`, alert: null };
      const delaySeconds = withJitter(delivery.retryAfterSeconds ?? backoffSeconds(attempts));
      return { action: "retry", reason: delivery.detail, delaySeconds };
    }
  }
}

async function apply(env: Env, message: Message<EmailJob>, settlement: Settlement): Promise<void> {
  const base = { messageId: message.id, kind: message.body?.kind, attempts: message.attempts };
  switch (settlement.action) {
    case "ack":
      message.ack();
      return;
    case "retry":
      console.warn(
        JSON.stringify({
          event: "email_retry",
          ...base,
          reason: settlement.reason,
          delaySeconds: settlement.delaySeconds,
        }),
      );
      message.retry({ delaySeconds: settlement.delaySeconds });
      return;
    case "dead": {
      // An alert names a fault of the provider account that every later email will meet too: page someone.
      if (settlement.alert !== null)
        console.error(JSON.stringify({ event: settlement.alert, ...base, reason: settlement.reason }));
      console.error(JSON.stringify({ event: "email_dead_letter", ...base, reason: settlement.reason }));
      const letter: DeadLetter = { job: message.body, reason: settlement.reason, attempts: message.attempts };
      await env.EMAIL_DLQ.send(letter, { contentType: "json" });
      message.ack();
      return;
    }
  }
}
