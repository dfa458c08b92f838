/** The email provider boundary: what is sent, what comes back. Implementations: resend.ts, mailbox.ts. */

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Same key on every retry of one logical message, so the provider sends it once. */
  idempotencyKey: string;
  /** The request this email answers (its job's requestId): a tag at the provider and X-Entity-Ref-ID. */
  reference: string;
  /** A short label for the provider's analytics ("password_reset", "password_changed"). */
  kind: string;
}

/**
 * What came of one send. Retryable: a later attempt may succeed (429, 5xx, timeout, in flight). Quota
 * exceeded and misconfigured cannot recover within a link's lifetime and need an operator; rejected is
 * this email's own fault; possibly delivered: the provider holds an earlier attempt with another body.
 */
export type SendResult =
  | { ok: true; id: string }
  | { ok: false; reason: "retryable"; detail: string; retryAfterSeconds?: number | undefined }
  | { ok: false; reason: "quota_exceeded" | "misconfigured" | "rejected" | "possibly_delivered"; detail: string };

/** Sends one email; never throws for a refusal by the provider (that is a SendResult). */
export interface EmailProvider {
  send(email: OutgoingEmail, now: number): Promise<SendResult>;
}
