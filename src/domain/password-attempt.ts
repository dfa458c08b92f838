/**
 * A throttled password check, shared by sign-in and the password change on /account: the attempt's scope
 * (a current device token's, else the client's network), its one D1 round trip, the locks that apply, and
 * one PBKDF2 derivation whatever the outcome (none for a client's quick retry of a counted failure).
 * Failures count per scope and once per password (invariant 12); known and unknown emails take the same
 * steps to a refusal (invariant 5).
 */
import { signInAttemptMark } from "../core/attempt-mark";
import { clientNetwork } from "../core/client-info";
import { deviceClaim } from "../core/device-token";
import { emailKey, normalizeEmail } from "../core/email-address";
import { spendPasswordCheck, verifyPassword } from "../core/password-hash";
import { generateSecret } from "../core/secrets";
import { DAY_MS, isoTime, MINUTE_MS, SECOND_MS } from "../core/time";
import { auditEventStatement } from "../storage/audit";
import { emailCandidateDatabases, emailDatabase, userDatabase } from "../storage/shard-databases";
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
import { findUserByEmailIn, type User } from "../storage/users";
import { type BotCheck, type ChallengeRefusal, checkChallenge } from "./bot-check";
import type { FlowContext } from "./context";

/** Answer to an attempt made while another attempt on the same email is still being checked. */
const BUSY_RETRY_MS = SECOND_MS;
/** Four free failures, then 5, 10 … 25 minutes (Contentstack's schedule, without its permanent lock). */
const LOCK_SCHEDULE: LockSchedule = { free: 4, stepMs: 5 * MINUTE_MS, maxMs: 25 * MINUTE_MS };
/** The credential version a failure on an unknown email is marked with. */
const NO_ACCOUNT = -1;
/** A repeat of a counted failure this soon is a client's retry: answered from the mark, without a hash. */
const RETRY_WINDOW_MS = 10 * SECOND_MS;
/** Untrusted clients of one email together: at most 100 counted failures a day (NIST SP 800-63B's ceiling). */
const DAILY_CAP: DailyCap = { max: 100, windowMs: DAY_MS };

export type SignInRefusal =
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

/** How long an email is locked after its `failures`-th consecutive counted failure; never permanent. */
export function lockDurationMs(failures: number): number {
  if (failures <= LOCK_SCHEDULE.free) return 0;
  return Math.min((failures - LOCK_SCHEDULE.free) * LOCK_SCHEDULE.stepMs, LOCK_SCHEDULE.maxMs);
}

/** How to count this attempt as a failure, if it turns out to be one after all (a reset won the race). */
export interface FailureRecord {
  failure: Parameters<typeof recordFailure>[1];
  mark: Parameters<typeof recordFailure>[2];
}

/** A password that verified: the account, whether the client is a trusted device, and how to undo it. */
export interface VerifiedAttempt {
  ok: true;
  user: User;
  needsRehash: boolean;
  trusted: boolean;
  /** The email's key: the throttle's and the device token's. */
  key: string;
  asFailure: FailureRecord;
}

/**
 * Checks `credentials` under the sign-in throttle. A wrong password is counted (and audited after the
 * response); a right one leaves the attempt's slot taken: the caller clears the throttle with its own write.
 * With `botCheck` (a page sign-in form), the bot challenge is checked first where it applies (bot-check.ts).
 */
