/**
 * The "email" queue consumer: turns jobs into sent emails, at least once, and exactly one email per job
 * thanks to per-job idempotency keys. Per job: sent -> ack; retryable failure -> retry with backoff (after
 * max_retries the queue moves it to the dead-letter queue); permanent failure -> dead-letter now, with the
 * reason logged (invariant 8).
 */
import { type Config, readConfig } from "../config";
import { emailKey } from "../domain/email";
import { RESET_LINK_TTL_MS, isResetTokenExpired } from "../domain/reset-token";
import { sessionRegistry } from "../domain/sessions";
import { auditEventStatement } from "../storage/audit";
import { storeResetToken } from "../storage/reset-tokens";
import { findUserByEmail, findUserById } from "../storage/users";
import type { DeadLetter, EmailJob, PasswordChangedJob, PasswordResetJob } from "./jobs";
import { type EmailProvider, type OutgoingEmail, type SendResult, emailProvider } from "./provider";
import { renderPasswordChangedEmail, renderResetEmail } from "./templates";

/** Reset emails per address: one a minute, five an hour (exact, in the RateLimiter object). */
export const FORGOT_EMAIL_WINDOWS = [
  { ms: 60_000, max: 1 },
  { ms: 3_600_000, max: 5 },
];
const MAX_BACKOFF_SECONDS = 300;
/** 1 + max_retries of the "email" consumer in wrangler.toml: on the last attempt a failure is dead-lettered with its reason. */
export const EMAIL_MAX_ATTEMPTS = 6;

/** What to do with one job: its outcome decides ack, retry or dead letter. */
export type JobOutcome = { kind: "done"; detail: string } | { kind: "retry"; reason: string; delaySeconds: number } | { kind: "dead"; reason: string };

/** Queue handler for the "email" queue. */
export async function consumeEmailBatch(batch: MessageBatch<EmailJob>, env: Env): Promise<void> {
  const config = readConfig(env);
  const provider = emailProvider(env, config);
  for (const message of batch.messages) {
    let outcome: JobOutcome;
    try {
      outcome = await processEmailJob(env, config, provider, message.body, message.attempts, Date.now());
    } catch (error) {
      const reason = `error: ${String(error)}`;
      outcome = message.attempts >= EMAIL_MAX_ATTEMPTS
        ? { kind: "dead", reason: `retries exhausted: ${reason}` }
        : { kind: "retry", reason, delaySeconds: backoffSeconds(message.attempts) };
    }
    await settle(env, message, outcome);
  }
}

async function settle(env: Env, message: Message<EmailJob>, outcome: JobOutcome): Promise<void> {
  const base = { messageId: message.id, kind: message.body?.kind, attempts: message.attempts };
  switch (outcome.kind) {
    case "done":
      message.ack();
      return;
    case "retry":
      console.warn(JSON.stringify({ event: "email_retry", ...base, reason: outcome.reason, delaySeconds: outcome.delaySeconds }));
      message.retry({ delaySeconds: outcome.delaySeconds });
      return;
    case "dead": {
      console.error(JSON.stringify({ event: "email_dead_letter", ...base, reason: outcome.reason }));
      const letter: DeadLetter = { job: message.body, reason: outcome.reason, attempts: message.attempts };
      await env.EMAIL_DLQ.send(letter, { contentType: "json" });
      message.ack();
      return;
    }
  }
}

