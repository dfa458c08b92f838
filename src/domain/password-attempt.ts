/**
 * A throttled password check, shared by sign-in and the password change on /account: the attempt admitted
 * (its scope, trust and reserved daily cap in one D1 round trip: password-attempt-admit.ts), and one PBKDF2
 * derivation whatever the outcome (none for a client's quick retry of a counted failure).
 * Failures count per scope and once per password (invariant 12); known and unknown emails take the same
 * steps to a refusal (invariant 5).
 */
import { spendPasswordCheck, verifyPassword } from "../core/password-hash";
import { isoTime, SECOND_MS } from "../core/time";
import { auditEventStatement } from "../storage/audit";
import { emailDatabase } from "../storage/shard-databases";
import { recordFailure, releaseAttempt } from "../storage/sign-in-throttle";
import { clearThrottleStatements } from "../storage/sign-in-throttle-upkeep";
import type { User } from "../storage/users";
import { type BotCheck, type ChallengeRefusal, checkChallenge } from "./bot-check";
import type { FlowContext } from "./context";
import { type AdmitOptions, admit, DAILY_CAP, LOCK_SCHEDULE, type SignInRefusal } from "./password-attempt-admit";
import { emitWebhookEvent } from "./webhook-events";

export type { SignInRefusal } from "./password-attempt-admit";

/** The credential version a failure on an unknown email is marked with. */
const NO_ACCOUNT = -1;
/** A repeat of a counted failure this soon is a client's retry: answered from the mark, without a hash. */
const RETRY_WINDOW_MS = 10 * SECOND_MS;

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
  /** As admit's: the client is no stranger to the account (no new-device notice). */
  familiar: boolean;
  /** The email's key: the throttle's and the device token's. */
  key: string;
  asFailure: FailureRecord;
}

/**
 * Checks `credentials` under the sign-in throttle. A wrong password is counted and audited; a right one
 * leaves the attempt's slot (and reservation) taken: the caller clears the throttle with its own write.
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
  options?: AdmitOptions,
): Promise<VerifiedAttempt | SignInRefusal | ChallengeRefusal>;
export async function verifyThrottled(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  deviceToken: string | undefined,
  botCheck?: BotCheck,
  options: AdmitOptions = {},
): Promise<VerifiedAttempt | SignInRefusal | ChallengeRefusal> {
  const { env, config, now } = ctx;
  const admitted = await admit(ctx, credentials, deviceToken, options);
  if (!admitted.ok) return admitted.refusal;
  const { user, failedBefore, trusted, familiar, key, scopes, attemptId, reserved, mark, capSpent } = admitted;
  const hold = { ...scopes, attemptId, reserved };
  // Before the password: a challenge not passed frees the slot, gives the reservation back, counts nothing.
  const challenge = await checkChallenge(ctx, botCheck, { trusted, capSpent, capMax: DAILY_CAP.max });
  if (challenge !== null) {
    await releaseAttempt(emailDatabase(env, key), hold);
    return challenge;
  }

  // This exact password already failed for this email, against the password it has now: not a new guess. A
  // quick repeat (a client's retry) is answered from the mark; a later one is hashed as usual, so its timing
  // says nothing. Counted neither way. A mark from before a password change (or the account) proves nothing.
  const version = user?.credentialVersion ?? NO_ACCOUNT;
  if (failedBefore !== null && failedBefore.credentialVersion === version) {
    if (now - failedBefore.at > RETRY_WINDOW_MS) await spendPasswordCheck(credentials.password, config.pepper);
    await releaseAttempt(emailDatabase(env, key), hold);
    return { ok: false, reason: "invalid_credentials" };
  }

  const failure = { ...hold, countScope: trusted ? scopes.slotScope : scopes.networkScope, trusted };
  const asFailure = { failure, mark: { mark, credentialVersion: version } };
  // Known and unknown emails take the same steps from here to a refusal: one hash, and one batch with the
  // counter update and the audit row (for an unknown email it has no user and names the email's key).
  const check = await checkCredentials(ctx, user, credentials.password);
  if (user === null || !check.valid) return recordFailedAttempt(ctx, user, asFailure);
  return { ok: true, user, needsRehash: check.needsRehash, trusted, familiar, key, asFailure };
}

/**
 * A right password's throttle cleared and its attempt's slot freed, for a caller with no D1 write of its
 * own to batch it with (sign-in's does: sign-in.ts).
 */
export function clearAttempts(ctx: FlowContext, verified: VerifiedAttempt): Promise<unknown> {
  const throttles = emailDatabase(ctx.env, verified.key);
  return throttles.batch(clearThrottleStatements(throttles, verified.key, successClearing(ctx, verified)));
}

/** How a success clears the throttle: the count starts again, and its own reservation goes back. */
export function successClearing({ now }: FlowContext, verified: VerifiedAttempt) {
  return { now, givesBack: verified.asFailure.failure.reserved };
}

/** One PBKDF2 derivation whether or not the account exists. */
async function checkCredentials({ config }: FlowContext, user: User | null, password: string) {
  if (user !== null) return verifyPassword(password, user.passwordHash, config.pepper);
  await spendPasswordCheck(password, config.pepper);
  return { valid: false, needsRehash: false };
}

/**
 * A new failure: counted (locking per the schedule), marked, and audited, in one batch at the email's
 * placement. Known and unknown emails make the same storage call, awaited the same way (invariant 5): the
 * audit row of a known account goes beside the throttle that counted it, not to the account's own shard
 * (issue 30 item 7), and is written whatever the outcome's timing.
 */
export async function recordFailedAttempt(
  ctx: FlowContext,
  user: User | null,
  { failure, mark }: FailureRecord,
): Promise<SignInRefusal> {
  const { env, client, now } = ctx;
  const throttles = emailDatabase(env, failure.emailKey);
  const detail = user === null ? `no account: ${failure.emailKey.slice(0, 16)}` : null;
  const audit = auditEventStatement(throttles, user?.id ?? null, "sign_in_failed", client, isoTime(now), detail);
  const lockedUntil = await recordFailure(throttles, failure, mark, now, { schedule: LOCK_SCHEDULE, cap: DAILY_CAP }, [
    audit,
  ]);
  // After the response, like every event: known and unknown emails wait for the same storage call (invariant 5).
  if (lockedUntil !== null && user !== null) {
    const until = isoTime(lockedUntil);
    emitWebhookEvent(ctx, "sign_in.locked", { user_id: user.id, factor: "password", until });
  }
  return { ok: false, reason: "invalid_credentials" } as const;
}
