/** Handing one email to the configured provider, and what came of it. Providers never throw for a refusal. */
import type { Config } from "../core/config";
import { emailProvider } from "../mail/provider";
import type { OutgoingEmail } from "../mail/types";

/** Done (sent, or nothing to send), worth another attempt, or never deliverable. */
export type Delivery =
  | { ok: true; detail: string }
  | { ok: false; reason: "retryable"; detail: string; retryAfterSeconds?: number }
  | { ok: false; reason: "undeliverable"; detail: string };

/** Hands one email to the configured provider. */
export async function sendEmail(env: Env, config: Config, email: OutgoingEmail, now: number): Promise<Delivery> {
  const result = await emailProvider(env, config).send(email, now);
  if (result.ok) return { ok: true, detail: `sent ${result.id}` };
  if (!result.retryable) return { ok: false, reason: "undeliverable", detail: result.reason };
  return result.retryAfterSeconds === undefined
    ? { ok: false, reason: "retryable", detail: result.reason }
    : { ok: false, reason: "retryable", detail: result.reason, retryAfterSeconds: result.retryAfterSeconds };
}
