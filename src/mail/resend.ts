/**
 * Resend's HTTP API (POST /emails), sent as Resend documents it: a User-Agent on every request (requests
 * without one are refused with 403), Bearer auth, an Idempotency-Key per logical email (a retry within 24 h
 * is a no-op at Resend), and X-Entity-Ref-ID so repeated reset emails do not thread together and hide the
 * newest link. Every documented error is classified (docs/email.md has the table).
 */
import { SECOND_MS } from "../core/time";
import type { EmailProvider, OutgoingEmail, SendResult } from "./types";

const TIMEOUT_MS = 10 * SECOND_MS;
/** Names this service to Resend; bump with releases that change what is sent. */
export const USER_AGENT = "edge-password-reset/1.1 (+https://github.com/)";

export interface ResendOptions {
  apiUrl: string;
  apiKey: string;
  from: string;
  replyTo: string | null;
}

/** Sends through Resend's POST /emails. */
export class ResendProvider implements EmailProvider {
  constructor(private readonly options: ResendOptions) {}

  async send(email: OutgoingEmail): Promise<SendResult> {
    let response: Response;
    try {
      response = await fetch(`${this.options.apiUrl}/emails`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${this.options.apiKey}`,
          "Content-Type": "application/json",
          "User-Agent": USER_AGENT,
          "Idempotency-Key": email.idempotencyKey,
        },
        body: JSON.stringify(this.body(email)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      return { ok: false, reason: "retryable", detail: `network: ${String(error)}` };
    }
    const text = await response.text();
    const body = safeJson(text);
    if (response.ok) return { ok: true, id: typeof body?.id === "string" ? body.id : "unknown" };
    return classify(response, body, text);
  }

  private body(email: OutgoingEmail): Record<string, unknown> {
    return {
      from: this.options.from,
      to: [email.to],
      subject: email.subject,
      text: email.text,
      html: email.html,
      ...(this.options.replyTo === null ? {} : { reply_to: this.options.replyTo }),
      // A unique reference per email: Gmail then shows each reset email on its own, newest on top.
      headers: { "X-Entity-Ref-ID": email.reference },
      tags: [
        { name: "type", value: email.kind },
        { name: "request_id", value: email.reference },
      ],
    };
  }
}

/** Maps a Resend error to what the consumer should do with the job. */
function classify(response: Response, body: Record<string, unknown> | null, text: string): SendResult {
  const name = typeof body?.name === "string" ? body.name : "";
  const message = typeof body?.message === "string" ? body.message : text;
  const detail = `resend ${response.status} ${name}: ${message.slice(0, 300)}`;
  if (response.status === 429 && (name === "daily_quota_exceeded" || name === "monthly_quota_exceeded")) {
    return { ok: false, reason: "quota_exceeded", detail };
  }
  if (response.status === 429 || response.status >= 500 || name === "concurrent_idempotent_requests") {
    return { ok: false, reason: "retryable", detail, retryAfterSeconds: retryAfter(response) };
  }
  // Same key, other body: the first attempt was accepted with the old body (e.g. a deploy changed the words).
  if (name === "invalid_idempotent_request") return { ok: false, reason: "possibly_delivered", detail };
  if (response.status === 401 || response.status === 403) return { ok: false, reason: "misconfigured", detail };
  return { ok: false, reason: "rejected", detail };
}

/** Seconds to wait, from retry-after or ratelimit-reset; undefined when Resend said neither. */
function retryAfter(response: Response): number | undefined {
  for (const header of ["retry-after", "ratelimit-reset"]) {
    const seconds = Number(response.headers.get(header));
    if (Number.isFinite(seconds) && seconds > 0) return seconds;
  }
  return undefined;
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
