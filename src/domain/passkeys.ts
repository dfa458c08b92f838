/**
 * Passkeys on /account: add (the password, and a code when two-factor is on, so a session alone cannot add
 * a way in), rename, remove (a passkey of the account, or the password and a code). Each change is audited;
 * the credentials live in the user's registry (registry-passkeys.ts). Pages only: /v3 has no passkeys.
 */
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { type AssertionResponse, passkeyRelyingParty, type RegistrationResponse } from "../core/passkey";
import { parseResetToken } from "../core/password-reset-token";
import { type PasskeyInfo, type PasskeyRefusal, sessionRegistry } from "../durable/session-registry";
import { auditLater } from "./audit-trail";
import type { FlowContext } from "./context";
import type { SignInRefusal } from "./password-attempt";
import type { Authenticated } from "./sessions";
import {
  asksSecondFactor,
  hasAuthenticatorApp,
  type SecondFactorRefusal,
  twoFactorNotice,
  useSecondFactor,
} from "./two-factor";
import { type ConfirmInput, confirmPassword } from "./two-factor-setup";

export type { PasskeyInfo } from "../durable/session-registry";

/** A passkey's name is shown and typed back; longer than this is refused. */
export const MAX_PASSKEY_NAME_LENGTH = 64;

/** What the browser needs for navigator.credentials.create (the page's script reads it as JSON). */
export interface PasskeyCreationOptions {
  challenge: string;
  rpId: string;
  /** The user handle: the account's id as UTF-8, base64url (a discoverable sign-in finds the registry by it). */
  userId: string;
  userName: string;
  /** The account's passkeys, so the same authenticator is not registered twice. */
  exclude: string[];
}

export type PasskeyRefused = { ok: false; reason: "passkey_refused"; problem: PasskeyRefusal };

/** The user handle of an account: its id as UTF-8, base64url. */
export function passkeyUserHandle(userId: string): string {
  return encodeBase64urlNoPadding(new TextEncoder().encode(userId));
}

/** Options for adding a passkey: a fresh challenge of the user's registry (5 minutes, single-use). */
export async function beginAddingPasskey(ctx: FlowContext, auth: Authenticated): Promise<PasskeyCreationOptions> {
  const registry = sessionRegistry(ctx.env, auth.user.id);
  const [challenge, existing] = await Promise.all([
    registry.beginPasskeyCeremony("register", ctx.now),
    registry.listPasskeys(),
  ]);
  return {
    challenge,
    rpId: passkeyRelyingParty(ctx.config.appUrl).rpId,
    userId: passkeyUserHandle(auth.user.id),
    userName: auth.user.email,
    exclude: existing.map((p) => p.id),
  };
}

/** What the browser needs for navigator.credentials.get on a step: the challenge and the account's passkeys. */
export interface PasskeyCheckOptions {
  challenge: string;
  rpId: string;
  allow: string[];
}

/** A challenge of the user's registry for confirming with a passkey (the second step, the reset, a removal). */
export async function beginPasskeyCheck(
  ctx: FlowContext,
  userId: string,
  purpose: "second_factor" | "reset" | "remove" | "turn_on",
): Promise<PasskeyCheckOptions> {
  const registry = sessionRegistry(ctx.env, userId);
  const [challenge, existing] = await Promise.all([
    registry.beginPasskeyCeremony(purpose, ctx.now),
    registry.listPasskeys(),
  ]);
  return { challenge, rpId: passkeyRelyingParty(ctx.config.appUrl).rpId, allow: existing.map((p) => p.id) };
}

/** Adds a passkey after the password (and a code when two-factor is on) are right. */
export async function addPasskey(
  ctx: FlowContext,
  auth: Authenticated,
  input: ConfirmInput & { name: string; response: RegistrationResponse },
): Promise<{ ok: true } | SignInRefusal | SecondFactorRefusal | PasskeyRefused> {
  const confirmed = await confirmPassword(ctx, auth, input);
  if (!confirmed.ok) return confirmed;
  if (asksSecondFactor(confirmed.user)) {
    const factor = await useSecondFactor(ctx, confirmed.user, input.code, "sign_in");
    if (!factor.ok) return factor;
  }
  const rp = passkeyRelyingParty(ctx.config.appUrl);
  const notice = twoFactorNotice(ctx, auth.user, "passkey_added", input.name);
  const registry = sessionRegistry(ctx.env, auth.user.id);
  const added = await registry.addPasskey(input.response, input.name, rp, ctx.now, notice);
  if (!added.ok) return { ok: false, reason: "passkey_refused", problem: added.reason };
  auditLater(ctx, auth.user.id, "passkey_added", input.name);
  return { ok: true };
}

