/**
 * Forgot and reset password.
 *
 * Request: enqueue, nothing else. Nothing here depends on whether the account exists, so the answer and
 * its timing are the same for every email (invariant 5); the queue's consumer runs issueResetLink.
 *
 * Reset: the token names its user; that user's SessionRegistry checks the token, bumps the credential
 * version and revokes every session (beginReset); then D1's conditional write lets exactly one request win
 * (invariant 1), and completeCredentialChange voids every outstanding link (invariant 2).
 */
import { issueDeviceToken } from "../core/device-token";
import { emailKey, normalizeEmail } from "../core/email-address";
import { emailQueueFor } from "../core/email-queues";
import { hashPassword, verifyPassword } from "../core/password-hash";
import { parseResetToken } from "../core/password-reset-token";
import { generateSecret } from "../core/secrets";
import { type BeginResetResult, sessionRegistry } from "../durable/session-registry";
import type { Reader } from "../i18n/languages";
import type { User } from "../storage/users";
import type { FlowContext } from "./context";
import type { PasswordResetJob } from "./email-jobs";
import { beginPasskeyCheck, type PasskeyCheckOptions, type PasskeyProof, usePasskeyFactor } from "./passkeys";
import { checkPassword, type PasswordProblem, policyOptions } from "./password-policy";
import { locateResetToken, readResetLink } from "./password-reset-check";
import { earlierAttemptWon, finishPasswordChange, passwordChangedNotice, writeNewHash } from "./password-reset-steps";
import { unavailableOnError } from "./storage-unavailable";
import { asksSecondFactor, type SecondFactorRefusal, useSecondFactor } from "./two-factor";

/**
 * Queues a reset email for whoever owns `email`, if anyone; in the `reader`'s language and zone when asked
 * from a page, else in the account's own language.
 */
export async function requestPasswordReset(
  { env, client, now }: FlowContext,
  email: string,
  reader?: Reader,
): Promise<void> {
  const job: PasswordResetJob = {
    kind: "password_reset",
    requestId: generateSecret(16),
    email: normalizeEmail(email),
    requestedAt: now,
    ip: client.ip,
    userAgent: client.userAgent,
    ...(reader === undefined ? {} : { language: reader.language }),
    ...(reader?.timeZone === undefined ? {} : { timeZone: reader.timeZone }),
  };
  // One address's requests share a queue (and its order), however many queues there are.
  await emailQueueFor(env, emailKey(job.email)).send(job, { contentType: "json" });
}

export interface ResetInput {
  token: string;
  password: string;
  passwordConfirmation: string;
  /**
   * For an account with two-factor on: its code or a recovery code (the API's tfa_token), or `PROVEN` when
   * the page already checked it for this link (proveSecondFactorForReset). A reset never turns two-factor off.
   */
  secondFactor?: string | typeof PROVEN | undefined;
}

/** A second factor the reset page already checked for this very link. */
export const PROVEN = Symbol("second factor proven");

/** Why a reset was refused. Token reasons are deliberately one public message (invalid = expired = used). */
export type ResetRefusal =
  | { ok: false; reason: "token_invalid" }
  | { ok: false; reason: "password_mismatch" }
  | { ok: false; reason: "password_rejected"; problem: PasswordProblem };

/**
 * On success, `deviceToken` is a device token at the new credential version for the browser that reset:
 * it proved it reads the mailbox, so strangers' failures must not lock it out (issue 30, invariant 12).
 */
export type ResetResult = { ok: true; deviceToken: string } | ResetRefusal | SecondFactorRefusal;

/**
 * Replaces the password through a reset token, revoking every session of the user (invariant 4). The
 * person waits for three storage steps: D1 and the registry read at once, beginReset, the D1 write. The
 * registry's completion, the notice and the audit rows follow after the response (each step is safe to
 * lose: the next use of any link finishes a pending reset from D1's version, invariant 10).
 */
