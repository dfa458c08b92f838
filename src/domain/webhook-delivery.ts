/**
 * One attempt to deliver an outbound event to one endpoint: a POST of the event's bytes, signed for this
 * attempt (core/standard-webhooks.ts). Success is a 2xx answer, as the Standard Webhooks specification says;
 * a redirect is a failure (not followed), 410 Gone means the endpoint wants no more events, and any other
 * answer, a timeout or a network error is worth a retry (with the endpoint's Retry-After, if it sent one).
 * Without the signing key nothing is sent: an event never goes out unsigned.
 */

import { signWebhook } from "../core/standard-webhooks";
import { SECOND_MS } from "../core/time";
import { webhookSigningKey } from "../core/webhook-config";
import type { WebhookDelivery } from "../core/webhook-events";

/** The specification recommends giving receivers 15 to 30 s. */
const TIMEOUT_MS = 15 * SECOND_MS;
const USER_AGENT = "edge-password-reset-webhooks/1";

/** How one attempt went. */
export type WebhookAttempt =
  | { ok: true }
  | { ok: false; reason: "gone" | "unsigned"; detail: string }
  | { ok: false; reason: "retryable"; detail: string; retryAfterSeconds: number | null };

/** POSTs `delivery` to its endpoint, signed with a timestamp of `now`. */
export async function deliverWebhook(env: Env, delivery: WebhookDelivery, now: number): Promise<WebhookAttempt> {
  const key = webhookSigningKey(env);
  if (key === null) return { ok: false, reason: "unsigned", detail: "WEBHOOK_SECRET is not set" };
  const signature = await signWebhook(key, delivery.id, delivery.body, now);
  let response: Response;
  try {
    response = await fetch(delivery.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": USER_AGENT, ...signature },
      body: delivery.body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, reason: "retryable", detail: `no answer: ${String(error)}`, retryAfterSeconds: null };
  }
  await response.body?.cancel();
  if (response.status >= 200 && response.status < 300) return { ok: true };
  if (response.status === 410) return { ok: false, reason: "gone", detail: "410 Gone" };
  return {
    ok: false,
    reason: "retryable",
    detail: `status ${response.status}`,
    retryAfterSeconds: retryAfterSeconds(response.headers.get("retry-after")),
  };
}

/** Retry-After in seconds (only the delta form; a date is treated as absent). */
function retryAfterSeconds(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value.trim())) return null;
  return Number(value.trim());
}
