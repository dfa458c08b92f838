/**
 * The email provider boundary: one small interface, two implementations (Resend over HTTP for
 * production, the dev mailbox for local work and tests), chosen by EMAIL_PROVIDER.
 */
import type { Config } from "../config";
import { MailboxProvider } from "./mailbox";
import { ResendProvider } from "./resend";

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
export type SendResult = { ok: true; id: string } | { ok: false; retryable: boolean; reason: string; retryAfterSeconds?: number };

export interface EmailProvider {
  send(email: OutgoingEmail): Promise<SendResult>;
}

export function emailProvider(env: Env, config: Config): EmailProvider {
  switch (config.emailProvider) {
    case "resend":
      return new ResendProvider(config.resendApiKey!, config.mailFrom);
    case "mailbox":
      return new MailboxProvider(env.KV);
  }
}
