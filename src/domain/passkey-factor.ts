/**
 * Two-factor sign-in with a passkey as the account's only second factor (no authenticator app): turned on
 * on /account with the password and a passkey of the account, and recovery codes shown once, as for an app.
 * D1's users.totp_enabled_at stays the one record of "on" (asksSecondFactor), with no key beside it; the
 * second step and the reset then take a passkey or a recovery code, and turning off, new codes and the
 * operator's turn-off work as for an app (two-factor-setup.ts). The last passkey of such an account stays
 * (passkeys.ts removePasskey).
 */
import type { AssertionResponse } from "../core/passkey";
import { passkeyRelyingParty } from "../core/passkey";
import { newRecoveryCodes, normalizeRecoveryCode, recoveryCodeHash } from "../core/recovery-codes";
import { isoTime } from "../core/time";
import { type PasskeyRefusal, sessionRegistry } from "../durable/session-registry";
import { userDatabase } from "../storage/shard-databases";
import { setPasskeyFactor, unsetPasskeyFactor } from "../storage/user-totp";
import { auditLater } from "./audit-trail";
import type { FlowContext } from "./context";
import type { SignInRefusal } from "./password-attempt";
import type { Authenticated } from "./sessions";
import { asksSecondFactor, twoFactorNotice } from "./two-factor";
import { confirmPassword } from "./two-factor-setup";

/** What turning two-factor on with a passkey asks for: the password, and a passkey of the account. */
export interface PasskeyFactorInput {
  password: string;
  passkey: AssertionResponse;
  deviceToken?: string | undefined;
}

export type PasskeyFactorRefusal =
  | { ok: false; reason: "already_on" }
  | { ok: false; reason: "passkey_refused"; problem: PasskeyRefusal | "no_passkey" };

/**
 * Turns two-factor on with a passkey as the only second factor, once the password is right and a passkey of
 * the account answers this step's challenge (user verified); returns the recovery codes, shown only once
 * the registry holds them. D1 decides between two turn-ons racing (only a row that is off takes it); the
 * registry then stores the codes' hashes, ends every other session and keeps the notice, or refuses when
 * the account has no passkey left (removed meanwhile), and D1 takes "on" back, as it does if the registry
 * cannot be reached: two-factor is never on without stored codes (docs/design.md, invariant 17).
 */
export async function enablePasskeyFactor(
  ctx: FlowContext,
  auth: Authenticated,
  input: PasskeyFactorInput,
): Promise<{ ok: true; recoveryCodes: string[] } | PasskeyFactorRefusal | SignInRefusal> {
  const confirmed = await confirmPassword(ctx, auth, { ...input, code: "" });
  if (!confirmed.ok) return confirmed;
  const { user } = confirmed;
  if (asksSecondFactor(user)) return { ok: false, reason: "already_on" };
  const registry = sessionRegistry(ctx.env, user.id);
  const rp = passkeyRelyingParty(ctx.config.appUrl);
  const used = await registry.usePasskey(input.passkey, rp, "turn_on", ctx.now);
  if (!used.ok) return { ok: false, reason: "passkey_refused", problem: used.reason };
  const db = userDatabase(ctx.env, user.id);
  const since = isoTime(ctx.now);
  if (!(await setPasskeyFactor(db, user.id, since))) return { ok: false, reason: "already_on" };
  const recoveryCodes = newRecoveryCodes();
  const hashes = recoveryCodes.map((code) =>
    recoveryCodeHash(ctx.config.pepper, user.id, normalizeRecoveryCode(code)!),
  );
  const effects = { keepSessionId: auth.session.id, notice: twoFactorNotice(ctx, auth.user, "enabled") };
  let enabled: boolean;
  try {
    enabled = await registry.enablePasskeyFactor(hashes, ctx.now, effects);
  } catch (error) {
    await takeBack(db, user.id, since);
    throw error;
  }
  if (!enabled) {
    await takeBack(db, user.id, since);
    return { ok: false, reason: "passkey_refused", problem: "no_passkey" };
  }
  auditLater(ctx, user.id, "two_factor_enabled", "passkey");
  return { ok: true, recoveryCodes };
}

/** "On" taken back in D1, only if it is still this turn-on (a failure is logged: the owner can turn it off). */
async function takeBack(db: D1Database, userId: string, since: string): Promise<void> {
  await unsetPasskeyFactor(db, userId, since).catch((error) =>
    console.error(JSON.stringify({ event: "passkey_factor_undo_failed", userId, error: String(error) })),
  );
}
