import { deviceClaim } from "../core/device-token";
import { emailKey } from "../core/email-address";
import { hashPassword } from "../core/password-hash";
import { userDatabase } from "../storage/shard-databases";
import { findUserById, type User, upgradePasswordHash } from "../storage/users";
import type { BotCheck, ChallengeRefusal } from "./bot-check";
import type { FlowContext } from "./context";
import { networkKnown } from "./new-device";
import { type PasskeyProof, usePasskeyFactor } from "./passkeys";
import {
  clearAttempts,
  recordFailedAttempt,
  type SignInRefusal,
  successClearing,
  verifyThrottled,
} from "./password-attempt";
import { startSession } from "./sign-in-session";
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
  /** A page sign-in: a browser and network new to the account is emailed to the owner (new-device.ts). */
  noticeNewDevice?: boolean;
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
  const familiar = options.noticeNewDevice !== true || verified.familiar;
  const session = await startSession(ctx, user, key, { ...options, trusted, givesBack, familiar });
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
  proof: string | PasskeyProof,
  options: Pick<SignInOptions, "replacing" | "deviceToken" | "noticeNewDevice"> = {},
): Promise<SignInResult | { ok: false; reason: "second_factor_expired" }> {
  const user = await findUserById(userDatabase(ctx.env, pending.userId), pending.userId);
  // The password changed since (or two-factor went off, or the account is gone): start again.
  if (user === null || user.credentialVersion !== pending.credentialVersion || !asksSecondFactor(user)) {
    return { ok: false, reason: "second_factor_expired" };
  }
  const key = emailKey(user.email);
  const claim = deviceClaim(ctx.config.pepper, key, options.deviceToken);
  const asksNetwork = options.noticeNewDevice === true && claim === null;
  const [factor, known] = await Promise.all([
    typeof proof === "string"
      ? useSecondFactor(ctx, user, proof, "sign_in")
      : usePasskeyFactor(ctx, user.id, proof, "second_factor"),
    asksNetwork ? networkKnown(ctx, key) : true,
  ]);
  if (!factor.ok) return factor;
  const trusted = claim !== null && claim.credentialVersion === user.credentialVersion;
  const method = typeof proof === "string" ? "password_code" : "password_passkey";
  const session = await startSession(ctx, user, key, {
    ...options,
    trusted,
    givesBack: false,
    familiar: known,
    method,
  });
  if (session.ok) return session;
  return { ok: false, reason: session.reason === "reset_required" ? "reset_required" : "second_factor_expired" };
}
