/**
 * Changing the password while signed in (/account). The current password is checked under the sign-in
 * throttle, so a wrong one counts exactly like a failed sign-in (invariant 12) and a thief holding an
 * open session cannot guess it faster than they could sign in. Then the policy, then the steps of a
 * reset: the user's registry begins it (a new credential version; every other session ended, live; this
 * one kept), D1's conditional write, and after the response the registry completes it (every outstanding
 * reset link void, the "password changed" email in its outbox) beside the audit rows.
 */
import { issueDeviceToken } from "../core/device-token";
import { hashPassword } from "../core/password-hash";
import { type PasswordChangeResult, sessionRegistry } from "../durable/session-registry";
import type { FlowContext } from "./context";
import { clearAttempts, type SignInRefusal, verifyThrottled } from "./password-attempt";
import { checkPassword, type PasswordProblem, policyOptions } from "./password-policy";
import { earlierAttemptWon, finishPasswordChange, passwordChangedNotice, writeNewHash } from "./password-reset-steps";
import type { Authenticated } from "./sessions";
import { unavailableOnError } from "./storage-unavailable";

export interface ChangeInput {
  currentPassword: string;
  password: string;
  passwordConfirmation: string;
  /** This browser's device token, if it has one: the throttle judges a trusted device on its own failures. */
  deviceToken?: string | undefined;
}

/** Why a change was refused; a wrong current password is the sign-in's refusal (counted, maybe locked). */
export type ChangeRefusal =
  | SignInRefusal
  | { ok: false; reason: "password_mismatch" }
  | { ok: false; reason: "password_rejected"; problem: PasswordProblem }
  | { ok: false; reason: "not_signed_in" }
  | { ok: false; reason: "changed_elsewhere" };

/** On success, a device token at the new credential version for this browser (a change voids the old one). */
export type ChangeResult = { ok: true; deviceToken: string } | ChangeRefusal;

export async function changePassword(ctx: FlowContext, auth: Authenticated, input: ChangeInput): Promise<ChangeResult> {
  const { env, config, now } = ctx;
  if (input.password !== input.passwordConfirmation) return { ok: false, reason: "password_mismatch" };
  const credentials = { email: auth.user.email, password: input.currentPassword };
  const verified = await verifyThrottled(ctx, credentials, input.deviceToken);
  if (!verified.ok) return verified;
  const { user, key } = verified;
  if (user.id !== auth.user.id) return { ok: false, reason: "not_signed_in" };
  // The right current password: the throttle is cleared (and the attempt's slot freed) whatever comes next.
  const [problem] = await Promise.all([
    checkPassword(input.password, policyOptions(config, user.email)),
    clearAttempts(ctx, verified),
  ]);
  if (problem !== null) return { ok: false, reason: "password_rejected", problem };
  const newHash = await hashPassword(input.password, config.pepper);

  const registry = sessionRegistry(env, user.id);
  const begun = await unavailableOnError(
    async (): Promise<PasswordChangeResult> =>
      registry.beginPasswordChange(
        auth.session.id,
        now,
        user.credentialVersion,
        passwordChangedNotice(ctx, user, "account"),
      ),
  );
  if (!begun.ok) return { ok: false, reason: "not_signed_in" };
  const version = begun.credentialVersion;
  const wrote = await writeNewHash(ctx, user, newHash, { version, via: "account" });
  // No change: a reset or another change won the race, or an earlier attempt of this one did (reply lost).
  const ours = wrote || (await earlierAttemptWon(ctx, user.id, version, input.password));
  ctx.defer(finishPasswordChange(ctx, user, { ours, version }));
  if (!ours) return { ok: false, reason: "changed_elsewhere" };
  return { ok: true, deviceToken: issueDeviceToken(config.pepper, key, version) };
}
