/**
 * Writing a new password, shared by the reset (by link) and the change on /account. Both begin in the
 * user's registry (a new credential version, sessions ended), then write D1 conditionally, then finish
 * after the response; this module holds the D1 step and the finish.
 */
import { emailKey } from "../core/email-address";
import { verifyPassword } from "../core/password-hash";
import { generateSecret } from "../core/secrets";
import { isoTime } from "../core/time";
import { sessionRegistry } from "../durable/session-registry";
import { auditEventStatement } from "../storage/audit";
import { clearThrottleStatements } from "../storage/sign-in-throttle";
import { findUserById, replacePasswordHash, type User } from "../storage/users";
import type { FlowContext } from "./context";
import type { PasswordChangedJob } from "./email-jobs";
import { ResetUnavailableError } from "./reset-link";

/** A storage step of a password change that could not complete is a retryable 503, never a 500 (invariant 10). */
export async function unavailableOnError<T>(step: () => PromiseLike<T>): Promise<Awaited<T>> {
  try {
    return await step();
  } catch (error) {
    throw new ResetUnavailableError("a reset step could not reach its storage", { cause: error });
  }
}

/**
 * The conditional D1 write of the new hash (exactly one concurrent request wins). If its reply is lost, D1
 * is read again before answering 503: a write that did commit is reported as "no change" here, and
 * earlierAttemptWon then recognises it.
 */
export async function writeNewHash(
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

/** D1 holds this change's version with a hash of this very password: an earlier attempt of ours committed. */
export async function earlierAttemptWon(
  { env, config }: FlowContext,
  userId: string,
  version: number,
  password: string,
): Promise<boolean> {
  const current = await unavailableOnError(() => findUserById(env.DB, userId));
  if (current === null || current.credentialVersion !== version) return false;
  return (await verifyPassword(password, current.passwordHash, config.pepper)).valid;
}

const AUDIT = {
  reset: { event: "password_reset_completed", detail: "password reset" },
  account: { event: "password_changed", detail: "password change" },
} as const;

/**
 * After the response: the registry voids every outstanding reset link and keeps the "password changed"
 * notice in its outbox until the queue takes it (one call), while D1 gets the audit rows and the cleared
 * sign-in throttle. Only the completion runs when another request's change won (that one sends its own
 * notice). Failures are logged and never undo the change: a pending registry is finished by the next use
 * of any link, the page or the next change, and a notice the registry could not take goes to the queue
 * directly. The KV record of a link is left to its TTL: the registry already refuses it.
 */
export async function finishPasswordChange(
  { env, client, now }: FlowContext,
  user: User,
  { ours, via }: { ours: boolean; via: "reset" | "account" },
): Promise<void> {
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
    via,
  };
  const at = isoTime(now);
  const audit = AUDIT[via];
  await Promise.all([
    registry.completeReset(now, { id: job.requestId, message: job }).catch(async (error) => {
      logFailure("complete_reset_failed", user.id, error);
      await env.EMAIL_QUEUE.send(job, { contentType: "json" }).catch((e) => logFailure("notice_lost", user.id, e));
    }),
    env.DB.batch([
      ...clearThrottleStatements(env.DB, emailKey(user.email)),
      auditEventStatement(env.DB, user.id, audit.event, client, at),
      auditEventStatement(env.DB, user.id, "sessions_revoked", client, at, audit.detail),
    ]).catch((error) => logFailure("after_reset_failed", user.id, error)),
  ]);
}

function logFailure(event: string, userId: string, error: unknown): void {
  console.error(JSON.stringify({ event, userId, error: String(error) }));
}
