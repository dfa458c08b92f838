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
  const usable = await unavailableOnError(() => registry.checkResetToken(found.tokenHash, now, user.credentialVersion));
  if (!usable) return finishCommitted(ctx, registry, { user, tokenHash: found.tokenHash, password: input.password });

  const problem = await checkPassword(input.password, policyOptions(config, user.email));
  if (problem !== null) return { ok: false, reason: "password_rejected", problem };
  const newHash = await hashPassword(input.password, config.pepper);

  const begun = await unavailableOnError(
    async (): Promise<BeginResetResult> => registry.beginReset(found.tokenHash, now, user.credentialVersion),
  );
  if (!begun.ok) return { ok: false, reason: "token_invalid" };
  // If this fails, sessions are already revoked and the old password can no longer create any: safe to retry.
  const wrote = await writeNewHash(ctx, user.id, newHash, begun.credentialVersion);
  // No change: another request with this link won, or an earlier attempt of this one did (its reply was lost).
  const ours = wrote || (await earlierAttemptWon(ctx, user.id, begun.credentialVersion, input.password));
  await completeQuietly(registry, user.id, now);
  if (!ours) return { ok: false, reason: "token_invalid" };
  await afterReset(ctx, user.id, user.email);
  return { ok: true };
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
 * A refused token may be one whose reset reached D1 while its answer was lost (a 503): the person retries
 * the same link with the same password. That finishes the reset (200, and the notice that never went
 * out); anything else stays refused. Hashes only for a token the registry says committed.
 */
async function finishCommitted(
  ctx: FlowContext,
  registry: ReturnType<typeof sessionRegistry>,
  attempt: { user: User; tokenHash: string; password: string },
): Promise<ResetResult> {
  const { user, tokenHash, password } = attempt;
  const committed = await unavailableOnError(() => registry.isCommittedResetToken(tokenHash, user.credentialVersion));
  if (!committed || !(await earlierAttemptWon(ctx, user.id, user.credentialVersion, password))) {
    return { ok: false, reason: "token_invalid" };
  }
  await completeQuietly(registry, user.id, ctx.now);
  await afterReset(ctx, user.id, user.email);
  return { ok: true };
}

/**
 * Voids every outstanding link. The password is written and sessions are gone, so a failure here only
 * leaves the registry pending; the next use of any link (or the page) finishes it from D1's version.
 */
async function completeQuietly(registry: ReturnType<typeof sessionRegistry>, userId: string, now: number) {
  try {
    await registry.completeReset(now);
  } catch (error) {
    console.error(JSON.stringify({ event: "complete_reset_failed", userId, error: String(error) }));
  }
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
    sendNotice(env, job, now),
  ]);
  for (const result of results) {
    if (result.status === "rejected") {
      console.error(JSON.stringify({ event: "after_reset_failed", userId, error: String(result.reason) }));
    }
  }
}

/**
 * The notice must reach the owner even if the queue refuses it just now: the user's registry keeps it in
 * its outbox until the queue accepts it. If the registry itself cannot be reached, the queue is tried directly.
 */
async function sendNotice(env: Env, job: PasswordChangedJob, now: number): Promise<void> {
  try {
    await sessionRegistry(env, job.userId).sendDurably(job.requestId, job, now);
  } catch (error) {
    console.warn(JSON.stringify({ event: "outbox_unreachable", userId: job.userId, error: String(error) }));
    await env.EMAIL_QUEUE.send(job, { contentType: "json" });
  }
}
