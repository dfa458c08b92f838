/**
 * Sign-in: throttled per email (known or not), one password hash whatever the outcome, and the session
 * created inside the user's registry so it is serialised with password resets (invariant 4).
 */
import { emailKey, normalizeEmail } from "../core/email-address";
import { hashPassword, spendPasswordCheck, verifyPassword } from "../core/password-hash";
import { generateSecret } from "../core/secrets";
import { isoTime, MINUTE_MS, SECOND_MS } from "../core/time";
import { sessionRegistry } from "../durable/session-registry";
import { auditEventStatement } from "../storage/audit";
import { clearThrottleStatement, recordFailure, startSignInAttempt } from "../storage/sign-in-throttle";
import { recordSignInStatement, type User, upgradePasswordHash } from "../storage/users";
import type { FlowContext } from "./context";
import { signOut } from "./sessions";

/** Answer to an attempt made while another attempt on the same email is still being checked. */
const BUSY_RETRY_MS = SECOND_MS;
/** Failures before the first lock, and the step added per further failure (Contentstack: 5, 10 … 25 min). */
const FREE_FAILURES = 4;
const LOCK_STEP_MS = 5 * MINUTE_MS;
const MAX_LOCK_MS = 25 * MINUTE_MS;

export type SignInRefusal =
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

export type SignInResult = { ok: true; user: User; token: string } | SignInRefusal;

/** How long an email is locked after its `failures`-th consecutive failure; never permanent. */
export function lockDurationMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min((failures - FREE_FAILURES) * LOCK_STEP_MS, MAX_LOCK_MS);
}

/**
 * Verifies the credentials and creates a session; refusals are the same for unknown emails (invariant 5).
 * `replacing` is a session the client already holds: it is ended after a successful sign-in (rotation).
 */
export async function signIn(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  options: { replacing?: string | undefined } = {},
): Promise<SignInResult> {
  const { env, config, client, now } = ctx;
  const email = normalizeEmail(credentials.email);
  const key = emailKey(email);
  const { user, throttle, acquired } = await startSignInAttempt(env.DB, email, key, generateSecret(12), now);
  if (throttle.lockedUntil > now) return { ok: false, reason: "locked", retryAfterMs: throttle.lockedUntil - now };
  // Another attempt on this email is being checked: parallel guesses wait their turn behind the lock check.
  if (!acquired) return { ok: false, reason: "locked", retryAfterMs: BUSY_RETRY_MS };

  // Known and unknown emails take the same steps from here to a refusal: one hash, one counter update,
  // one audit row (for an unknown email it has no user and names the email's key).
  const check = await checkCredentials(ctx, user, credentials.password);
  if (user === null || !check.valid) {
    await recordFailure(env.DB, key, now, lockDurationMs);
    const detail = user === null ? `no account: ${key.slice(0, 16)}` : null;
    ctx.defer(auditEventStatement(env.DB, user?.id ?? null, "sign_in_failed", client, isoTime(now), detail).run());
    return { ok: false, reason: "invalid_credentials" };
  }

  const created = await sessionRegistry(env, user.id).createSession(user.id, user.credentialVersion, client, now);
  if (!created.ok) {
    // The password was changed between our read and the session: the verified password is no longer valid.
    await recordFailure(env.DB, key, now, lockDurationMs);
    return { ok: false, reason: "invalid_credentials" };
  }

  await recordSuccess(ctx, user, key);
  if (options.replacing !== undefined) ctx.defer(signOut(ctx, options.replacing).catch(() => undefined));
  if (check.needsRehash) {
    const upgrade = hashPassword(credentials.password, config.pepper);
    ctx.defer(upgrade.then((hash) => upgradePasswordHash(env.DB, user.id, user.passwordHash, hash)));
  }
  return { ok: true, user, token: created.token };
}

/** One PBKDF2 derivation whether or not the account exists. */
async function checkCredentials({ config }: FlowContext, user: User | null, password: string) {
  if (user !== null) return verifyPassword(password, user.passwordHash, config.pepper);
  await spendPasswordCheck(password, config.pepper);
  return { valid: false, needsRehash: false };
}

/** Last login, the audit row and a cleared throttle, in one batch. */
async function recordSuccess({ env, client, now }: FlowContext, user: User, key: string): Promise<void> {
  // Awaited, not deferred: it frees the email's attempt slot, so the person's next sign-in is never "busy".
  await env.DB.batch([
    recordSignInStatement(env.DB, user.id, isoTime(now)),
    auditEventStatement(env.DB, user.id, "sign_in", client, isoTime(now)),
    clearThrottleStatement(env.DB, key),
  ]);
}
