/**
 * Issuing a reset link, the queue's side of the reset: for one forgot-password job, the user's
 * SessionRegistry applies the per-address limit and derives the token, then the KV record and the email
 * (link and code) go out together. Judging a link when it is opened is password-reset-check.ts.
 */
import type { Config } from "../core/config";
import { emailKey } from "../core/email-address";
import { formatResetCode, formatResetToken, isResetTokenExpired } from "../core/password-reset-token";
import { HOUR_MS, isoTime, MINUTE_MS } from "../core/time";
import { webhookIdFrom } from "../core/webhook-events";
import { type LimitWindow, sessionRegistry } from "../durable/session-registry";
import { knownTimeZone } from "../i18n/format";
import { knownLanguage } from "../i18n/languages";
import { renderResetEmail } from "../mail/templates";
import { auditEventStatement } from "../storage/audit";
import { clearCodeAttemptsStatements } from "../storage/password-reset-code-failures";
import { storeResetToken } from "../storage/password-reset-tokens";
import { emailDatabase, userDatabase } from "../storage/shard-databases";
import type { User } from "../storage/users";
import { emailLanguageOf } from "./account";
import { IDEMPOTENCY_PREFIXES, type PasswordResetJob } from "./email-jobs";
import { type JobOutcome, sendEmail } from "./send-email";
import { sendWebhookEvent } from "./webhook-events";

/** Reset emails per address: one a minute, five an hour (exact, counted in the account's registry). */
const FORGOT_EMAIL_LIMITS: LimitWindow[] = [
  { ms: MINUTE_MS, max: 1 },
  { ms: HOUR_MS, max: 5 },
];

/**
 * For the account a forgot-password job named (`user`, looked up with its batch; null if none): the
 * registry applies the per-address limit and issues the token, then the KV record and the email go out
 * together; the audit row is written with the batch's. Nothing is sent for an unknown address, over the
 * limit, or for a request a newer one superseded, and an unknown address creates nothing anywhere.
 */
export async function issueResetLink(
  env: Env,
  config: Config,
  job: PasswordResetJob,
  user: User | null,
  now: number,
): Promise<JobOutcome> {
  if (isResetTokenExpired(job.requestedAt, now, config.resetLinkMs)) {
    return {
      delivery: { ok: false, reason: "undeliverable", detail: "request older than the link lifetime" },
      writes: [],
    };
  }
  if (user === null) return { delivery: { ok: true, detail: "no account" }, writes: [] };
  // The requestId makes a retry of this job count once against the limit, and re-derive the same token.
  const issued = await sessionRegistry(env, user.id).issueResetToken(
    job.requestId,
    job.requestedAt,
    FORGOT_EMAIL_LIMITS,
  );
  if (!issued.ok) {
    return {
      delivery: { ok: true, detail: issued.reason === "limited" ? "per-email limit" : "superseded" },
      writes: [],
    };
  }
  const rendered = renderResetEmail({
    reader: {
      // The asking page's language; none (the API), or one this version does not know: the account's.
      language: knownLanguage(job.language) ?? emailLanguageOf(user),
      timeZone: knownTimeZone(job.timeZone),
    },
    link: `${config.appUrl}/reset-password?token=${formatResetToken(user.id, issued.secret)}`,
    requestedAt: job.requestedAt,
    client: job,
    forgotUrl: `${config.appUrl}/forgot-password`,
    lifetimeMinutes: config.resetLinkMs / MINUTE_MS,
    code: formatResetCode(issued.code),
    codeUrl: `${config.appUrl}/reset-password/code`,
  });
  const expiresAt = job.requestedAt + config.resetLinkMs;
  const record = { userId: user.id, issuedAt: job.requestedAt };
  const email = {
    // The address that asked: the account's own, or its second address (issue 26).
    to: job.email === user.secondEmail ? user.secondEmail : user.email,
    ...rendered,
    idempotencyKey: `${IDEMPOTENCY_PREFIXES[job.kind]}/${job.requestId}`,
    reference: job.requestId,
    kind: "password_reset",
  };
  const [delivery] = await Promise.all([
    sendEmail(env, config, email, now),
    // KV is a fast path, not the authority: if the write fails, the link still works through the registry.
    storeResetToken(env.KV, issued.tokenHash, record, expiresAt, now).catch((error) =>
      console.warn(JSON.stringify({ event: "reset_record_write_failed", userId: user.id, error: String(error) })),
    ),
  ]);
  if (!delivery.ok) return { delivery, writes: [] };
  // Timed and named by the request, so a retried job repeats the very same event (its receivers de-duplicate).
  const eventId = await webhookIdFrom("password.reset_requested", job.requestId);
  await sendWebhookEvent(env, "password.reset_requested", { user_id: user.id }, job.requestedAt, eventId).catch(
    (error) => console.error(JSON.stringify({ event: "webhook_emit_failed", userId: user.id, error: String(error) })),
  );
  const detail = `link valid until ${isoTime(expiresAt)}`;
  const at = isoTime(job.requestedAt);
  const db = userDatabase(env, user.id);
  const key = emailKey(user.email);
  const codes = emailDatabase(env, key);
  const audit = auditEventStatement(db, user.id, "password_reset_requested", job, at, detail);
  return {
    delivery,
    writes: [
      [db, audit],
      ...clearCodeAttemptsStatements(codes, key, job.requestedAt).map((clear): [D1Database, D1PreparedStatement] => [
        codes,
        clear,
      ]),
    ],
  };
}
