/**
 * Resend's HTTP API over fetch (https://resend.com/docs/api-reference/emails/send-email).
 * Idempotency-Key makes a retried message a no-op at Resend for 24 h. 429/5xx/timeouts are retryable;
 * other 4xx are permanent (bad address, unverified domain, bad key) and retrying cannot help.
 */
import type { EmailProvider, OutgoingEmail, SendResult } from "./types";

const RESEND_URL = "https://api.resend.com/emails";
const TIMEOUT_MS = 10_000;

/** Sends through Resend's POST /emails. */
export class ResendProvider implements EmailProvider {
  constructor(
    private readonly apiKey: string,
    private readonly from: string,
  ) {}

  async send(email: OutgoingEmail): Promise<SendResult> {
    let response: Response;
    try {
      response = await fetch(RESEND_URL, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${this.apiKey}`,
          "Content-Type": "application/json",
          "Idempotency-Key": email.idempotencyKey,
        },
        body: JSON.stringify({
          from: this.from,
          to: [email.to],
          subject: email.subject,
          text: email.text,
          html: email.html,
          tags: [{ name: "type", value: email.kind }],
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      return { ok: false, retryable: true, reason: `network: ${String(error)}` };
    }
    const body = await response.text();
    if (response.ok) {
      const id = safeJson(body)?.id;
      return { ok: true, id: typeof id === "string" ? id : "unknown" };
    }
    const detail = safeJson(body);
    const reason = `resend ${response.status} ${String(detail?.name ?? "")}: ${String(detail?.message ?? body).slice(0, 300)}`;
    // 409 concurrent_idempotent_requests: the same message is being sent right now; a retry will see its result.
    const retryable =
      response.status === 429 ||
      response.status >= 500 ||
      (response.status === 409 && detail?.name === "concurrent_idempotent_requests");
    const retryAfter = Number(response.headers.get("retry-after"));
    return Number.isFinite(retryAfter) && retryAfter > 0
      ? { ok: false, retryable, reason, retryAfterSeconds: retryAfter }
      : { ok: false, retryable, reason };
  }
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
