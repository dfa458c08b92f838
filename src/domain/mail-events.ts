/**
 * Delivery you can see: the email provider's signed webhook (Resend's, signed with Svix) reports what
 * became of each email. Each event is recorded once, against the email's idempotency key (rebuilt from the
 * tags the email was sent with); a bounce or a complaint suppresses the address for a while (the consumer
 * sends it nothing), and shows on the owner's /account as a security event and a notice.
 */
import { emailKey, normalizeEmail } from "../core/email-address";
import { type SvixHeaders, verifySvixSignature } from "../core/svix";
import { isoTime } from "../core/time";
import { webhookIdFrom } from "../core/webhook-events";
import { type AuditEventType, auditEventIfChangedStatement } from "../storage/audit";
import { recordMailEventStatement, suppressStatement } from "../storage/mail-events";
import { emailCandidateDatabases, emailDatabase, userDatabase } from "../storage/shard-databases";
import { findUserByEmailIn } from "../storage/users-by-email";
import { IDEMPOTENCY_PREFIXES } from "./email-jobs";
import { sendWebhookEvent } from "./webhook-events";

export type WebhookResult =
  | { ok: true; recorded: boolean }
  | { ok: false; reason: "not_configured" | "malformed" | "stale" | "forged" | "bad_payload" };

const EVENT_TYPES = {
  "email.delivered": "delivered",
  "email.bounced": "bounced",
  "email.complained": "complained",
} as const;

/** The job kinds whose idempotency keys the tags name (domain/password-reset-issue.ts, account-notices.ts). */

interface Payload {
  type?: unknown;
  data?: { email_id?: unknown; to?: unknown; tags?: unknown; bounce?: { type?: unknown; message?: unknown } };
}

/** Verifies, parses and records one webhook request. */
export async function receiveMailWebhook(
  env: Env,
  config: { resendWebhookSecret: string | null; bounceSuppressionMs: number },
  request: { headers: SvixHeaders; body: string },
  now: number,
): Promise<WebhookResult> {
  if (config.resendWebhookSecret === null) return { ok: false, reason: "not_configured" };
  const check = verifySvixSignature(config.resendWebhookSecret, request.headers, request.body, now);
  if (check !== "valid") return { ok: false, reason: check };
  const payload = parsePayload(request.body);
  // Signed by the provider but not an event (null, a list, a number): refused, never a fault.
  if (payload === null) return { ok: false, reason: "bad_payload" };
  const type = EVENT_TYPES[String(payload.type) as keyof typeof EVENT_TYPES];
  // Other events (sent, opened, delivery delayed …) are acknowledged and not kept.
  if (type === undefined) return { ok: true, recorded: false };
  const data = payload.data ?? {};
  const to = Array.isArray(data.to) ? data.to[0] : data.to;
  if (typeof to !== "string") return { ok: false, reason: "bad_payload" };
  const address = normalizeEmail(to);
  const key = emailKey(address);
  const tags = readTags(data.tags);
  // Own keys only: a tag of "constructor" names no kind.
  const prefix = Object.hasOwn(IDEMPOTENCY_PREFIXES, tags.type ?? "")
    ? IDEMPOTENCY_PREFIXES[tags.type as keyof typeof IDEMPOTENCY_PREFIXES]
    : undefined;
  const user = await findUserByEmailIn(env, emailCandidateDatabases(env, key), address);
  // The event and its audit row in the account's shard (one batch: the row depends on the event being new);
  // the suppression with the address's other state, at its placement. With one shard, one batch.
  const db = user === null ? emailDatabase(env, key) : userDatabase(env, user.id);
  const placement = emailDatabase(env, key);
  const bounce = data.bounce ?? {};
  const detail = [tags.type, typeof bounce.type === "string" ? bounce.type : null, text(bounce.message)]
    .filter(Boolean)
    .join(": ");
  const record = recordMailEventStatement(db, {
    webhookId: request.headers.id ?? "",
    type,
    idempotencyKey: prefix !== undefined && tags.request_id !== undefined ? `${prefix}/${tags.request_id}` : null,
    providerId: typeof data.email_id === "string" ? data.email_id : null,
    emailKey: key,
    userId: user?.id ?? null,
    detail: detail === "" ? null : detail,
    createdAt: isoTime(now),
  });
  // One atomic batch: the event; the owner's audit row only if the event is new (a retry of a message the
  // provider already delivered adds nothing); the suppression every time (it only ever extends).
  const statements = [record];
  const suppresses = type === "complained" || (type === "bounced" && bounce.type !== "Transient");
  if (suppresses && user !== null) {
    const event: AuditEventType =
      type === "complained"
        ? "email_complained"
        : tags.type === "password_reset"
          ? "reset_email_bounced"
          : "email_bounced";
    statements.push(auditEventIfChangedStatement(db, user.id, event, isoTime(now), detail));
  }
  const suppression = suppresses
    ? [suppressStatement(placement, key, now + config.bounceSuppressionMs, type, now)]
    : [];
  const apart = db !== placement && suppression.length > 0;
  const [[recorded]] = await Promise.all([
    db.batch(apart ? statements : [...statements, ...suppression]),
    apart ? placement.batch(suppression) : null,
  ]);
  if (suppresses) {
    // Named by the provider's message id: its retries of this event repeat ours (a failed send answers 500,
    // so the provider retries it).
    const id = await webhookIdFrom("email.bounced", request.headers.id ?? "");
    const event = { email: address, user_id: user?.id ?? null, kind: type };
    await sendWebhookEvent(env, "email.bounced", event, now, id);
  }
  return { ok: true, recorded: recorded?.meta.changes === 1 };
}

/** The body as an event object; null if it is not JSON, or is JSON but not an object. */
function parsePayload(body: string): Payload | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Payload) : null;
}

/** Resend gives tags as `{name: value}`; accept `[{name, value}]` as well. */
function readTags(tags: unknown): Record<string, string | undefined> {
  if (Array.isArray(tags)) {
    return Object.fromEntries(
      tags.flatMap((t) => (typeof t?.name === "string" && typeof t?.value === "string" ? [[t.name, t.value]] : [])),
    );
  }
  if (typeof tags !== "object" || tags === null) return {};
  return Object.fromEntries(
    Object.entries(tags).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value.slice(0, 200) : null;
}
