/**
 * Two-factor sign-in with an authenticator app (TOTP) and recovery codes. The key is sealed in D1 with the
 * account (core/secret-box.ts); the user's registry decides whether a code may still be used (once each,
 * and within the wrong-code budget of its surface: sign-in with the changes on /account, or the reset).
 * Every surface asks `useSecondFactor`: sign-in (the API's tfa_token, the pages' second step), a reset, and
 * the changes on /account.
 */
import { normalizeRecoveryCode, recoveryCodeHash } from "../core/recovery-codes";
import { open, SealedSecretUnavailableError, seal, sealedKeyId, sealingKeyId } from "../core/secret-box";
import { generateSecret } from "../core/secrets";
import { matchTotp } from "../core/totp";
import {
  type CodeSurface,
  type OutboxNotice,
  type SecondFactorProof,
  sessionRegistry,
} from "../durable/session-registry";
import { userDatabase } from "../storage/shard-databases";
import { resealTotpSecret } from "../storage/user-totp";
import type { User } from "../storage/users";
import { auditLater } from "./audit-trail";
import type { FlowContext } from "./context";
import type { TwoFactorChange, TwoFactorChangedJob } from "./email-jobs";
import { securityNotice } from "./security-notices";
import { type WebhookEvent, withWebhookEvents } from "./webhook-events";

export type SecondFactorRefusal =
  | { ok: false; reason: "second_factor_required" }
  | { ok: false; reason: "second_factor_wrong" }
  | { ok: false; reason: "second_factor_locked"; retryAfterMs: number };

export function isSecondFactorRefusal(refusal: { reason: string }): refusal is SecondFactorRefusal {
  return ["second_factor_required", "second_factor_wrong", "second_factor_locked"].includes(refusal.reason);
}

/**
 * Whether signing in to (or resetting) this account asks for a second factor: two-factor is on, with an
 * authenticator app or with a passkey as its only second factor (no key then: `hasAuthenticatorApp`).
 */
export function asksSecondFactor(user: Pick<User, "totpEnabledAt">): boolean {
  return user.totpEnabledAt !== null;
}

/** Whether the account's second factor includes an authenticator app (else a passkey is its only one). */
export function hasAuthenticatorApp(user: Pick<User, "totpSecret">): boolean {
  return user.totpSecret !== null;
}

/** The sealing key; the configuration requires it outside development, and wrangler.toml sets one for it. */
export function sealingKey({ config }: Pick<FlowContext, "config">): Uint8Array {
  if (config.sealingKey === null) throw new Error("TOTP_ENCRYPTION_KEY is not set");
  return config.sealingKey;
}

/** The keys that may open a sealed value: the current one, and the previous one during a rotation. */
export function openingKeys(ctx: Pick<FlowContext, "config">): Uint8Array[] {
  const previous = ctx.config.previousSealingKey;
  return previous === null ? [sealingKey(ctx)] : [sealingKey(ctx), previous];
}

/**
 * Checks `typed` (a 6-digit code or a recovery code) for an account with two-factor on, and uses it up.
 * Nothing typed asks for it; a wrong, reused or late code is refused the same way, and counted against
 * `surface`'s budget only.
 */