/** After a reset: whether to offer a passkey (the account the token names has none; old tokens name no one). */
export async function offersPasskeyAfterReset(env: Env, resetToken: string): Promise<boolean> {
  const userId = parseResetToken(resetToken)?.userId ?? null;
  return userId !== null && (await sessionRegistry(env, userId).listPasskeys()).length === 0;
}

/** The account's passkeys, oldest first. */
export function listPasskeys(env: Env, userId: string): Promise<PasskeyInfo[]> {
  return sessionRegistry(env, userId).listPasskeys();
}

/** Renames one of the account's passkeys; false if it has no such passkey. */
export async function renamePasskey(ctx: FlowContext, auth: Authenticated, id: string, name: string): Promise<boolean> {
  return sessionRegistry(ctx.env, auth.user.id).renamePasskey(id, name);
}

/** How a removal is confirmed: a passkey of the account, or the password (and a code when two-factor is on). */
export type RemovalProof = { passkey: AssertionResponse } | ConfirmInput;

/** Removes one of the account's passkeys once the proof holds; audited with its name. */
export async function removePasskey(
  ctx: FlowContext,
  auth: Authenticated,
  id: string,
  proof: RemovalProof,
): Promise<
  | { ok: true }
  | { ok: false; reason: "not_found" | "last_passkey" }
  | SignInRefusal
  | SecondFactorRefusal
  | PasskeyRefused
> {
  const registry = sessionRegistry(ctx.env, auth.user.id);
  if ("passkey" in proof) {
    const used = await registry.usePasskey(proof.passkey, passkeyRelyingParty(ctx.config.appUrl), "remove", ctx.now);
    if (!used.ok) return { ok: false, reason: "passkey_refused", problem: used.reason };
  } else {
    const confirmed = await confirmPassword(ctx, auth, proof);
    if (!confirmed.ok) return confirmed;
    if (asksSecondFactor(confirmed.user)) {
      const factor = await useSecondFactor(ctx, confirmed.user, proof.code, "sign_in");
      if (!factor.ok) return factor;
    }
  }
  const known = (await registry.listPasskeys()).find((p) => p.id === id);
  if (known === undefined) return { ok: false, reason: "not_found" };
  // A passkey-only second factor keeps its last passkey: removing it would leave two-factor on with only
  // the recovery codes, or (turned off on the way) weaken the account as the side effect of another change.
  const keepLast = asksSecondFactor(auth.user) && !hasAuthenticatorApp(auth.user);
  const notice = twoFactorNotice(ctx, auth.user, "passkey_removed", known.name);
  const removed = await registry.removePasskey(id, ctx.now, notice, { keepLast });
  if (!removed.ok) return removed;
  auditLater(ctx, auth.user.id, "passkey_removed", removed.name);
  return { ok: true };
}

/** A second factor given as a passkey (user verified) instead of a code. */
export interface PasskeyProof {
  passkey: AssertionResponse;
}

/**
 * Uses a passkey as the second factor (sign-in's second step, the reset's): it must answer a challenge the
 * user's registry issued for that step. A refusal reads as a wrong code; it is not counted against the codes'
 * budget, as a passkey cannot be guessed.
 */
export async function usePasskeyFactor(
  ctx: FlowContext,
  userId: string,
  proof: PasskeyProof,
  purpose: "second_factor" | "reset",
): Promise<{ ok: true } | SecondFactorRefusal> {
  const rp = passkeyRelyingParty(ctx.config.appUrl);
  const used = await sessionRegistry(ctx.env, userId).usePasskey(proof.passkey, rp, purpose, ctx.now);
  return used.ok ? { ok: true } : { ok: false, reason: "second_factor_wrong" };
}