/** Exponential backoff for retries: 2, 4, 8 … seconds, at most five minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts), MAX_BACKOFF_SECONDS);
}

export async function processEmailJob(
  env: Env,
  config: Config,
  provider: EmailProvider,
  job: EmailJob,
  attempts: number,
  now: number,
): Promise<JobOutcome> {
  switch (job?.kind) {
    case "password_reset":
      return sendResetEmail(env, config, provider, job, attempts, now);
    case "password_changed":
      return sendChangedEmail(env, config, provider, job, attempts);
    default:
      return { kind: "dead", reason: "unknown job kind" };
  }
}

async function sendResetEmail(
  env: Env,
  config: Config,
  provider: EmailProvider,
  job: PasswordResetJob,
  attempts: number,
  now: number,
): Promise<JobOutcome> {
  if (isResetTokenExpired(job.requestedAt, now)) return { kind: "dead", reason: "request older than the link lifetime" };
  // Exact per-address limit. The requestId makes a retry of this job count once.
  const limiter = env.RATE_LIMITER.getByName(`forgot:${emailKey(job.email)}`);
  const hit = await limiter.hit(FORGOT_EMAIL_WINDOWS, job.requestedAt, job.requestId);
  if (!hit.allowed) return { kind: "done", detail: "per-email limit" };
  const user = await findUserByEmail(env.DB, job.email);
  if (user === null) return { kind: "done", detail: "no account" };
  const issued = await sessionRegistry(env, user.id).issueResetToken(job.requestId, job.requestedAt);
  if (issued === null) return { kind: "done", detail: "superseded" };
  await storeResetToken(env.KV, issued.tokenHash, { userId: user.id, issuedAt: job.requestedAt });

  const link = `${config.appUrl}/reset-password?token=${issued.token}`;
  const rendered = renderResetEmail({ link, requestedAt: job.requestedAt, client: job, forgotUrl: `${config.appUrl}/forgot-password` });
  const email: OutgoingEmail = { to: user.email, ...rendered, idempotencyKey: `password-reset/${job.requestId}`, kind: "password_reset" };
  const outcome = toOutcome(await provider.send(email), attempts);
  if (outcome.kind === "done") {
    const expires = new Date(job.requestedAt + RESET_LINK_TTL_MS).toISOString();
    await auditEventStatement(env.DB, user.id, "password_reset_requested", job, new Date(job.requestedAt).toISOString(), `link valid until ${expires}`).run();
  }
  return outcome;
}

async function sendChangedEmail(env: Env, config: Config, provider: EmailProvider, job: PasswordChangedJob, attempts: number): Promise<JobOutcome> {
  const user = await findUserById(env.DB, job.userId);
  if (user === null) return { kind: "done", detail: "no account" };
  const rendered = renderPasswordChangedEmail({ changedAt: job.changedAt, client: job, forgotUrl: `${config.appUrl}/forgot-password` });
  const email: OutgoingEmail = { to: user.email, ...rendered, idempotencyKey: `password-changed/${job.requestId}`, kind: "password_changed" };
  return toOutcome(await provider.send(email), attempts);
}

function toOutcome(result: SendResult, attempts: number): JobOutcome {
  if (result.ok) return { kind: "done", detail: `sent ${result.id}` };
  if (!result.retryable) return { kind: "dead", reason: result.reason };
  if (attempts >= EMAIL_MAX_ATTEMPTS) return { kind: "dead", reason: `retries exhausted: ${result.reason}` };
  const delaySeconds = Math.min(result.retryAfterSeconds ?? backoffSeconds(attempts), MAX_BACKOFF_SECONDS);
  return { kind: "retry", reason: result.reason, delaySeconds };
}

/** Queue handler for "email-dlq": records each undeliverable email where an operator will see it. */
export async function consumeDeadLetters(batch: MessageBatch<DeadLetter | EmailJob>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    // Jobs moved here by the queue itself (retries exhausted) arrive bare; ours carry a reason.
    const body = message.body;
    const letter: DeadLetter = "job" in body ? body : { job: body, reason: "retries exhausted", attempts: message.attempts };
    console.error(JSON.stringify({ event: "email_undeliverable", messageId: message.id, kind: letter.job?.kind, reason: letter.reason }));
    await env.DB.prepare("INSERT INTO mail_dead_letters (message_id, kind, reason, attempts, created_at) VALUES (?, ?, ?, ?, ?)")
      .bind(message.id, String(letter.job?.kind ?? "unknown"), letter.reason.slice(0, 1000), letter.attempts, new Date().toISOString())
      .run();
    message.ack();
  }
}
