/**
 * Sign-in: throttled per email (known or not), one password hash whatever the outcome, and the session
 * created inside the user's registry so it is serialised with password resets (invariant 4). A wrong
 * password already counted for this email counts once (invariant 12): client retries and a retyped typo
 * do not walk a person into the lock.
 */
import { signInAttemptMark } from "../core/attempt-mark";
import { clientNetwork } from "../core/client-info";
import { deviceClaim, issueDeviceToken } from "../core/device-token";
import { emailKey, normalizeEmail } from "../core/email-address";
import { hashPassword, spendPasswordCheck, verifyPassword } from "../core/password-hash";
import { generateSecret } from "../core/secrets";
import { DAY_MS, isoTime, MINUTE_MS, SECOND_MS } from "../core/time";
import { sessionRegistry } from "../durable/session-registry";
import { auditEventStatement } from "../storage/audit";
import {
  type AttemptScopes,
  clearThrottleStatements,
  type DailyCap,
  type LockSchedule,
  recordFailure,
  releaseAttempt,
  type SignInAttempt,
  startSignInAttempt,
} from "../storage/sign-in-throttle";
import { recordSignInStatement, type User, upgradePasswordHash } from "../storage/users";
import type { FlowContext } from "./context";
import { signOut } from "./sessions";

/** Answer to an attempt made while another attempt on the same email is still being checked. */
const BUSY_RETRY_MS = SECOND_MS;
/** Four free failures, then 5, 10 … 25 minutes (Contentstack's schedule, without its permanent lock). */
const LOCK_SCHEDULE: LockSchedule = { free: 4, stepMs: 5 * MINUTE_MS, maxMs: 25 * MINUTE_MS };
/** The credential version a failure on an unknown email is marked with. */
const NO_ACCOUNT = -1;
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
  const admitted = await admit(ctx, credentials, options.deviceToken);
  if (!admitted.ok) return admitted.refusal;
  const { user, failedBefore, trusted, key, scopes, attemptId, mark } = admitted;

  // This exact password already failed for this email, against the password it has now: not a new guess. A
  // quick repeat (a client's retry) is answered from the mark; a later one is hashed as usual, so its timing
  // says nothing. Counted neither way. A mark from before a password change (or the account) proves nothing.
  const version = user?.credentialVersion ?? NO_ACCOUNT;
  if (failedBefore !== null && failedBefore.credentialVersion === version) {
    if (now - failedBefore.at > RETRY_WINDOW_MS) await spendPasswordCheck(credentials.password, config.pepper);
    await releaseAttempt(env.DB, key, scopes.slotScope, attemptId);
    return { ok: false, reason: "invalid_credentials" };
  }

  const failure = { ...scopes, countScope: trusted ? scopes.slotScope : scopes.networkScope, attemptId, trusted };
  const refusal = { failure, mark: { mark, credentialVersion: version } };
  // Known and unknown emails take the same steps from here to a refusal: one hash, one counter update,
  // one audit row (for an unknown email it has no user and names the email's key).
  const check = await checkCredentials(ctx, user, credentials.password);
  if (user === null || !check.valid) return refuse(ctx, user, refusal);

  // The session and the success's D1 batch at once: the person waits for one step, not two.
  const [created] = await Promise.all([
    sessionRegistry(env, user.id).createSession(user.id, user.credentialVersion, ctx.client, now),
    recordSuccess(ctx, user, key),
  ]);
  // The password was changed between our read and the session: the verified password is no longer valid.
  if (!created.ok) return refuse(ctx, user, refusal);
  ctx.defer(auditEventStatement(env.DB, user.id, "sign_in", ctx.client, isoTime(now)).run());
  if (check.needsRehash) {
    const upgrade = hashPassword(credentials.password, config.pepper);
    ctx.defer(upgrade.then((hash) => upgradePasswordHash(env.DB, user.id, user.passwordHash, hash)));
  }
  if (options.replacing !== undefined) ctx.defer(signOut(ctx, options.replacing).catch(() => undefined));
  const deviceToken =
    trusted && options.deviceToken !== undefined
      ? options.deviceToken
      : issueDeviceToken(config.pepper, key, user.credentialVersion);
  return { ok: true, user, token: created.token, deviceToken };
}

