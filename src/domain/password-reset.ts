/**
 * Forgot and reset password.
 *
 * Request: enqueue, nothing else. Nothing here depends on whether the account exists, so the answer and
 * its timing are the same for every email (invariant 5); the queue's consumer runs issueResetLink.
 *
 * Reset: the token names its user; that user's SessionRegistry checks the token, bumps the credential
 * version and revokes every session (beginReset); then D1's conditional write lets exactly one request win
 * (invariant 1), and completeReset voids every outstanding link (invariant 2).
 */
import { emailKey, normalizeEmail } from "../core/email-address";
import { hashPassword, verifyPassword } from "../core/password-hash";
import { parseResetToken } from "../core/reset-token";
import { generateSecret } from "../core/secrets";
import { isoTime } from "../core/time";
import { type BeginResetResult, sessionRegistry } from "../durable/session-registry";
import { auditEventStatement } from "../storage/audit";
import { clearThrottleStatements } from "../storage/sign-in-throttle";
import { findUserById, replacePasswordHash, type User } from "../storage/users";
import type { FlowContext } from "./context";
import type { PasswordChangedJob, PasswordResetJob } from "./email-jobs";
import { checkPassword, type PasswordProblem, policyOptions } from "./password-policy";
import { locateResetToken, ResetUnavailableError, readResetLink } from "./reset-link";

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

/**
 * Replaces the password through a reset token, revoking every session of the user (invariant 4). The
 * person waits for three storage steps: D1 and the registry read at once, beginReset, the D1 write. The
 * registry's completion, the notice and the audit rows follow after the response (each step is safe to
 * lose: the next use of any link finishes a pending reset from D1's version, invariant 10).
 */
export async function resetPassword(ctx: FlowContext, input: ResetInput): Promise<ResetResult> {
  const { env, config, now } = ctx;
  if (parseResetToken(input.token) === null) return { ok: false, reason: "token_invalid" };
  // A refused attempt must not use up the token: check the fields before touching the registry.
  if (input.password !== input.passwordConfirmation) return { ok: false, reason: "password_mismatch" };
  const found = await locateResetToken(env, input.token, now);
  if (found === null) return { ok: false, reason: "token_invalid" };
  const read = await unavailableOnError(() => readResetLink(env, found, now));
  if (read === null) return { ok: false, reason: "token_invalid" };
  const { user, link } = read;
  // A used or superseded link must not buy a password hash (or a breach lookup).
  if (link === "committed") return finishCommitted(ctx, user, input.password);
  if (link === "refused") return { ok: false, reason: "token_invalid" };

  const problem = await checkPassword(input.password, policyOptions(config, user.email));
  if (problem !== null) return { ok: false, reason: "password_rejected", problem };
  const newHash = await hashPassword(input.password, config.pepper);

  const registry = sessionRegistry(env, user.id);
  const begun = await unavailableOnError(
    async (): Promise<BeginResetResult> => registry.beginReset(found.tokenHash, now, user.credentialVersion),
  );
  if (!begun.ok) return { ok: false, reason: "token_invalid" };
  // If this fails, sessions are already revoked and the old password can no longer create any: safe to retry.
  const wrote = await writeNewHash(ctx, user.id, newHash, begun.credentialVersion);
  // No change: another request with this link won, or an earlier attempt of this one did (its reply was lost).
  const ours = wrote || (await earlierAttemptWon(ctx, user.id, begun.credentialVersion, input.password));
  ctx.defer(afterReset(ctx, user, ours));
  return ours ? { ok: true } : { ok: false, reason: "token_invalid" };
}

/**
 * The conditional D1 write of the new hash (exactly one concurrent request wins). If its reply is lost, D1
 * is read again before answering 503: a write that did commit is reported as "no change" here, and
 * earlierAttemptWon then recognises it.
 */
async function writeNewHash(
  { env, now }: FlowContext,
  userId: string,
  hash: string,
  version: number,
): Promise<boolean> {
  try {
    return await replacePasswordHash(env.DB, userId, hash, version, isoTime(now));
  } catch (error) {
    const after = await findUserById(env.DB, userId).catch(() => null);
    if (after === null || after.credentialVersion < version) {
      throw new ResetUnavailableError("the new password could not be written", { cause: error });
    }
    return false;
  }
}

/** D1 holds this reset's version with a hash of this very password: an earlier attempt of ours committed. */
async function earlierAttemptWon({ env, config }: FlowContext, userId: string, version: number, password: string) {
  const current = await unavailableOnError(() => findUserById(env.DB, userId));
  if (current === null || current.credentialVersion !== version) return false;
  return (await verifyPassword(password, current.passwordHash, config.pepper)).valid;
}

/**
 * A link whose reset reached D1 while its answer was lost (a 503): the person retries the same link with
 * the same password. That finishes the reset (200, and the notice that never went out); anything else
 * stays refused. `user` was read from D1 with the link, at the committed version.
 */
async function finishCommitted(ctx: FlowContext, user: User, password: string): Promise<ResetResult> {
  if (!(await verifyPassword(password, user.passwordHash, ctx.config.pepper)).valid) {
    return { ok: false, reason: "token_invalid" };
  }
  ctx.defer(afterReset(ctx, user, true));
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
 * After the response: the registry voids every outstanding link and keeps the "password changed" notice in
 * its outbox until the queue takes it (one call), while D1 gets the audit rows and the cleared sign-in
 * throttle. Only the completion runs when another request's reset won (that one sends its own notice).
 * Failures are logged and never undo the reset: a pending registry is finished by the next use of any link
 * or the page, and a notice the registry could not take goes to the queue directly. The KV record is left
 * to its TTL: the registry already refuses the token, and KV writes are the scarcest quota.
 */
async function afterReset({ env, client, now }: FlowContext, user: User, ours: boolean): Promise<void> {
  const registry = sessionRegistry(env, user.id);
  if (!ours) {
    await registry.completeReset(now).catch((error) => logFailure("complete_reset_failed", user.id, error));
    return;
  }
  const job: PasswordChangedJob = {
    kind: "password_changed",
    requestId: generateSecret(16),
    userId: user.id,
    changedAt: now,
    ip: client.ip,
    userAgent: client.userAgent,
  };
  const at = isoTime(now);
  await Promise.all([
    registry.completeReset(now, { id: job.requestId, message: job }).catch(async (error) => {
      logFailure("complete_reset_failed", user.id, error);
      await env.EMAIL_QUEUE.send(job, { contentType: "json" }).catch((e) => logFailure("notice_lost", user.id, e));
    }),
    env.DB.batch([
      ...clearThrottleStatements(env.DB, emailKey(user.email)),
      auditEventStatement(env.DB, user.id, "password_reset_completed", client, at),
      auditEventStatement(env.DB, user.id, "sessions_revoked", client, at, "password reset"),
    ]).catch((error) => logFailure("after_reset_failed", user.id, error)),
  ]);
}

function logFailure(event: string, userId: string, error: unknown): void {
  console.error(JSON.stringify({ event, userId, error: String(error) }));
}
