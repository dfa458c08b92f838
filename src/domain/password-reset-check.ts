/**
 * Judging a reset link, the reset's side: which user's SessionRegistry decides a token (the token names
 * it; only a token from before user ids is looked up in KV), and what that registry and D1 together say
 * of it: usable, or why not (newest, unused, issued after the last password change, under 60 minutes
 * old: invariants 1–3). Issuing links is password-reset-issue.ts.
 */
import { readConfig } from "../core/config";
import { isResetTokenExpired, parseResetToken } from "../core/password-reset-token";
import { type LinkFate, linkFate } from "../durable/password-reset-rules";
import { sessionRegistry } from "../durable/session-registry";
import { findResetToken } from "../storage/password-reset-tokens";
import { userDatabase } from "../storage/shard-databases";
import { findUserById } from "../storage/users";
import { StorageUnavailableError } from "./storage-unavailable";
import { asksSecondFactor } from "./two-factor";

/** A token and the user whose registry decides it; usable only if that registry agrees. */
export interface LocatedToken {
  tokenHash: string;
  userId: string;
}

/**
 * Which user's registry decides a token. A token that names its user goes straight to that user's registry,
 * the authority (invariant 16): no KV read on the path, so KV's lag and cached misses cannot refuse a fresh
 * link. Only a token from before user ids is looked up in KV, where a failure is a 503.
 */
export async function locateResetToken(env: Env, token: string, now: number): Promise<LocatedToken | null> {
  const parsed = parseResetToken(token);
  if (parsed === null) return null;
  const { tokenHash, userId } = parsed;
  if (userId !== null) return { tokenHash, userId };
  const record = await findResetToken(env.KV, tokenHash).catch((error: unknown) => {
    throw new StorageUnavailableError("KV could not be read for a token without a user id", { cause: error });
  });
  if (record === null || isResetTokenExpired(record.issuedAt, now, readConfig(env).resetLinkMs)) return null;
  return { tokenHash, userId: record.userId };
}

/** The account behind a located link and what its registry says of the link, asked of D1 and the registry at once. */
export async function readResetLink(env: Env, found: LocatedToken, now: number) {
  const [user, status] = await Promise.all([
    findUserById(userDatabase(env, found.userId), found.userId),
    sessionRegistry(env, found.userId).resetTokenStatus(found.tokenHash, now),
  ]);
  if (user === null) return null;
  // D1's version tells whether this link's reset already committed (its reply lost).
  return { user, status, fate: linkFate(status, user.credentialVersion, readConfig(env).resetLinkMs) };
}

export type { LinkFate } from "../durable/password-reset-rules";

/**
 * Whether a link works now, and if not why (read-only): the reset page says so before any typing, and a
 * dead link's page names its cause. Only the link's holder sees it, so the cause reveals nothing to others.
 */
export async function resetLinkFate(
  env: Env,
  token: string,
  now: number,
): Promise<LinkFate & { asksSecondFactor?: boolean }> {
  const found = await locateResetToken(env, token, now);
  if (found === null) return { fate: "invalid" };
  try {
    const read = await readResetLink(env, found, now);
    // Whether the page must ask for the account's second factor before the new password (two-factor.ts).
    return read === null ? { fate: "invalid" } : { ...read.fate, asksSecondFactor: asksSecondFactor(read.user) };
  } catch (error) {
    throw new StorageUnavailableError("a reset link could not be checked", { cause: error });
  }
}
