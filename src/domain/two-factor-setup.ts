/**
 * Two-factor on /account: set up (a new key, carried sealed in the setup page's cookie until a first code
 * shows the app has it), turn off, and new recovery codes. Each change asks for the password (the sign-in's
 * throttled check) and a code, so a session alone cannot change the factor, and each is emailed to the owner.
 */
import { newRecoveryCodes, normalizeRecoveryCode, recoveryCodeHash } from "../core/recovery-codes";
import { open, seal } from "../core/secret-box";
import { isoTime, MINUTE_MS } from "../core/time";
import { matchTotp, newTotpKey, totpKeyText, totpUri } from "../core/totp";
import { sessionRegistry, type TwoFactorChangeEffects } from "../durable/session-registry";
import { userDatabase } from "../storage/shard-databases";
import { setTotpSecret, unsetTotpSecret } from "../storage/user-totp";
import { auditLater } from "./audit-trail";
import type { FlowContext } from "./context";
import type { TwoFactorChange } from "./email-jobs";
import { clearAttempts, type SignInRefusal, verifyThrottled } from "./password-attempt";
import type { Authenticated } from "./sessions";
import {
  asksSecondFactor,
  openingKeys,
  type SecondFactorRefusal,
  sealingKey,
  twoFactorNotice,
  useSecondFactor,
} from "./two-factor";

/** How long a setup page's key waits for its first code. */
export const SETUP_MS = 10 * MINUTE_MS;

export interface TwoFactorSetup {
  /** The key as text, for typing into an app. */
  keyText: string;
  /** The otpauth:// URI the QR code carries. */
  uri: string;
  /** The key sealed for this account until `SETUP_MS` from now: the setup cookie's value. */
  pending: string;
}

const pendingOwner = (userId: string, expiresAt: number) => `setup:${userId}:${expiresAt}`;

/** A new key for the setup page. Nothing is stored: the page's cookie carries it, sealed. */
export async function startTwoFactorSetup(
  ctx: FlowContext,
  user: { id: string; email: string },
): Promise<TwoFactorSetup> {
  const key = newTotpKey();
  const expiresAt = ctx.now + SETUP_MS;
  const sealed = await seal(sealingKey(ctx), key, pendingOwner(user.id, expiresAt));
  return { ...describeKey(ctx, user, key), pending: `${expiresAt}.${sealed}` };
}

/** The setup page again (a wrong first code): the same key, from the setup cookie; null if it expired. */
export async function resumeTwoFactorSetup(
  ctx: FlowContext,
  user: { id: string; email: string },
  pending: string | undefined,
): Promise<Omit<TwoFactorSetup, "pending"> | null> {
  const key = await openPending(ctx, user.id, pending);
  return key === null ? null : describeKey(ctx, user, key);
}

/** A key as the setup page shows it: as text, and as the URI its QR code carries (issued by APP_URL's host). */
function describeKey(ctx: FlowContext, user: { email: string }, key: Uint8Array): Omit<TwoFactorSetup, "pending"> {
  return { keyText: totpKeyText(key), uri: totpUri(new URL(ctx.config.appUrl).host, user.email, key) };
}

async function openPending(ctx: FlowContext, userId: string, pending: string | undefined): Promise<Uint8Array | null> {
  const [expiresAt, sealed] = (pending ?? "").split(/\.(.*)/s);
  if (!(Number(expiresAt) > ctx.now) || sealed === undefined) return null;
  return (await open(openingKeys(ctx), sealed, pendingOwner(userId, Number(expiresAt))))?.plaintext ?? null;
}

export type SetupRefusal =
  | { ok: false; reason: "setup_expired" }
  | { ok: false; reason: "setup_code_wrong" }
  | { ok: false; reason: "setup_code_used" }
  | { ok: false; reason: "already_on" };

type NotOn = { ok: false; reason: "not_on" };

/** What a change to two-factor sign-in asks for: the account's password, and (but to turn it on) a code. */
export interface ConfirmInput {
  password: string;
  code: string;
  deviceToken?: string | undefined;
}

/**
 * The password, checked (and throttled) like a sign-in, so a session alone (a leaked API token) can neither
 * turn two-factor on with a key of its own nor use up the owner's wrong-code allowance. The account as the
 * primary has it now, or the refusal.
 */
export async function confirmPassword(ctx: FlowContext, auth: Authenticated, input: ConfirmInput) {
  const credentials = { email: auth.user.email, password: input.password };
  const verified = await verifyThrottled(ctx, credentials, input.deviceToken);
  if (!verified.ok) return verified;
  await clearAttempts(ctx, verified);
  if (verified.user.id !== auth.user.id) return { ok: false, reason: "invalid_credentials" } as const;
  return { ok: true, user: verified.user } as const;
}

/** The session that made a change is kept; every other one ends, and the notice goes through the outbox. */
function changeEffects(ctx: FlowContext, auth: Authenticated, change: TwoFactorChange): TwoFactorChangeEffects {
  return { keepSessionId: auth.session.id, notice: twoFactorNotice(ctx, auth.user, change) };
}

