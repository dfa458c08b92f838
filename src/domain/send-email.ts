/**
 * Handing one email to the configured provider, paced to its rate, and what came of it. Providers never
 * throw for a refusal; every documented refusal is classified (docs/email.md).
 */
import type { Config } from "../core/config";
import { SECOND_MS } from "../core/time";
import { mailPacer } from "../durable/mail-pacer";
import { emailProvider } from "../mail/provider";
import type { OutgoingEmail } from "../mail/types";

/** Longest a send waits for its slot before the job is retried later instead (an invocation stays short). */
const MAX_SLOT_WAIT_MS = 20 * SECOND_MS;

/**
 * Done (sent, or nothing to send), worth another attempt, or not deliverable: this email's own fault
 * (undeliverable), or the provider account's (quota exceeded, misconfigured), which need an operator.
 */
export type Delivery =
  | { ok: true; detail: string }
  | { ok: false; reason: "retryable"; detail: string; retryAfterSeconds?: number | undefined }
  | { ok: false; reason: "undeliverable" | "quota_exceeded" | "misconfigured"; detail: string };

/**
 * What one job of the email queue came to, and the D1 writes (audit row and the like) to make with its
 * batch's, each with the shard it goes to.
 */
export interface JobOutcome {
  delivery: Delivery;
  writes: [D1Database, D1PreparedStatement][];
}

/** Sends one email through the provider, in its turn. */
export async function sendEmail(env: Env, config: Config, email: OutgoingEmail, now: number): Promise<Delivery> {
  if (config.emailProvider === "resend") {
    const slot = await mailPacer(env).reserve(now, config.resendRatePerSecond, MAX_SLOT_WAIT_MS);
    if (!slot.ok) {
      const retryAfterSeconds = Math.ceil(slot.retryAfterMs / SECOND_MS);
      return { ok: false, reason: "retryable", detail: "paced: the provider's rate is booked", retryAfterSeconds };
    }
    if (slot.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
  }
  const result = await emailProvider(env, config).send(email, now);
  if (result.ok) {
    console.log(JSON.stringify({ event: "email_sent", kind: email.kind, reference: email.reference, id: result.id }));
    return { ok: true, detail: `sent ${result.id}` };
  }
  switch (result.reason) {
    case "retryable":
      return { ok: false, reason: "retryable", detail: result.detail, retryAfterSeconds: result.retryAfterSeconds };
    case "quota_exceeded":
    case "misconfigured":
      return { ok: false, reason: result.reason, detail: result.detail };
    case "rejected":
      return { ok: false, reason: "undeliverable", detail: result.detail };
    case "possibly_delivered":
      console.warn(JSON.stringify({ event: "email_possibly_delivered", kind: email.kind, reference: email.reference }));
      return { ok: true, detail: `possibly delivered: ${result.detail}` };
  }
}
