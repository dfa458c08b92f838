/**
 * Sign-in: throttled per email (known or not), one password hash whatever the outcome, and the session
 * created inside the user's registry so it is serialised with password resets (invariant 4).
 */
import type { Config } from "../config";
import { recordAuditEvent } from "../storage/audit";
import { clearThrottle, readThrottle, recordFailure } from "../storage/sign-in-throttle";
import { type User, findUserByEmail, recordSignIn, upgradePasswordHash } from "../storage/users";
import type { ClientInfo } from "./client-info";
import { emailKey, normalizeEmail } from "./email";
import { hashPassword, spendPasswordCheck, verifyPassword } from "./password-hash";
import { sessionRegistry } from "./sessions";

/** Failures before the first lock, and the step added per further failure (Contentstack: 5, 10 … 25 min). */
const FREE_FAILURES = 4;
const LOCK_STEP_MS = 5 * 60_000;
const MAX_LOCK_MS = 25 * 60_000;

export type SignInResult =
  | { ok: true; user: User; token: string; sessionId: string }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

export interface SignInDeps {
  env: Env;
  config: Config;
  /** Runs work after the response (audit rows), so a failed sign-in costs the same for known and unknown emails. */
  defer: (work: Promise<unknown>) => void;
}

/** How long an email is locked after its `failures`-th consecutive failure; never permanent. */
export function lockDurationMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min((failures - FREE_FAILURES) * LOCK_STEP_MS, MAX_LOCK_MS);
}

export async function signIn(
  { env, config, defer }: SignInDeps,
  credentials: { email: string; password: string },
  client: ClientInfo,
  now: number,
): Promise<SignInResult> {
  const email = normalizeEmail(credentials.email);
  const key = emailKey(email);
  const [throttle, user] = await Promise.all([readThrottle(env.DB, key), findUserByEmail(env.DB, email)]);
  if (throttle.lockedUntil > now) return { ok: false, reason: "locked", retryAfterMs: throttle.lockedUntil - now };

  if (user === null) {
    await spendPasswordCheck(credentials.password, config.pepper);
    await recordFailure(env.DB, key, now, lockDurationMs);
    return { ok: false, reason: "invalid_credentials" };
  }
  const check = await verifyPassword(credentials.password, user.passwordHash, config.pepper);
  if (!check.valid) {
    await recordFailure(env.DB, key, now, lockDurationMs);
    defer(recordAuditEvent(env.DB, user.id, "sign_in_failed", client, iso(now)));
    return { ok: false, reason: "invalid_credentials" };
  }

  const created = await sessionRegistry(env, user.id).createSession(user.id, user.credentialVersion, client, now);
  // The password was changed between our read and the session: the verified password is no longer valid.
  if ("refused" in created) return { ok: false, reason: "invalid_credentials" };

  const followUps: Promise<unknown>[] = [recordSignIn(env.DB, user.id, iso(now)), recordAuditEvent(env.DB, user.id, "sign_in", client, iso(now))];
  if (throttle.failures > 0) followUps.push(clearThrottle(env.DB, key));
  if (check.needsRehash) {
    followUps.push(hashPassword(credentials.password, config.pepper).then((hash) => upgradePasswordHash(env.DB, user.id, user.passwordHash, hash)));
  }
  defer(Promise.all(followUps));
  return { ok: true, user, token: created.token, sessionId: created.sessionId };
}

function iso(now: number): string {
  return new Date(now).toISOString();
}
