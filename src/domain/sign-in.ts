/**
 * Sign-in: throttled per email (known or not), one password hash whatever the outcome, and the session
 * created inside the user's registry so it is serialised with password resets (invariant 4). A wrong
 * password already counted for this email counts once (invariant 12): client retries and a retyped typo
 * do not walk a person into the lock.
 */
import { signInAttemptMark } from "../core/attempt-mark";
import { clientNetwork } from "../core/client-info";
import { deviceScope, issueDeviceToken } from "../core/device-token";
import { emailKey, normalizeEmail } from "../core/email-address";
import { hashPassword, spendPasswordCheck, verifyPassword } from "../core/password-hash";
import { generateSecret } from "../core/secrets";
import { DAY_MS, isoTime, MINUTE_MS, SECOND_MS } from "../core/time";
import { sessionRegistry } from "../durable/session-registry";
import { auditEventStatement } from "../storage/audit";
import {
  type AttemptScope,
  clearThrottleStatements,
  type DailyCap,
  type LockSchedule,
  recordFailure,
  releaseAttempt,
  startSignInAttempt,
} from "../storage/sign-in-throttle";
import { recordSignInStatement, type User, upgradePasswordHash } from "../storage/users";
import type { FlowContext } from "./context";
import { signOut } from "./sessions";

/** Answer to an attempt made while another attempt on the same email is still being checked. */
const BUSY_RETRY_MS = SECOND_MS;
/** Four free failures, then 5, 10 … 25 minutes (Contentstack's schedule, without its permanent lock). */
const LOCK_SCHEDULE: LockSchedule = { free: 4, stepMs: 5 * MINUTE_MS, maxMs: 25 * MINUTE_MS };
/** A repeat of a counted failure this soon is a client's retry: answered from the mark, without a hash. */
const RETRY_WINDOW_MS = 10 * SECOND_MS;

export type SignInRefusal =
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

/** On success, `deviceToken` is this browser's device token for the account (new, or the one it sent). */
export type SignInResult = { ok: true; user: User; token: string; deviceToken: string } | SignInRefusal;

/** Untrusted clients of one email together: at most 100 counted failures a day (NIST SP 800-63B's ceiling). */
const DAILY_CAP: DailyCap = { max: 100, windowMs: DAY_MS };

/** How long an email is locked after its `failures`-th consecutive counted failure; never permanent. */
export function lockDurationMs(failures: number): number {
  if (failures <= LOCK_SCHEDULE.free) return 0;
  return Math.min((failures - LOCK_SCHEDULE.free) * LOCK_SCHEDULE.stepMs, LOCK_SCHEDULE.maxMs);
}

/**
 * Verifies the credentials and creates a session; refusals are the same for unknown emails (invariant 5).
 * Failures count per scope (invariant 12): a browser presenting a valid device token for this account is
 * judged on its own failures; any other client on its network's, and all of them together on the email's
 * daily cap. `replacing` is a session the client already holds: it is ended after success (rotation).
 */
export async function signIn(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  options: { replacing?: string | undefined; deviceToken?: string | undefined } = {},
): Promise<SignInResult> {
  const { env, config, now } = ctx;
  const email = normalizeEmail(credentials.email);
  const key = emailKey(email);
  const device = deviceScope(config.pepper, key, options.deviceToken);
  const scope: AttemptScope = {
    emailKey: key,
    scope: device ?? `net:${clientNetwork(ctx.client.ip)}`,
    trusted: device !== null,
  };
  const mark = signInAttemptMark(config.pepper, key, credentials.password);
  const attemptId = generateSecret(12);
  const attempt = await startSignInAttempt(env.DB, { ...scope, email, attemptId, mark }, now);
  if (attempt.lockedUntil > now) return { ok: false, reason: "locked", retryAfterMs: attempt.lockedUntil - now };
  // Another attempt in this scope is being checked: parallel guesses wait their turn behind the lock check.
  if (!attempt.acquired) return { ok: false, reason: "locked", retryAfterMs: BUSY_RETRY_MS };
  const { user, failedBeforeAt } = attempt;

  // This exact password already failed for this email: not a new guess. A quick repeat (a client's retry) is
  // answered from the mark; a later one is hashed as usual, so its timing says nothing. Counted neither way.
  if (failedBeforeAt !== null) {
    if (now - failedBeforeAt > RETRY_WINDOW_MS) await spendPasswordCheck(credentials.password, config.pepper);
    await releaseAttempt(env.DB, scope, attemptId);
    return { ok: false, reason: "invalid_credentials" };
  }

  // Known and unknown emails take the same steps from here to a refusal: one hash, one counter update,
  // one audit row (for an unknown email it has no user and names the email's key).
  const check = await checkCredentials(ctx, user, credentials.password);
  if (user === null || !check.valid) return refuse(ctx, user, scope, mark);

  const created = await sessionRegistry(env, user.id).createSession(user.id, user.credentialVersion, ctx.client, now);
  // The password was changed between our read and the session: the verified password is no longer valid.
  if (!created.ok) return refuse(ctx, user, scope, mark);

  await recordSuccess(ctx, user, key);
  if (check.needsRehash) {
    const upgrade = hashPassword(credentials.password, config.pepper);
    ctx.defer(upgrade.then((hash) => upgradePasswordHash(env.DB, user.id, user.passwordHash, hash)));
  }
  if (options.replacing !== undefined) ctx.defer(signOut(ctx, options.replacing).catch(() => undefined));
  const deviceToken =
    device !== null && options.deviceToken !== undefined ? options.deviceToken : issueDeviceToken(config.pepper, key);
  return { ok: true, user, token: created.token, deviceToken };
}

/** One PBKDF2 derivation whether or not the account exists. */
async function checkCredentials({ config }: FlowContext, user: User | null, password: string) {
  if (user !== null) return verifyPassword(password, user.passwordHash, config.pepper);
  await spendPasswordCheck(password, config.pepper);
  return { valid: false, needsRehash: false };
}

/** A new failure: counted (locking per the schedule), marked, and audited after the response. */
async function refuse({ env, client, now, defer }: FlowContext, user: User | null, scope: AttemptScope, mark: string) {
  await recordFailure(env.DB, { ...scope, mark }, now, { schedule: LOCK_SCHEDULE, cap: DAILY_CAP });
  const detail = user === null ? `no account: ${scope.emailKey.slice(0, 16)}` : null;
  defer(auditEventStatement(env.DB, user?.id ?? null, "sign_in_failed", client, isoTime(now), detail).run());
  return { ok: false, reason: "invalid_credentials" } as const;
}

/** Last login, the audit row, and the throttle and its marks cleared, in one batch. */
async function recordSuccess({ env, client, now }: FlowContext, user: User, key: string): Promise<void> {
  // Awaited, not deferred: it frees the email's attempt slot, so the person's next sign-in is never "busy".
  await env.DB.batch([
    recordSignInStatement(env.DB, user.id, isoTime(now)),
    auditEventStatement(env.DB, user.id, "sign_in", client, isoTime(now)),
    ...clearThrottleStatements(env.DB, key),
  ]);
}
