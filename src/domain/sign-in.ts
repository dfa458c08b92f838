/**
 * Sign-in: throttled per email (known or not), one password hash whatever the outcome, and the session
 * created inside the user's registry so it is serialised with password resets (invariant 4). A wrong
 * password already counted for this email counts once (invariant 12): client retries and a retyped typo
 * do not walk a person into the lock.
 */
import { clientNetwork } from "../core/client-info";
import { deviceClaim, issueDeviceToken } from "../core/device-token";
import { emailKey } from "../core/email-address";
import { hashPassword } from "../core/password-hash";
import { isoTime } from "../core/time";
import { sessionRegistry } from "../durable/session-registry";
import { batchByDatabase, emailDatabase, userDatabase } from "../storage/shard-databases";
import { recordKnownNetworkStatement } from "../storage/sign-in-cap";
import { clearThrottleStatements } from "../storage/sign-in-throttle-upkeep";
import { findUserById, recordSignInStatement, type User, upgradePasswordHash } from "../storage/users";
import { auditLater } from "./audit-trail";
import type { BotCheck, ChallengeRefusal } from "./bot-check";
import type { FlowContext } from "./context";
import {
  clearAttempts,
  recordFailedAttempt,
  type SignInRefusal,
  successClearing,
  verifyThrottled,
} from "./password-attempt";
import { signOut } from "./sessions";
import { asksSecondFactor, type SecondFactorRefusal, useSecondFactor } from "./two-factor";

export { lockDurationMs, type SignInRefusal } from "./password-attempt";

/** The right password, but a lock-down ("this wasn't me", a revert) asks for a reset first: not a failure. */
export type ResetRequired = { ok: false; reason: "reset_required" };

/** On success, `deviceToken` is this browser's device token for the account (new, or the one it sent). */
export type SignInResult =
  | { ok: true; user: User; token: string; deviceToken: string }
  | SignInRefusal
  | ResetRequired
  | SecondFactorRefusal
  | { ok: false; reason: "second_factor_pending"; user: User };

export interface SignInOptions {
  /** A session the client already holds: it is ended after success (rotation). */
  replacing?: string | undefined;
  deviceToken?: string | undefined;
  /** The second factor, for an account that has two-factor sign-in on (the API's tfa_token). */
  secondFactor?: string | undefined;
  /** Pages: a right password on such an account answers "pending", and the code is asked on a page of its own. */
  askSecondFactorLater?: boolean;
  /** A page sign-in form: the bot challenge applies to it (bot-check.ts); never given by the API. */
  botCheck?: BotCheck;
  /**
   * The API: a network the account signed in from in the last 30 days is trusted like a device (SDKs and
   * CLIs carry no device cookie), so strangers spending the daily cap cannot lock them out.
   */
  trustKnownNetwork?: boolean;
}

/**
 * Verifies the credentials and creates a session; refusals are the same for unknown emails (invariant 5).
 * Failures count per scope (invariant 12): a browser presenting a device token for this account at its
 * current credential version is judged on its own failures; any other client on its network's, and all of
 * them together on the email's daily cap. An account with two-factor on also needs its second factor
 * (two-factor.ts): asked only once the password is right, so it reveals nothing about other accounts.
 */
export async function signIn(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  options: SignInOptions & { botCheck: BotCheck },
): Promise<SignInResult | ChallengeRefusal>;
export async function signIn(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  options?: Omit<SignInOptions, "botCheck">,
): Promise<SignInResult>;
export async function signIn(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  options: SignInOptions = {},
): Promise<SignInResult | ChallengeRefusal> {
  const verified = await verifyThrottled(ctx, credentials, options.deviceToken, options.botCheck, {
    trustKnownNetwork: options.trustKnownNetwork === true,
  });
  if (!verified.ok) return verified;
  const { user, trusted, key } = verified;
  if (asksSecondFactor(user)) {
    // The password was right: its throttle is cleared and the attempt's slot freed, whatever the code says,
    // beside the code's check (one step, not two).
    const cleared = clearAttempts(ctx, verified);
    if (options.askSecondFactorLater) {
      await cleared;
      return { ok: false, reason: "second_factor_pending", user };
    }
    const [, factor] = await Promise.all([cleared, useSecondFactor(ctx, user, options.secondFactor, "sign_in")]);
    if (!factor.ok) return factor;
  }
  // With two-factor on, clearAttempts gave the reservation back already.
  const givesBack = !asksSecondFactor(user) && successClearing(ctx, verified).givesBack;
  const session = await startSession(ctx, user, key, { ...options, trusted, givesBack });
  if (!session.ok && session.reason === "reset_required") return { ok: false, reason: "reset_required" };
  if (!session.ok) return recordFailedAttempt(ctx, user, verified.asFailure);
  if (verified.needsRehash) {
    const upgrade = hashPassword(credentials.password, ctx.config.pepper);
    const db = userDatabase(ctx.env, user.id);
    ctx.defer(upgrade.then((hash) => upgradePasswordHash(db, user.id, user.passwordHash, hash)));
  }
  return session;
}

