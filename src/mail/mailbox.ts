/**
 * The dev mailbox: instead of sending, keeps each message in KV for a day under
 * mailbox:<to>:<idempotency hash>, with its send time as the key's metadata, so a listing sorts newest
 * first without reading any message. One KV write per email, no read: a retried message (same
 * idempotency key) overwrites its own copy. Enabled only by EMAIL_PROVIDER=mailbox, which production
 * configuration refuses.
 */
import { hashSecret } from "../core/secrets";
import { DAY_MS } from "../core/time";
import type { EmailProvider, OutgoingEmail, SendResult } from "./types";

const RETENTION_SECONDS = DAY_MS / 1000;

/** One stored message, as GET /dev/mailbox shows it. */
export interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  sent_at: string;
}

/** Stores instead of sending; a retried message (same idempotency key) is stored once. */
export class MailboxProvider implements EmailProvider {
  constructor(private readonly kv: KVNamespace) {}

  async send(email: OutgoingEmail, now: number): Promise<SendResult> {
    const id = hashSecret(email.idempotencyKey).slice(0, 16);
    const message: MailboxMessage = {
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      sent_at: new Date(now).toISOString(),
    };
    const metadata: MessageMetadata = { sentAt: now };
    await this.kv.put(`${mailboxPrefix(email.to)}${id}`, JSON.stringify(message), {
      expirationTtl: RETENTION_SECONDS,
      metadata,
    });
    return { ok: true, id };
  }
}

interface MessageMetadata {
  sentAt: number;
}

function mailboxPrefix(to: string): string {
  return `mailbox:${to.toLowerCase()}:`;
}

/** Messages to one address (or to anyone when `to` is null), newest first. */
export async function readMailbox(kv: KVNamespace, to: string | null, limit = 50): Promise<MailboxMessage[]> {
  const prefix = to === null ? "mailbox:" : mailboxPrefix(to);
  const { keys } = await kv.list<MessageMetadata>({ prefix, limit: 1000 });
  const newestFirst = keys
    .sort((a, b) => (b.metadata?.sentAt ?? 0) - (a.metadata?.sentAt ?? 0))
    .slice(0, limit)
    .map((k) => k.name);
  const values = await Promise.all(newestFirst.map((name) => kv.get<MailboxMessage>(name, "json")));
  return values.filter((m): m is MailboxMessage => m !== null);
}