/** An attempt past the locks, holding its scope's slot. */
interface Admitted {
  ok: true;
  user: User | null;
  failedBefore: SignInAttempt["failedBefore"];
  trusted: boolean;
  key: string;
  scopes: AttemptScopes;
  attemptId: string;
  mark: string;
}

/**
 * The attempt's scope (a current device token's, else its network's), its one D1 round trip, and the locks
 * that apply: a trusted device meets only its own; anyone else its network's and the email's daily cap.
 */
async function admit(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  deviceToken: string | undefined,
): Promise<Admitted | { ok: false; refusal: SignInRefusal }> {
  const { env, config, now } = ctx;
  const email = normalizeEmail(credentials.email);
  const key = emailKey(email);
  const claim = deviceClaim(config.pepper, key, deviceToken);
  const networkScope = `net:${clientNetwork(ctx.client.ip)}`;
  const scopes = { emailKey: key, slotScope: claim?.scope ?? networkScope, networkScope };
  const mark = signInAttemptMark(config.pepper, key, credentials.password);
  const attemptId = generateSecret(12);
  const attempt = await startSignInAttempt(env.DB, { ...scopes, email, attemptId, mark }, now);
  const { user } = attempt;
  // Trust holds only for a token issued at the account's current password: a reset voids every device token.
  const trusted = claim !== null && user !== null && claim.credentialVersion === user.credentialVersion;
  const lockedUntil = trusted
    ? attempt.slotLockedUntil
    : Math.max(attempt.slotLockedUntil, attempt.networkLockedUntil, attempt.capLockedUntil);
  if (lockedUntil > now) {
    if (attempt.acquired) await releaseAttempt(env.DB, key, scopes.slotScope, attemptId);
    return { ok: false, refusal: { ok: false, reason: "locked", retryAfterMs: lockedUntil - now } };
  }
  // Another attempt in this scope is being checked: parallel guesses wait their turn behind the lock check.
  if (!attempt.acquired) return { ok: false, refusal: { ok: false, reason: "locked", retryAfterMs: BUSY_RETRY_MS } };
  return { ok: true, user, failedBefore: attempt.failedBefore, trusted, key, scopes, attemptId, mark };
}

/** One PBKDF2 derivation whether or not the account exists. */
async function checkCredentials({ config }: FlowContext, user: User | null, password: string) {
  if (user !== null) return verifyPassword(password, user.passwordHash, config.pepper);
  await spendPasswordCheck(password, config.pepper);
  return { valid: false, needsRehash: false };
}

/** A new failure: counted (locking per the schedule), marked, and audited after the response. */
async function refuse(
  { env, client, now, defer }: FlowContext,
  user: User | null,
  { failure, mark }: { failure: Parameters<typeof recordFailure>[1]; mark: Parameters<typeof recordFailure>[2] },
) {
  await recordFailure(env.DB, failure, mark, now, { schedule: LOCK_SCHEDULE, cap: DAILY_CAP });
  const detail = user === null ? `no account: ${failure.emailKey.slice(0, 16)}` : null;
  defer(auditEventStatement(env.DB, user?.id ?? null, "sign_in_failed", client, isoTime(now), detail).run());
  return { ok: false, reason: "invalid_credentials" } as const;
}

/**
 * Last login, and the throttle and its marks cleared, in one batch, run beside createSession. Awaited, not
 * deferred: it frees the email's attempt slot, so the person's next sign-in is never "busy". In the rare
 * race where a reset then refuses the session, the failure is counted after this batch (Promise.all has
 * settled it), and what was cleared was cleared for someone who did hold the password until that moment.
 */
async function recordSuccess({ env, now }: FlowContext, user: User, key: string): Promise<void> {
  await env.DB.batch([recordSignInStatement(env.DB, user.id, isoTime(now)), ...clearThrottleStatements(env.DB, key)]);
}
