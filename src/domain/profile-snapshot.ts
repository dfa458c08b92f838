/**
 * Who am I, for the API (GET /v3/user): the session and the profile from the user's registry in one call,
 * from its copy of the profile (durable/profile-snapshot-table.ts). Without a copy (a new account, or the
 * first request after a change) D1's primary is read and the copy kept after the response, under the
 * generation the registry named: a change that landed in between refuses it, so a stale copy never outlives
 * the change that made it stale. Every flow that changes a field the copy holds calls
 * `refreshProfileSnapshot` after its D1 write (or makes a registry call that drops the copy itself: sign-in,
 * the password's begin steps, two-factor on and off).
 */
import { readConfig } from "../core/config";
import { parseSessionToken } from "../core/session-token";
import { type ProfileSnapshot, sessionRegistry } from "../durable/session-registry";
import { userDatabase } from "../storage/shard-databases";
import { findUserWithFailures, type User } from "../storage/users";
import { failuresOf, type SessionInfo } from "./sessions";

export type { ProfileSnapshot } from "../durable/session-registry";

export type WhoAmIResult =
  | { ok: true; profile: ProfileSnapshot; session: SessionInfo; token: string }
  | { ok: false; reason: "not_signed_in" };

/** The live session behind a token and its profile; refused for anything missing, malformed, revoked or idle. */
export async function whoAmI(
  env: Env,
  token: string | undefined,
  now: number,
  defer: (work: Promise<unknown>) => void,
): Promise<WhoAmIResult> {
  // A forged token is refused here, before any Durable Object call.
  const parsed = parseSessionToken(token, readConfig(env).pepper);
  if (parsed === null || token === undefined) return { ok: false, reason: "not_signed_in" };
  const registry = sessionRegistry(env, parsed.userId);
  const found = await registry.whoAmI(parsed.sessionId, now);
  if (found === null) return { ok: false, reason: "not_signed_in" };
  if (found.profile !== null) return { ok: true, profile: found.profile, session: found.session, token };
  // The primary, not a replica: a replica may not have the change that dropped the copy yet.
  const db = userDatabase(env, parsed.userId);
  const row = await findUserWithFailures(db, parsed.userId);
  if (row === null) return { ok: false, reason: "not_signed_in" };
  const profile = profileOf(row.user, await failuresOf(env, db, row));
  defer(registry.storeProfile(profile, found.generation, row.user.credentialVersion).catch(() => undefined));
  return { ok: true, profile, session: found.session, token };
}

/**
 * After a D1 write that changes what GET /v3/user shows (email, language or anything that sets updated_at):
 * the registry drops its copy, and the next request reads D1. Await it before answering: until it returns,
 * the old copy may still be served.
 */
export async function refreshProfileSnapshot(env: Env, userId: string): Promise<void> {
  await sessionRegistry(env, userId).profileChanged();
}

/** The fields the copy keeps: never the password hash or the sealed authenticator key. */
export function profileOf(user: User, failedAttempts: number): ProfileSnapshot {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    passwordUpdatedAt: user.passwordUpdatedAt,
    lastLoginAt: user.lastLoginAt,
    failedAttempts,
  };
}