/**
 * Turns two-factor on once the password is right and `code` shows the app has the key; returns the
 * recovery codes, shown only once the registry holds them. D1 decides between two set-ups racing (only a
 * key-less row takes a key); then the registry records the confirming code's step and the codes' hashes,
 * ends every other session and keeps the notice. If the registry refuses the step (already used: two-factor
 * turned off and on within one step) or cannot be reached, D1 takes the key back (only if it is still this
 * one), so two-factor is never on without stored codes (docs/design.md, invariant 17).
 */
export async function enableTwoFactor(
  ctx: FlowContext,
  auth: Authenticated,
  pending: string | undefined,
  input: ConfirmInput,
): Promise<{ ok: true; recoveryCodes: string[] } | SetupRefusal | SignInRefusal> {
  const confirmed = await confirmPassword(ctx, auth, input);
  if (!confirmed.ok) return confirmed;
  const { user } = confirmed;
  if (asksSecondFactor(user)) return { ok: false, reason: "already_on" };
  const key = await openPending(ctx, user.id, pending);
  if (key === null) return { ok: false, reason: "setup_expired" };
  const step = matchTotp(key, input.code, ctx.now);
  if (step === null) return { ok: false, reason: "setup_code_wrong" };
  const stored = await seal(sealingKey(ctx), key, user.id);
  const db = userDatabase(ctx.env, user.id);
  if (!(await setTotpSecret(db, user.id, stored, isoTime(ctx.now)))) return { ok: false, reason: "already_on" };
  const recoveryCodes = newRecoveryCodes();
  const hashes = hashesOf(ctx, user.id, recoveryCodes);
  let enabled: boolean;
  try {
    enabled = await sessionRegistry(ctx.env, user.id).enableSecondFactor(
      step,
      hashes,
      ctx.now,
      changeEffects(ctx, auth, "enabled"),
    );
  } catch (error) {
    await takeKeyBack(db, user.id, stored);
    throw error;
  }
  if (!enabled) {
    await takeKeyBack(db, user.id, stored);
    return { ok: false, reason: "setup_code_used" };
  }
  auditLater(ctx, user.id, "two_factor_enabled");
  return { ok: true, recoveryCodes };
}

/** Two-factor off again in D1, only if it still holds `stored` (a failure is logged: the owner has the key). */
async function takeKeyBack(db: D1Database, userId: string, stored: string): Promise<void> {
  await unsetTotpSecret(db, userId, stored).catch((error) =>
    console.error(JSON.stringify({ event: "two_factor_setup_undo_failed", userId, error: String(error) })),
  );
}

/**
 * Turns two-factor off: the password and a current code or recovery code. D1 first (off there, the codes
 * left in the registry are never asked for), then the registry: codes gone, other sessions ended, notice.
 */
export async function disableTwoFactor(
  ctx: FlowContext,
  auth: Authenticated,
  input: ConfirmInput,
): Promise<{ ok: true } | SignInRefusal | SecondFactorRefusal | NotOn> {
  const confirmed = await confirmPassword(ctx, auth, input);
  if (!confirmed.ok) return confirmed;
  if (!asksSecondFactor(confirmed.user)) return { ok: false, reason: "not_on" };
  const factor = await useSecondFactor(ctx, confirmed.user, input.code, "sign_in");
  if (!factor.ok) return factor;
  await setTotpSecret(userDatabase(ctx.env, auth.user.id), auth.user.id, null, isoTime(ctx.now));
  auditLater(ctx, auth.user.id, "two_factor_disabled");
  await sessionRegistry(ctx.env, auth.user.id).disableSecondFactor(ctx.now, changeEffects(ctx, auth, "disabled"));
  return { ok: true };
}

/** New recovery codes for the password and a current code (the old ones stop working); returns them, shown once. */
export async function regenerateRecoveryCodes(
  ctx: FlowContext,
  auth: Authenticated,
  input: ConfirmInput,
): Promise<{ ok: true; recoveryCodes: string[] } | SignInRefusal | SecondFactorRefusal | NotOn> {
  const confirmed = await confirmPassword(ctx, auth, input);
  if (!confirmed.ok) return confirmed;
  const { user } = confirmed;
  if (!asksSecondFactor(user)) return { ok: false, reason: "not_on" };
  const factor = await useSecondFactor(ctx, user, input.code, "sign_in");
  if (!factor.ok) return factor;
  const recoveryCodes = newRecoveryCodes();
  const effects = changeEffects(ctx, auth, "recovery_codes");
  await sessionRegistry(ctx.env, user.id).replaceRecoveryCodes(hashesOf(ctx, user.id, recoveryCodes), ctx.now, effects);
  auditLater(ctx, user.id, "recovery_codes_regenerated");
  return { ok: true, recoveryCodes };
}

function hashesOf(ctx: FlowContext, userId: string, codes: string[]): string[] {
  return codes.map((code) => recoveryCodeHash(ctx.config.pepper, userId, normalizeRecoveryCode(code)!));
}
