/**
 * Forgot and reset password.
 *
 * Request: enqueue, nothing else. Nothing here depends on whether the account exists, so the answer and
 * its timing are the same for every email (invariant 5); the queue's consumer runs issueResetLink.
 *
 * Reset: KV finds the user, the user's SessionRegistry checks the token, bumps the credential version and
 * revokes every session (beginReset); then D1's conditional write lets exactly one request win
 * (invariant 1), and completeReset voids every outstanding link (invariant 2).
 */
import { emailKey, normalizeEmail } from "../core/email-address";
import { hashPassword } from "../core/password-hash";
import { parseResetToken } from "../core/reset-token";
import { generateSecret } from "../core/secrets";
import { isoTime } from "../core/time";
import { type BeginResetResult, sessionRegistry } from "../durable/session-registry";
import { auditEventStatement } from "../storage/audit";
import { clearThrottleStatements } from "../storage/sign-in-throttle";
import { findUserById, replacePasswordHash } from "../storage/users";
import type { FlowContext } from "./context";
import type { PasswordChangedJob, PasswordResetJob } from "./email-jobs";
import { checkPassword, type PasswordProblem, policyOptions } from "./password-policy";
import { locateResetToken, ResetUnavailableError } from "./reset-link";

/** Queues a reset email for whoever owns `email`, if anyone. */
export async function requestPasswordReset({ env, client, now }: FlowContext, email: string): Promise<void> {
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
export type ResetRefusal =
  | { ok: false; reason: "token_invalid" }
  | { ok: false; reason: "password_mismatch" }
  | { ok: false; reason: "password_rejected"; problem: PasswordProblem };

export type ResetResult = { ok: true } | ResetRefusal;

export { ResetUnavailableError } from "./reset-link";

/** Replaces the password through a reset token, revoking every session of the user (invariant 4). */
export async function resetPassword(ctx: FlowContext, input: ResetInput): Promise<ResetResult> {
  const { env, config, now } = ctx;
  if (parseResetToken(input.token) === null) return { ok: false, reason: "token_invalid" };
  // A refused attempt must not use up the token: check the fields before touching the registry.
  if (input.password !== input.passwordConfirmation) return { ok: false, reason: "password_mismatch" };
  const found = await locateResetToken(env, input.token, now);
  if (found === null) return { ok: false, reason: "token_invalid" };
  const user = await unavailableOnError(() => findUserById(env.DB, found.userId));
  if (user === null) return { ok: false, reason: "token_invalid" };
  const registry = sessionRegistry(env, user.id);
  // A used or superseded token still in KV must not buy a password hash (or a breach lookup).
  const usable = await unavailableOnError(() => registry.checkResetToken(found.tokenHash, now));
  if (!usable) return { ok: false, reason: "token_invalid" };

  const problem = await checkPassword(input.password, policyOptions(config, user.email));
  if (problem !== null) return { ok: false, reason: "password_rejected", problem };
  const newHash = await hashPassword(input.password, config.pepper);

  const begun = await unavailableOnError(
    async (): Promise<BeginResetResult> => registry.beginReset(found.tokenHash, now),
  );
  if (!begun.ok) return { ok: false, reason: "token_invalid" };
  // If this fails, sessions are already revoked and the old password can no longer create any: safe to retry.
  const wrote = await unavailableOnError(() =>
    replacePasswordHash(env.DB, user.id, newHash, begun.credentialVersion, isoTime(now)),
  );
  try {
    await registry.completeReset(now);
  } catch (error) {
    // The password is written and sessions are gone; the registry heals on the token's next use (beginReset
    // then fails at D1 and completes). Refusing now would report a failure for a reset that happened.
    console.error(JSON.stringify({ event: "complete_reset_failed", userId: user.id, error: String(error) }));
  }
  if (!wrote) return { ok: false, reason: "token_invalid" };
  await afterReset(ctx, user.id, user.email);
  return { ok: true };
}

/** A storage step of a reset that could not complete is a retryable 503, never a 500 (invariant 10). */
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
async function afterReset({ env, client, now }: FlowContext, userId: string, email: string): Promise<void> {
  const job: PasswordChangedJob = {
    kind: "password_changed",
    requestId: generateSecret(16),
    userId,
    changedAt: now,
    ip: client.ip,
    userAgent: client.userAgent,
  };
  const at = isoTime(now);
  const results = await Promise.allSettled([
    env.DB.batch([
      ...clearThrottleStatements(env.DB, emailKey(email)),
      auditEventStatement(env.DB, userId, "password_reset_completed", client, at),
      auditEventStatement(env.DB, userId, "sessions_revoked", client, at, "password reset"),
    ]),
    env.EMAIL_QUEUE.send(job, { contentType: "json" }),
  ]);
  for (const result of results) {
    if (result.status === "rejected") {
      console.error(JSON.stringify({ event: "after_reset_failed", userId, error: String(result.reason) }));
    }
  }
}
