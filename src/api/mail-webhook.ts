/**
 * POST /webhooks/resend: Resend's delivery events, signed with Svix (domain/mail-events.ts). Not part of
 * Contentstack's API. Off (404) until RESEND_WEBHOOK_SECRET is set; a request that is not signed with it,
 * or signed more than five minutes away from now, is refused with 400 and nothing is recorded.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { receiveMailWebhook } from "../domain/mail-events";
import type { AppEnv } from "../http/app-env";

/** Resend's events are a few hundred bytes; anything near this is not one. */
const MAX_BODY_BYTES = 64 * 1024;

export const mailWebhookRoutes = new Hono<AppEnv>().post(
  "/webhooks/resend",
  bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: "payload too large" }, 413) }),
  async (c) => {
    const headers = {
      id: c.req.header("svix-id"),
      timestamp: c.req.header("svix-timestamp"),
      signature: c.req.header("svix-signature"),
    };
    const request = { headers, body: await c.req.text() };
    const result = await receiveMailWebhook(c.env, c.get("config"), request, c.get("now"));
    if (result.ok) return c.json({ received: true, recorded: result.recorded });
    if (result.reason === "not_configured") return c.json({ error: "not found" }, 404);
    return c.json({ error: result.reason }, 400);
  },
);
