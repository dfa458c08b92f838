/**
 * Forgot and reset password.
 *
 * Request: validate, rate-limit, enqueue. Nothing here depends on whether the account exists, so the
 * answer and its timing are the same for every email (invariant 5). The queue consumer does the rest.
 *
 * Reset: the token is checked against KV (which user) and then the user's SessionRegistry (is it the
 * newest, unused, unexpired token). The registry bumps the credential version and revokes every session
 * before the new hash is written, and D1's conditional write lets exactly one request win.
 */
import type { Config } from "../config";
import type { PasswordChangedJob, PasswordResetJob } from "../mail/jobs";
import { auditEventStatement } from "../storage/audit";
import { findResetToken } from "../storage/reset-tokens";
import { clearThrottleStatement } from "../storage/sign-in-throttle";
import { findUserById, replacePasswordHash } from "../storage/users";
import type { ClientInfo } from "./client-info";
import { emailKey, normalizeEmail } from "./email";
import { hashPassword } from "./password-hash";
import { type PasswordProblem, checkPassword } from "./password-policy";
import { isResetTokenExpired, isWellFormedResetToken } from "./reset-token";
import { generateSecret, hashSecret } from "./secrets";
import type { BeginResetResult } from "../durable/session-registry";
import { sessionRegistry } from "./sessions";

/** Queues a reset email for whoever owns `email`, if anyone. */
export async function requestPasswordReset(env: Env, email: string, client: ClientInfo, now: number): Promise<void> {
  const job: PasswordResetJob = {
    kind: "password_reset",
    requestId: generateSecret(16),
    email: normalizeEmail(email),
    requestedAt: now,
    ip: client.ip,
    userAgent: client.userAgent,
  };
  await env.EMAIL_QUEUE.send(job, { contentType: "json" });
}

export interface ResetInput {
  token: string;
  password: string;
  passwordConfirmation: string;
}

/** Why a reset was refused. Token reasons are deliberately one public message (invalid = expired = used). */
export type ResetResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "token_invalid" }
  | { ok: false; reason: "password_mismatch" }
  | { ok: false; reason: "password_rejected"; problem: PasswordProblem };

/** A step of the reset could not reach D1 or the registry; nothing observable changed, retrying is safe. */
export class ResetUnavailableError extends Error {
  override name = "ResetUnavailableError";
}

/** Replaces the password through a reset token, revoking every session of the user. */
export async function resetPassword(env: Env, config: Config, input: ResetInput, client: ClientInfo, now: number): Promise<ResetResult> {
  if (!isWellFormedResetToken(input.token)) return { ok: false, reason: "token_invalid" };
  // A refused attempt must not use up the token: check the fields before touching the registry.
  if (input.password !== input.passwordConfirmation) return { ok: false, reason: "password_mismatch" };
  const found = await locateResetToken(env, input.token, now);
  if (found === null) return { ok: false, reason: "token_invalid" };
  const { tokenHash, userId } = found;
  const user = await findUserById(env.DB, userId);
  if (user === null) return { ok: false, reason: "token_invalid" };
  const registry = sessionRegistry(env, user.id);
  // A used or superseded token still in KV must not buy a password hash (or a breach lookup).
  if (!(await unavailableOnError(() => registry.checkResetToken(tokenHash, now)))) return { ok: false, reason: "token_invalid" };

  const problem = await checkPassword(input.password, {
    minLength: config.passwordMinLength,
    email: user.email,
    hibp: { enabled: config.hibpEnabled, failOpen: config.hibpFailOpen, fetch },
  });
  if (problem !== null) return { ok: false, reason: "password_rejected", problem };
  const newHash = await hashPassword(input.password, config.pepper);

  const begun = await unavailableOnError(async (): Promise<BeginResetResult> => registry.beginReset(tokenHash, now));
  if (!begun.ok) return { ok: false, reason: "token_invalid" };

  // If this fails, sessions are already revoked and the old password can no longer create any: safe to retry.
  const wrote = await unavailableOnError(() => replacePasswordHash(env.DB, user.id, newHash, begun.credentialVersion, new Date(now).toISOString()));
  try {
    await registry.completeReset(now);
  } catch (error) {
    // The password is written and sessions are gone; the registry heals on the token's next use (beginReset
    // then fails at D1 and completes). Refusing now would report a failure for a reset that happened.
    console.error(JSON.stringify({ event: "complete_reset_failed", userId: user.id, error: String(error) }));
  }
  if (!wrote) return { ok: false, reason: "token_invalid" };

  await afterReset(env, user.id, user.email, client, now);
  return { ok: true, userId: user.id };
}

/** A storage step of a reset that could not complete is a retryable 503, never a 500. */
async function unavailableOnError<T>(step: () => PromiseLike<T>): Promise<Awaited<T>> {
  try {
    return await step();
  } catch (error) {
    throw new ResetUnavailableError("a reset step could not reach its storage", { cause: error });
  }
}

/**
 * Housekeeping after the reset committed; failures here are logged, never undo the reset. The KV record is
 * left to its TTL: the registry already refuses the token, and KV writes are the scarcest quota.
 */
async function afterReset(env: Env, userId: string, email: string, client: ClientInfo, now: number): Promise<void> {
  const job: PasswordChangedJob = {
    kind: "password_changed",
    requestId: generateSecret(16),
    userId,
    changedAt: now,
    ip: client.ip,
    userAgent: client.userAgent,
  };
  const at = new Date(now).toISOString();
  const results = await Promise.allSettled([
    env.DB.batch([
      clearThrottleStatement(env.DB, emailKey(email)),
      auditEventStatement(env.DB, userId, "password_reset_completed", client, at),
      auditEventStatement(env.DB, userId, "sessions_revoked", client, at, "password reset"),
    ]),
    env.EMAIL_QUEUE.send(job, { contentType: "json" }),
  ]);
  for (const result of results) {
    if (result.status === "rejected") console.error(JSON.stringify({ event: "after_reset_failed", userId, error: String(result.reason) }));
  }
}

/** Whether a link's token would be accepted now (read-only): the reset page shows "expired" up front. */
export async function isResetTokenUsable(env: Env, token: string, now: number): Promise<boolean> {
  const found = await locateResetToken(env, token, now);
  return found !== null && (await sessionRegistry(env, found.userId).checkResetToken(found.tokenHash, now));
}

/** Which user a well-formed, unexpired token points at (KV); whether it may still be used is the registry's call. */
async function locateResetToken(env: Env, token: string, now: number): Promise<{ tokenHash: string; userId: string } | null> {
  if (!isWellFormedResetToken(token)) return null;
  const tokenHash = hashSecret(token);
  const record = await findResetToken(env.KV, tokenHash);
  if (record === null || isResetTokenExpired(record.issuedAt, now)) return null;
  return { tokenHash, userId: record.userId };
}