export async function useSecondFactor(
  ctx: FlowContext,
  user: User,
  typed: string | undefined,
  surface: CodeSurface,
): Promise<{ ok: true } | SecondFactorRefusal> {
  if (typed === undefined || typed.trim() === "") return { ok: false, reason: "second_factor_required" };
  const recovery = normalizeRecoveryCode(typed);
  let proof: SecondFactorProof;
  if (recovery !== null) {
    proof = { recoveryHash: recoveryCodeHash(ctx.config.pepper, user.id, recovery) };
  } else if (!hasAuthenticatorApp(user)) {
    // A passkey-only account has no key: a 6-digit code matches nothing, and counts as a wrong one.
    proof = { totpStep: null };
  } else {
    const sealed = user.totpSecret ?? "";
    const opened = await open(openingKeys(ctx), sealed, user.id);
    if (opened === null) {
      // An operator's fault (TOTP_ENCRYPTION_KEY changed, or its previous key removed before every account
      // was sealed anew): logged with the key id it names, answered 503; recovery codes still work.
      const keyId = sealedKeyId(sealed);
      const known = openingKeys(ctx).some((key) => sealingKeyId(key) === keyId);
      console.error(JSON.stringify({ event: "totp_key_unopenable", userId: user.id, keyId, keyConfigured: known }));
      throw new SealedSecretUnavailableError(keyId);
    }
    if (opened.key !== sealingKey(ctx)) ctx.defer(reseal(ctx, user, opened.plaintext));
    proof = { totpStep: matchTotp(opened.plaintext, typed, ctx.now) };
  }
  // Only the right password (and, for the reset, the mailbox) reaches a code: the wrong code that locks a
  // surface means someone else has them. Its notice names the surface, and the way back in that still works;
  // the registry keeps it in its outbox in the same step as the lock.
  const lockNotice = twoFactorNotice(ctx, user, surface === "reset" ? "reset_codes_locked" : "codes_locked");
  // A recovery code used is told too (with how many are left), kept by the registry in the same step.
  const usedNotice = recovery === null ? undefined : securityNotice(ctx, user, "recovery_code_used");
  const registry = sessionRegistry(ctx.env, user.id);
  const result = await registry.useSecondFactor(proof, ctx.now, surface, lockNotice, usedNotice);
  if (result.ok) {
    if (recovery !== null) auditLater(ctx, user.id, "recovery_code_used", `${result.recoveryCodesLeft} left`);
    return { ok: true };
  }
  if (result.reason === "locked")
    return { ok: false, reason: "second_factor_locked", retryAfterMs: result.retryAfterMs };
  auditLater(ctx, user.id, "second_factor_failed");
  return { ok: false, reason: "second_factor_wrong" };
}

/** During a key rotation: the account's key sealed again under the current key (only if still the old value). */
async function reseal(ctx: FlowContext, user: User, key: Uint8Array): Promise<void> {
  const sealed = await seal(sealingKey(ctx), key, user.id);
  await resealTotpSecret(userDatabase(ctx.env, user.id), user.id, user.totpSecret ?? "", sealed).catch((error) =>
    console.error(JSON.stringify({ event: "totp_reseal_failed", userId: user.id, error: String(error) })),
  );
}

/**
 * The notice of a change to two-factor sign-in, with its outbound events, for the registry's outbox (kept
 * there in the same step as the change, and sent until the queue takes it: docs/email.md).
 */
export function twoFactorNotice(
  ctx: FlowContext,
  { id: userId, language }: Pick<User, "id" | "language">,
  change: TwoFactorChange,
  passkeyName?: string,
): OutboxNotice {
  const job: TwoFactorChangedJob = {
    kind: "two_factor_changed",
    requestId: generateSecret(16),
    userId,
    change,
    changedAt: ctx.now,
    ip: ctx.client.ip,
    userAgent: ctx.client.userAgent,
    ...(language === null ? {} : { language }),
    ...(passkeyName === undefined ? {} : { passkeyName }),
  };
  return { id: job.requestId, message: withWebhookEvents(ctx.env, job, ctx.now, twoFactorEvents(userId, change)) };
}

/** A change ends every other session; wrong codes that lock sign-in's codes lock sign-in; passkeys end none. */
function twoFactorEvents(user_id: string, change: TwoFactorChange): WebhookEvent[] {
  const revoked: WebhookEvent = ["sessions.revoked", { user_id, count: null, reason: "two_factor_changed" }];
  switch (change) {
    case "enabled":
      return [["two_factor.enabled", { user_id }], revoked];
    case "disabled":
      return [["two_factor.disabled", { user_id }], revoked];
    case "recovery_codes":
      return [revoked];
    case "codes_locked":
      return [["sign_in.locked", { user_id, factor: "second_factor", until: null }]];
    case "reset_codes_locked":
      return [];
    case "passkey_added":
      return [["passkey.added", { user_id }]];
    case "passkey_removed":
      return [["passkey.removed", { user_id }]];
  }
}
