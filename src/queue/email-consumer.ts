/**
 * The "email" queue's consumer: a thin adapter from messages to domain/email-delivery.ts. Per job: done ->
 * ack; retryable -> retry with backoff until the last attempt; undeliverable, or retries exhausted -> the
 * dead-letter queue with the reason, logged (invariant 8). At-least-once delivery is made exactly-once at
 * the provider by per-job idempotency keys.
 */
import { readConfig } from "../core/config";
import { MINUTE_MS } from "../core/time";
import { type Delivery, deliverEmailJob } from "../domain/email-delivery";
import type { DeadLetter, EmailJob } from "../domain/email-jobs";

/** 1 + max_retries of the "email" consumer in wrangler.toml: on the last attempt a failure is dead-lettered with its reason. */
export const EMAIL_MAX_ATTEMPTS = 6;
const MAX_BACKOFF_SECONDS = (5 * MINUTE_MS) / 1000;

/** What the consumer does with one message. */
type Settlement =
  | { action: "ack" }
  | { action: "retry"; reason: string; delaySeconds: number }
  | { action: "dead"; reason: string };

/** Queue handler for the "email" queue. */
export async function consumeEmailBatch(batch: MessageBatch<EmailJob>, env: Env): Promise<void> {
  const config = readConfig(env);
  for (const message of batch.messages) {
    let settlement: Settlement;
    try {
      settlement = settle(await deliverEmailJob(env, config, message.body, Date.now()), message.attempts);
    } catch (error) {
      // A fault (storage unreachable, a bug) is retried like a provider's bad moment.
      settlement = settle({ ok: false, reason: "retryable", detail: `error: ${String(error)}` }, message.attempts);
    }
    await apply(env, message, settlement);
  }
}

/** Exponential backoff for retries: 2, 4, 8 … seconds, at most five minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts), MAX_BACKOFF_SECONDS);
}

function settle(delivery: Delivery, attempts: number): Settlement {
  if (delivery.ok) return { action: "ack" };
  if (delivery.reason === "undeliverable") return { action: "dead", reason: delivery.detail };
  if (attempts >= EMAIL_MAX_ATTEMPTS) return { action: "dead", reason: `retries exhausted: ${delivery.detail}` };
  const delaySeconds = Math.min(delivery.retryAfterSeconds ?? backoffSeconds(attempts), MAX_BACKOFF_SECONDS);
  return { action: "retry", reason: delivery.detail, delaySeconds };
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
      console.error(JSON.stringify({ event: "email_dead_letter", ...base, reason: settlement.reason }));
      const letter: DeadLetter = { job: message.body, reason: settlement.reason, attempts: message.attempts };
      await env.EMAIL_DLQ.send(letter, { contentType: "json" });
      message.ack();
      return;
    }
  }
}