export async function verifyThrottled(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  deviceToken: string | undefined,
): Promise<VerifiedAttempt | SignInRefusal>;
export async function verifyThrottled(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  deviceToken: string | undefined,
  botCheck: BotCheck | undefined,
): Promise<VerifiedAttempt | SignInRefusal | ChallengeRefusal>;
export async function verifyThrottled(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  deviceToken: string | undefined,
  botCheck?: BotCheck,
): Promise<VerifiedAttempt | SignInRefusal | ChallengeRefusal> {
  const { env, config, now } = ctx;
  const admitted = await admit(ctx, credentials, deviceToken);
  if (!admitted.ok) return admitted.refusal;
  const { user, failedBefore, trusted, key, scopes, attemptId, mark, capSpent } = admitted;
  // Before the password: a challenge not passed frees the slot and counts no failure.
  const challenge = await checkChallenge(ctx, botCheck, { trusted, capSpent, capMax: DAILY_CAP.max });
  if (challenge !== null) {
    await releaseAttempt(emailDatabase(env, key), key, scopes.slotScope, attemptId);
    return challenge;
  }

  // This exact password already failed for this email, against the password it has now: not a new guess. A
  // quick repeat (a client's retry) is answered from the mark; a later one is hashed as usual, so its timing
  // says nothing. Counted neither way. A mark from before a password change (or the account) proves nothing.
  const version = user?.credentialVersion ?? NO_ACCOUNT;
  if (failedBefore !== null && failedBefore.credentialVersion === version) {
    if (now - failedBefore.at > RETRY_WINDOW_MS) await spendPasswordCheck(credentials.password, config.pepper);
    await releaseAttempt(emailDatabase(env, key), key, scopes.slotScope, attemptId);
    return { ok: false, reason: "invalid_credentials" };
  }

  const failure = { ...scopes, countScope: trusted ? scopes.slotScope : scopes.networkScope, attemptId, trusted };
  const asFailure = { failure, mark: { mark, credentialVersion: version } };
  // Known and unknown emails take the same steps from here to a refusal: one hash, one counter update,
  // one audit row (for an unknown email it has no user and names the email's key).
  const check = await checkCredentials(ctx, user, credentials.password);
  if (user === null || !check.valid) return recordFailedAttempt(ctx, user, asFailure);
  return { ok: true, user, needsRehash: check.needsRehash, trusted, key, asFailure };
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
  /** Untrusted failures counted in the email's current day window (0 once it has passed). */
  capSpent: number;
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
  // The throttle lives at the email's placement, which also holds its account unless an older generation
  // does: those shards are asked in the same step (core/shards.ts).
  const throttles = emailDatabase(env, key);
  const older = emailCandidateDatabases(env, key).filter((db) => db !== throttles);
  const [attempt, elsewhere] = await Promise.all([
    startSignInAttempt(throttles, { ...scopes, email, attemptId, mark }, now),
    older.length === 0 ? null : findUserByEmailIn(older, email).catch((error: unknown) => error as Error),
  ]);
  // An older shard that cannot be read fails the attempt, without leaving its slot taken for the next one.
  if (elsewhere instanceof Error) {
    if (attempt.acquired) await releaseAttempt(throttles, key, scopes.slotScope, attemptId);
    throw elsewhere;
  }
  const user = attempt.user ?? elsewhere;
  // Trust holds only for a token issued at the account's current password: a reset voids every device token.
  const trusted = claim !== null && user !== null && claim.credentialVersion === user.credentialVersion;
  const lockedUntil = trusted
    ? attempt.slotLockedUntil
    : Math.max(attempt.slotLockedUntil, attempt.networkLockedUntil, attempt.capLockedUntil);
  if (lockedUntil > now) {
    if (attempt.acquired) await releaseAttempt(throttles, key, scopes.slotScope, attemptId);
    return { ok: false, refusal: { ok: false, reason: "locked", retryAfterMs: lockedUntil - now } };
  }
  // Another attempt in this scope is being checked: parallel guesses wait their turn behind the lock check.
  if (!attempt.acquired) return { ok: false, refusal: { ok: false, reason: "locked", retryAfterMs: BUSY_RETRY_MS } };
  const capSpent = attempt.capWindowStart > now - DAILY_CAP.windowMs ? attempt.capFailures : 0;
  return { ok: true, user, failedBefore: attempt.failedBefore, trusted, key, scopes, attemptId, mark, capSpent };
}

/**
 * A right password's throttle cleared and its attempt's slot freed, for a caller with no D1 write of its
 * own to batch it with (sign-in's does: sign-in.ts).
 */
export function clearAttempts(env: Env, key: string): Promise<unknown> {
  const throttles = emailDatabase(env, key);
  return throttles.batch(clearThrottleStatements(throttles, key));
}

/** One PBKDF2 derivation whether or not the account exists. */
async function checkCredentials({ config }: FlowContext, user: User | null, password: string) {
  if (user !== null) return verifyPassword(password, user.passwordHash, config.pepper);
  await spendPasswordCheck(password, config.pepper);
  return { valid: false, needsRehash: false };
}

/** A new failure: counted (locking per the schedule), marked, and audited after the response. */
export async function recordFailedAttempt(
  { env, client, now, defer }: FlowContext,
  user: User | null,
  { failure, mark }: FailureRecord,
): Promise<SignInRefusal> {
  const throttles = emailDatabase(env, failure.emailKey);
  await recordFailure(throttles, failure, mark, now, { schedule: LOCK_SCHEDULE, cap: DAILY_CAP });
  const detail = user === null ? `no account: ${failure.emailKey.slice(0, 16)}` : null;
  const db = user === null ? throttles : userDatabase(env, user.id);
  defer(auditEventStatement(db, user?.id ?? null, "sign_in_failed", client, isoTime(now), detail).run());
  return { ok: false, reason: "invalid_credentials" } as const;
}
