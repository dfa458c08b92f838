/**
 * The reset's steps after the registry's begin, shared by the reset (by link) and the change on /account.
 * Both begin in the user's registry (a new credential version, sessions ended, the "password changed"
 * notice held), then write D1 conditionally, then finish after the response; this module holds the
 * notice, the D1 step and the finish.
 */
import { emailKey } from "../core/email-address";
import { verifyPassword } from "../core/password-hash";
import { generateSecret } from "../core/secrets";
import { isoTime } from "../core/time";
import { sessionRegistry } from "../durable/session-registry";
import { auditEventWhenStatement } from "../storage/audit";
import { emailDatabase, userDatabase } from "../storage/shard-databases";
import { clearThrottleStatements } from "../storage/sign-in-throttle-upkeep";
import { findUserById, HOLDS_HASH, replacePasswordHash, type User } from "../storage/users";
import type { FlowContext } from "./context";
import type { PasswordChangedJob } from "./email-jobs";
import { StorageUnavailableError, unavailableOnError } from "./storage-unavailable";
import { type WebhookEvent, withWebhookEvents } from "./webhook-events";

/**
 * The conditional D1 write of the new hash (exactly one concurrent request wins), in one batch with what the
 * winner records: its audit rows (only if this very hash landed) and, when the email's throttle lives in the
 * account's shard, the cleared sign-in throttle (the same clearing whoever wins). So the work after the
 * response has no D1 call of its own, and the rows commit or fail with the change they record. If the reply
 * is lost, D1 is read again before answering 503: a write that did commit is reported as "no change" here,
 * and earlierAttemptWon then recognises it (its rows were written with it).
 */
export async function writeNewHash(
  { env, client, now }: FlowContext,
  user: Pick<User, "id" | "email">,
  hash: string,
  { version, via }: { version: number; via: "reset" | "account" },
): Promise<boolean> {
  const userId = user.id;
  const db = userDatabase(env, userId);
  const key = emailKey(user.email);
  const at = isoTime(now);
  const won = { sql: HOLDS_HASH, values: [userId, version, hash] };
  const audit = AUDIT[via];
  const alongside = [
    auditEventWhenStatement(db, userId, audit.event, client, at, null, won),
    auditEventWhenStatement(db, userId, "sessions_revoked", client, at, audit.detail, won),
    ...(emailDatabase(env, key) === db ? clearThrottleStatements(db, key, { now, givesBack: false }) : []),
  ];
  try {
    return await replacePasswordHash(db, userId, hash, version, at, alongside);
  } catch (error) {
    const after = await findUserById(userDatabase(env, userId), userId).catch(() => null);
    if (after === null || after.credentialVersion < version) {
      throw new StorageUnavailableError("the new password could not be written", { cause: error });
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
  const current = await unavailableOnError(() => findUserById(userDatabase(env, userId), userId));
  if (current === null || current.credentialVersion !== version) return false;
  return (await verifyPassword(password, current.passwordHash, config.pepper)).valid;
}

const AUDIT = {
  reset: { event: "password_reset_completed", detail: "password reset" },
  account: { event: "password_changed", detail: "password change" },
} as const;

/** The outbound events of a password change, by how it was made (sessions ended: all, or all but this one). */
const CHANGE_EVENTS = {
  reset: (user_id: string): WebhookEvent[] => [
    ["password.reset_completed", { user_id }],
    ["sessions.revoked", { user_id, count: null, reason: "password_reset" }],
  ],
  account: (user_id: string): WebhookEvent[] => [
    ["password.changed", { user_id }],
    ["sessions.revoked", { user_id, count: null, reason: "password_changed" }],
  ],
};

/**
 * The "password changed" notice of a change about to begin, with the change's outbound events beside it.
 * The registry holds them from the moment the change begins and sends them once D1 holds the change, so
 * they cannot be lost between the write and the response.
 */
export function passwordChangedNotice(
  { env, client, now }: FlowContext,
  user: Pick<User, "id" | "language">,
  via: "reset" | "account",
): unknown {
  const job: PasswordChangedJob = {
    kind: "password_changed",
    requestId: generateSecret(16),
    userId: user.id,
    changedAt: now,
    ip: client.ip,
    userAgent: client.userAgent,
    via,
    ...(user.language === null ? {} : { language: user.language }),
  };
  return withWebhookEvents(env, job, now, CHANGE_EVENTS[via](user.id));
}

/**
 * After the response: the registry completes the change of credential version `version` (every outstanding
 * reset link void, its held notice released); and, only for the request whose change it was and an email
 * whose throttle lives in another shard than the account (a grown layout), the cleared sign-in throttle
 * (otherwise writeNewHash's batch cleared it, with the audit rows). Failures are logged and never undo the
 * change: a change left pending is finished, and its notice sent, by whatever next brings D1's version to
 * the registry (a link, the page, a sign-in, another change). The KV record of a link is left to its TTL.
 */
export async function finishPasswordChange(
  { env, now }: FlowContext,
  user: User,
  { ours, version }: { ours: boolean; version: number },
): Promise<void> {
  const completed = sessionRegistry(env, user.id)
    .completeCredentialChange(now, version)
    .catch((error) => logFailure("complete_reset_failed", user.id, error));
  const key = emailKey(user.email);
  const throttles = emailDatabase(env, key);
  if (!ours || throttles === userDatabase(env, user.id)) return completed;
  await Promise.all([
    completed,
    throttles
      .batch(clearThrottleStatements(throttles, key, { now, givesBack: false }))
      .catch((error) => logFailure("after_reset_failed", user.id, error)),
  ]);
}

function logFailure(event: string, userId: string, error: unknown): void {
  console.error(JSON.stringify({ event, userId, error: String(error) }));
}
