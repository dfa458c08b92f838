/**
 * Our outbound events: each type's data, and the messages of the "webhooks" queue that carry them (one per
 * event and endpoint, so each endpoint is retried on its own). The payload is the Standard Webhooks shape,
 * `{ type, timestamp, data }`, serialized once when the event happens: every attempt, to every endpoint,
 * sends the same bytes under the same `webhook-id` (receivers de-duplicate on it). Data names accounts by
 * id and never holds a secret, token, code or hash (the types below admit none; the webhooks test reads
 * every payload for them). A new event is one line in WebhookEventData and one call where it happens.
 */
import { encodeHexLowerCase } from "@oslojs/encoding";
import { isoTime } from "./time";
import { readWebhookConfig } from "./webhook-config";

/** Why sessions ended (`sessions.revoked`). */
export type SessionsRevokedReason =
  | "password_reset"
  | "password_changed"
  | "two_factor_changed"
  | "signed_out_everywhere"
  | "signed_out_others"
  | "admin"
  | "locked_down";

/** Each event type and its data. */
export interface WebhookEventData {
  "user.created": { user_id: string; email: string };
  "password.reset_requested": { user_id: string };
  "password.reset_completed": { user_id: string };
  "password.changed": { user_id: string };
  /** `count`: sessions ended (null only until the registry fills it in: withRevokedCount). */
  "sessions.revoked": { user_id: string; count: number | null; reason: SessionsRevokedReason };
  "two_factor.enabled": { user_id: string };
  "two_factor.disabled": { user_id: string };
  "passkey.added": { user_id: string };
  "passkey.removed": { user_id: string };
  /** An email change confirmed from the new address (the addresses are not in the payload: ask the API). */
  "email.changed": { user_id: string };
  /** "This wasn't me" or an email change's revert: every session ended, a reset required before sign-in. */
  "account.locked_down": { user_id: string; email_change_reverted: boolean };
  /** `factor`: the password (this sign-in's scope locked) or the second factor (codes locked); `until` ISO. */
  "sign_in.locked": { user_id: string; factor: "password" | "second_factor"; until: string | null };
  /** An address the provider reported undeliverable (`bounced`) or as spam (`complained`); mail to it stops. */
  "email.bounced": { email: string; user_id: string | null; kind: "bounced" | "complained" };
  /** A change an operator made through the admin API (`action`: the route's name), by the key's name. */
  "admin.action": { action: string; key_name: string; user_id: string | null; reason: string | null };
}

export type WebhookEventType = keyof WebhookEventData;

/** A message of the "webhooks" queue: one event for one endpoint (shape in docs/storage.md). */
export interface WebhookDelivery {
  kind: "webhook";
  /** `webhook-id`: the event's, the same for every endpoint and attempt. */
  id: string;
  url: string;
  /** The exact bytes signed and sent. */
  body: string;
  /** When the event happened (epoch ms): retries stop 24 hours after it. */
  occurredAt: number;
}

/**
 * The queue messages of one event, one per configured endpoint; none while events are off. `id` defaults to
 * a random one; a flow that may run twice for one event (a queue job) passes a derived one (webhookIdFrom).
 */
export function webhookDeliveries<T extends WebhookEventType>(
  env: Env,
  type: T,
  data: WebhookEventData[T],
  now: number,
  id: string = randomWebhookId(),
): WebhookDelivery[] {
  const config = readWebhookConfig(env);
  if (config === null) return [];
  const body = JSON.stringify({ type, timestamp: isoTime(now), data });
  return config.urls.map((url) => ({ kind: "webhook", id, url, body, occurredAt: now }));
}

/** Puts deliveries on the "webhooks" queue (nothing to do for none). */
export async function sendWebhookDeliveries(env: Env, deliveries: WebhookDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await env.WEBHOOK_QUEUE.sendBatch(deliveries.map((body) => ({ body, contentType: "json" as const })));
}

/** Whether an outbox message is a webhook delivery (the others are email jobs). */
export function isWebhookDelivery(message: unknown): message is WebhookDelivery {
  return typeof message === "object" && message !== null && (message as { kind?: unknown }).kind === "webhook";
}

/**
 * An outbox message (a notice, or a notice with its deliveries) with `count` put into its `sessions.revoked`
 * events: the registry fills it in when it ends the sessions, since the flow that built the events could
 * not know how many there were. Done before the row is stored, so every send repeats the same bytes.
 */
export function withRevokedCount(message: unknown, count: number): unknown {
  if (!Array.isArray(message)) return message;
  return message.map((item: unknown) => {
    if (!isWebhookDelivery(item)) return item;
    const event = JSON.parse(item.body) as { type: string; data: { count?: number | null } };
    if (event.type !== "sessions.revoked" || event.data.count !== null) return item;
    return { ...item, body: JSON.stringify({ ...event, data: { ...event.data, count } }) };
  });
}

/** A stable event id from a value that names the event once (a job's request id), without revealing it. */
export async function webhookIdFrom(label: string, seed: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${label}\n${seed}`));
  return `msg_${encodeHexLowerCase(new Uint8Array(digest).slice(0, 16))}`;
}

function randomWebhookId(): string {
  return `msg_${encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(16)))}`;
}
