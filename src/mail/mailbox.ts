/**
 * The dev mailbox: instead of sending, keeps each message in KV for a day under
 * mailbox:<to>:<inverted time>:<idempotency hash>, so a prefix listing is newest first.
 * Enabled only by EMAIL_PROVIDER=mailbox, which production configuration refuses.
 */
import { hashSecret } from "../core/secrets";
import { DAY_MS } from "../core/time";
import type { EmailProvider, OutgoingEmail, SendResult } from "./types";

const RETENTION_SECONDS = DAY_MS / 1000;
const MAX_TIME = 9_999_999_999_999;

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
    const seenKey = `mailbox-sent:${id}`;
    if ((await this.kv.get(seenKey)) !== null) return { ok: true, id };
    const message: MailboxMessage = {
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      sent_at: new Date(now).toISOString(),
    };
    const key = `${mailboxPrefix(email.to)}${String(MAX_TIME - now).padStart(13, "0")}:${id}`;
    await this.kv.put(key, JSON.stringify(message), { expirationTtl: RETENTION_SECONDS });
    await this.kv.put(seenKey, "1", { expirationTtl: RETENTION_SECONDS });
    return { ok: true, id };
  }
}

function mailboxPrefix(to: string): string {
  return `mailbox:${to.toLowerCase()}:`;
}

/** Messages to one address (or to anyone when `to` is null), newest first. */
export async function readMailbox(kv: KVNamespace, to: string | null, limit = 50): Promise<MailboxMessage[]> {
  const prefix = to === null ? "mailbox:" : mailboxPrefix(to);
  const { keys } = await kv.list({ prefix, limit: 1000 });
  const newestFirst = keys
    .map((k) => k.name)
    .sort((a, b) => timePart(a) - timePart(b))
    .slice(0, limit);
  const values = await Promise.all(newestFirst.map((name) => kv.get<MailboxMessage>(name, "json")));
  return values.filter((m): m is MailboxMessage => m !== null);
}

/** The inverted-time part of a key, which sorts newest first across recipients too. */
function timePart(key: string): number {
  const parts = key.split(":");
  return Number(parts[parts.length - 2]);
}