export async function resetPassword(ctx: FlowContext, input: ResetInput): Promise<ResetResult> {
  const { env, config, now } = ctx;
  if (parseResetToken(input.token) === null) return { ok: false, reason: "token_invalid" };
  // A refused attempt must not use up the token: check the fields before touching the registry.
  if (input.password !== input.passwordConfirmation) return { ok: false, reason: "password_mismatch" };
  const found = await locateResetToken(env, input.token, now);
  if (found === null) return { ok: false, reason: "token_invalid" };
  const read = await unavailableOnError(() => readResetLink(env, found, now));
  if (read === null) return { ok: false, reason: "token_invalid" };
  const { user, fate } = read;
  // A used or superseded link must not buy a password hash (or a breach lookup).
  if (fate.fate === "committed") return finishCommitted(ctx, user, input.password);
  if (fate.fate !== "usable") return { ok: false, reason: "token_invalid" };

  const problem = await checkPassword(input.password, policyOptions(config, user.email));
  if (problem !== null) return { ok: false, reason: "password_rejected", problem };
  // After the policy (a rejected password does not waste a code), before the registry (a wrong code does not
  // use up the link).
  const typed = input.secondFactor;
  if (asksSecondFactor(user) && typed !== PROVEN) {
    // The registry unreachable: nothing changed, and the link still works (503, retry with the next code).
    const factor = await unavailableOnError(() => useSecondFactor(ctx, user, typed, "reset"));
    if (!factor.ok) return factor;
  }
  const newHash = await hashPassword(input.password, config.pepper);

  const registry = sessionRegistry(env, user.id);
  const begun = await unavailableOnError(
    async (): Promise<BeginResetResult> =>
      registry.beginReset(found.tokenHash, now, user.credentialVersion, passwordChangedNotice(ctx, user, "reset")),
  );
  if (!begun.ok) return { ok: false, reason: "token_invalid" };
  // If this fails, sessions are already revoked and the old password can no longer create any: safe to retry.
  const wrote = await writeNewHash(ctx, user, newHash, { version: begun.credentialVersion, via: "reset" });
  // No change: another request with this link won, or an earlier attempt of this one did (its reply was lost).
  const ours = wrote || (await earlierAttemptWon(ctx, user.id, begun.credentialVersion, input.password));
  ctx.defer(finishPasswordChange(ctx, user, { ours, version: begun.credentialVersion }));
  if (!ours) return { ok: false, reason: "token_invalid" };
  return { ok: true, deviceToken: issueDeviceToken(config.pepper, emailKey(user.email), begun.credentialVersion) };
}

/**
 * The page's step before the new password, for an account with two-factor on: the link must still work,
 * and the code (or a recovery code) is used up here. "not_asked": this account has two-factor off.
 */
export async function proveSecondFactorForReset(
  ctx: FlowContext,
  token: string,
  proof: string | PasskeyProof,
): Promise<{ ok: true } | { ok: false; reason: "not_asked" } | ResetRefusal | SecondFactorRefusal> {
  const found = await locateResetToken(ctx.env, token, ctx.now);
  if (found === null) return { ok: false, reason: "token_invalid" };
  const read = await unavailableOnError(() => readResetLink(ctx.env, found, ctx.now));
  if (read === null || read.fate.fate !== "usable") return { ok: false, reason: "token_invalid" };
  if (!asksSecondFactor(read.user)) return { ok: false, reason: "not_asked" };
  if (typeof proof !== "string") return usePasskeyFactor(ctx, read.user.id, proof, "reset");
  return unavailableOnError(() => useSecondFactor(ctx, read.user, proof, "reset"));
}

/** A passkey challenge for the reset's second step, only while the link works (a forged one stores nothing). */
export async function beginPasskeyResetCheck(ctx: FlowContext, token: string): Promise<PasskeyCheckOptions | null> {
  const found = await locateResetToken(ctx.env, token, ctx.now);
  if (found === null) return null;
  const read = await unavailableOnError(() => readResetLink(ctx.env, found, ctx.now));
  if (read === null || read.fate.fate !== "usable" || !asksSecondFactor(read.user)) return null;
  return beginPasskeyCheck(ctx, read.user.id, "reset");
}

/**
 * A link whose reset reached D1 while its answer was lost (a 503): the person retries the same link with
 * the same password. That finishes the reset (200, and the notice that never went out); anything else
 * stays refused. `user` was read from D1 with the link, at the committed version.
 */
async function finishCommitted(ctx: FlowContext, user: User, password: string): Promise<ResetResult> {
  if (!(await verifyPassword(password, user.passwordHash, ctx.config.pepper)).valid) {
    return { ok: false, reason: "token_invalid" };
  }
  ctx.defer(finishPasswordChange(ctx, user, { ours: true, version: user.credentialVersion }));
  return { ok: true, deviceToken: issueDeviceToken(ctx.config.pepper, emailKey(user.email), user.credentialVersion) };
}

/**
 * A new link for the account a dead link was sent to, without the holder typing (or seeing) the address:
 * only for a link this account's registry really issued (so a made-up token naming a user id mails no one).
 * Returns false when the link is not one of those: the caller asks for the address instead.
 */
export async function resendForDeadLink(ctx: FlowContext, token: string, reader?: Reader): Promise<boolean> {
  const found = await locateResetToken(ctx.env, token, ctx.now);
  if (found === null) return false;
  const read = await unavailableOnError(() => readResetLink(ctx.env, found, ctx.now));
  if (read === null || read.status.history === null) return false;
  await requestPasswordReset(ctx, read.user.email, reader);
  return true;
}
