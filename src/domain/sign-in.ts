/**
 * Sign-in: throttled per email (known or not), one password hash whatever the outcome, and the session
 * created inside the user's registry so it is serialised with password resets (invariant 4). A wrong
 * password already counted for this email counts once (invariant 12): client retries and a retyped typo
 * do not walk a person into the lock.
 */
import { issueDeviceToken } from "../core/device-token";
import { hashPassword } from "../core/password-hash";
import { isoTime } from "../core/time";
import { sessionRegistry } from "../durable/session-registry";
import { auditEventStatement } from "../storage/audit";
import { batchByDatabase, emailDatabase, userDatabase } from "../storage/shard-databases";
import { clearThrottleStatements } from "../storage/sign-in-throttle";
import { recordSignInStatement, type User, upgradePasswordHash } from "../storage/users";
import type { FlowContext } from "./context";
import { refuse, type SignInRefusal, verifyThrottled } from "./password-attempt";
import { signOut } from "./sessions";

export { lockDurationMs, type SignInRefusal } from "./password-attempt";

/** On success, `deviceToken` is this browser's device token for the account (new, or the one it sent). */
export type SignInResult = { ok: true; user: User; token: string; deviceToken: string } | SignInRefusal;

/**
 * Verifies the credentials and creates a session; refusals are the same for unknown emails (invariant 5).
 * Failures count per scope (invariant 12): a browser presenting a device token for this account at its
 * current credential version is judged on its own failures; any other client on its network's, and all of
 * them together on the email's daily cap. `replacing` is a session the client already holds: it is ended
 * after success (rotation).
 */
export async function signIn(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  options: { replacing?: string | undefined; deviceToken?: string | undefined } = {},
): Promise<SignInResult> {
  const { env, config, now } = ctx;
  const verified = await verifyThrottled(ctx, credentials, options.deviceToken);
  if (!verified.ok) return verified;
  const { user, trusted, key } = verified;

  // The session and the success's D1 batch at once: the person waits for one step, not two.
  const [created] = await Promise.all([
    sessionRegistry(env, user.id).createSession(user.id, user.credentialVersion, ctx.client, now),
    recordSuccess(ctx, user, key),
  ]);
  // The password was changed between our read and the session: the verified password is no longer valid.
  if (!created.ok) return refuse(ctx, user, verified.asFailure);
  const db = userDatabase(env, user.id);
  ctx.defer(auditEventStatement(db, user.id, "sign_in", ctx.client, isoTime(now)).run());
  if (verified.needsRehash) {
    const upgrade = hashPassword(credentials.password, config.pepper);
    ctx.defer(upgrade.then((hash) => upgradePasswordHash(db, user.id, user.passwordHash, hash)));
  }
  if (options.replacing !== undefined) ctx.defer(signOut(ctx, options.replacing).catch(() => undefined));
  const deviceToken =
    trusted && options.deviceToken !== undefined
      ? options.deviceToken
      : issueDeviceToken(config.pepper, key, user.credentialVersion);
  return { ok: true, user, token: created.token, deviceToken };
}

/**
 * Last login, and the throttle and its marks cleared, in one batch, run beside createSession. Awaited, not
 * deferred: it frees the email's attempt slot, so the person's next sign-in is never "busy". In the rare
 * race where a reset then refuses the session, the failure is counted after this batch (Promise.all has
 * settled it), and what was cleared was cleared for someone who did hold the password until that moment.
 */
async function recordSuccess({ env, now }: FlowContext, user: User, key: string): Promise<void> {
  const db = userDatabase(env, user.id);
  const throttles = emailDatabase(env, key);
  await batchByDatabase([
    [db, [recordSignInStatement(db, user.id, isoTime(now))]],
    [throttles, clearThrottleStatements(throttles, key)],
  ]);
}