/**
 * The second step of a page sign-in: the account whose password this browser proved (its pending cookie,
 * at credential version `credentialVersion`), and the code typed now.
 */
export async function completeSecondFactorSignIn(
  ctx: FlowContext,
  pending: { userId: string; credentialVersion: number },
  code: string,
  options: Pick<SignInOptions, "replacing" | "deviceToken"> = {},
): Promise<SignInResult | { ok: false; reason: "second_factor_expired" }> {
  const user = await findUserById(userDatabase(ctx.env, pending.userId), pending.userId);
  // The password changed since (or two-factor went off, or the account is gone): start again.
  if (user === null || user.credentialVersion !== pending.credentialVersion || !asksSecondFactor(user)) {
    return { ok: false, reason: "second_factor_expired" };
  }
  const factor = await useSecondFactor(ctx, user, code, "sign_in");
  if (!factor.ok) return factor;
  const key = emailKey(user.email);
  const claim = deviceClaim(ctx.config.pepper, key, options.deviceToken);
  const trusted = claim !== null && claim.credentialVersion === user.credentialVersion;
  const session = await startSession(ctx, user, key, { ...options, trusted, givesBack: false });
  if (session.ok) return session;
  return { ok: false, reason: session.reason === "reset_required" ? "reset_required" : "second_factor_expired" };
}

/** The session, and what comes with it: last login and throttle cleared, audit, rotation, device token. */
async function startSession(
  ctx: FlowContext,
  user: User,
  key: string,
  options: Pick<SignInOptions, "replacing" | "deviceToken"> & { trusted: boolean; givesBack: boolean },
): Promise<
  | { ok: true; user: User; token: string; deviceToken: string }
  | { ok: false; reason: "stale_credentials" | "reset_required" }
> {
  const { env, now } = ctx;
  // The session and the success's D1 batch at once: the person waits for one step, not two.
  const [created] = await Promise.all([
    sessionRegistry(env, user.id).createSession(user.id, user.credentialVersion, ctx.client, now),
    recordSuccess(ctx, user, key, { givesBack: options.givesBack }),
  ]);
  // The password was changed between our read and the session (the verified password is no longer valid),
  // or a lock-down holds every sign-in until a reset.
  if (!created.ok) return { ok: false, reason: created.reason };
  auditLater(ctx, user.id, "sign_in");
  if (options.replacing !== undefined) ctx.defer(signOut(ctx, options.replacing).catch(() => undefined));
  const deviceToken =
    options.trusted && options.deviceToken !== undefined
      ? options.deviceToken
      : issueDeviceToken(ctx.config.pepper, key, user.credentialVersion);
  return { ok: true, user, token: created.token, deviceToken };
}

/**
 * Last login, the throttle and its marks cleared (the attempt's reservation given back when `givesBack`),
 * and the client's network known for 30 days, in one batch, run beside createSession. Awaited, not
 * deferred: it frees the email's attempt slot, so the person's next sign-in is never "busy". In the rare
 * race where a reset then refuses the session, the failure is counted after this batch (Promise.all has
 * settled it), and what was cleared was cleared for someone who did hold the password until that moment.
 */
async function recordSuccess(
  ctx: FlowContext,
  user: User,
  key: string,
  { givesBack }: { givesBack: boolean },
): Promise<void> {
  const { env, now } = ctx;
  const db = userDatabase(env, user.id);
  const throttles = emailDatabase(env, key);
  const network = clientNetwork(ctx.client.ip);
  await batchByDatabase([
    [db, [recordSignInStatement(db, user.id, isoTime(now))]],
    [
      throttles,
      [
        ...clearThrottleStatements(throttles, key, { now, givesBack }),
        recordKnownNetworkStatement(throttles, key, network, now),
      ],
    ],
  ]);
}
