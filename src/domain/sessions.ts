/**
 * Sessions as the rest of the app sees them: find the user's registry from a token, authenticate,
 * sign out. The registry (durable/session-registry.ts) holds the truth.
 */
import type { SignOutReason } from "../durable/live-sign-out";
import type { SessionInfo } from "../durable/session-registry";
import { type User, findUserWithFailures } from "../storage/users";
import { parseSessionToken } from "./session-token";

/** The user's SessionRegistry stub. */
export function sessionRegistry(env: Env, userId: string): DurableObjectStub<import("../durable/session-registry").SessionRegistry> {
  return env.SESSION_REGISTRY.getByName(userId);
}

export interface Authenticated {
  user: User;
  /** Consecutive failed sign-ins on the account's email (Contentstack's failed_attempts). */
  failedAttempts: number;
  session: SessionInfo;
  token: string;
}

/**
 * The user and live session behind a token, or null for anything missing, malformed, revoked or idle.
 * The registry and D1 are asked at once: the token names the user, so neither waits for the other.
 */
export async function authenticate(env: Env, token: string | null | undefined, now: number): Promise<Authenticated | null> {
  const parsed = parseSessionToken(token);
  if (parsed === null) return null;
  const [session, found] = await Promise.all([
    sessionRegistry(env, parsed.userId).validateSession(parsed.sessionId, now),
    findUserWithFailures(env.DB, parsed.userId),
  ]);
  if (session === null || found === null) return null;
  return { user: found.user, failedAttempts: found.failedAttempts, session, token: token! };
}

/** Ends the session behind a token. Returns false when there was none. */
export async function signOut(env: Env, token: string | null | undefined, reason: SignOutReason): Promise<boolean> {
  const parsed = parseSessionToken(token);
  if (parsed === null) return false;
  return sessionRegistry(env, parsed.userId).revokeSession(parsed.sessionId, reason);
}
