/**
 * Emitting an outbound event (core/webhook-events.ts) from a flow: one call where the event happens.
 * `emitWebhookEvent` queues it after the response, so it never changes a request's timing or outcome (a
 * failure is logged: webhook_emit_failed). An event whose change happens in the user's registry rides in
 * the registry's outbox beside the change's notice instead (`withWebhookEvents`), so it cannot be lost
 * apart from the change; the outbox sends each message of the bundle, and the same id on every re-send.
 */
import { ConfigError } from "../core/config-values";
import {
  sendWebhookDeliveries,
  type WebhookDelivery,
  type WebhookEventData,
  type WebhookEventType,
  webhookDeliveries,
} from "../core/webhook-events";
import type { FlowContext } from "./context";

/** One event of a bundle: its type and data. */
export type WebhookEvent = { [T in WebhookEventType]: [T, WebhookEventData[T]] }[WebhookEventType];

/** Queues an event after the response (nothing while events are off). */
export function emitWebhookEvent<T extends WebhookEventType>(
  ctx: Pick<FlowContext, "env" | "now" | "defer">,
  type: T,
  data: WebhookEventData[T],
): void {
  ctx.defer(
    sendWebhookEvent(ctx.env, type, data, ctx.now).catch((error) =>
      console.error(JSON.stringify({ event: "webhook_emit_failed", type, error: String(error) })),
    ),
  );
}

/**
 * Queues an event now; for a queue job, which passes a stable `id` so a retried job repeats the same event.
 * Throws if the queue refuses (the caller's retry repeats it); bad webhook settings are logged instead, so
 * they never fail the flow that has the event.
 */
export async function sendWebhookEvent<T extends WebhookEventType>(
  env: Env,
  type: T,
  data: WebhookEventData[T],
  now: number,
  id?: string,
): Promise<void> {
  let deliveries: WebhookDelivery[];
  try {
    deliveries = webhookDeliveries(env, type, data, now, id);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(JSON.stringify({ event: "webhook_emit_failed", type, error: String(error) }));
    return;
  }
  await sendWebhookDeliveries(env, deliveries);
}

/**
 * An outbox message with these events' deliveries beside it (the outbox sends every message of an array):
 * the notice alone while events are off.
 */
export function withWebhookEvents<M>(env: Env, message: M, now: number, events: WebhookEvent[]): M | unknown[] {
  try {
    const deliveries = events.flatMap(([type, data]) => webhookDeliveries(env, type, data as never, now));
    return deliveries.length === 0 ? message : [message, ...deliveries];
  } catch (error) {
    // Bad webhook settings never hold up the change itself; the log names them.
    console.error(
      JSON.stringify({ event: "webhook_emit_failed", types: events.map(([t]) => t), error: String(error) }),
    );
    return message;
  }
}
