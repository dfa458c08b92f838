/** The email provider boundary: what is sent, what comes back. Implementations: resend.ts, mailbox.ts. */

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Same key on every retry of one logical message, so the provider sends it once. */
  idempotencyKey: string;
  /** A short label for the provider's analytics ("password_reset", "password_changed"). */
  kind: string;
}

/** Retryable: a later attempt may succeed (429, 5xx, timeout). Otherwise the message is dead-lettered. */
export type SendResult =
  | { ok: true; id: string }
  | { ok: false; retryable: boolean; reason: string; retryAfterSeconds?: number };

/** Sends one email; never throws for a refusal by the provider (that is a SendResult). */
export interface EmailProvider {
  send(email: OutgoingEmail, now: number): Promise<SendResult>;
}
