/**
 * Signing in with a passkey, no email asked (a discoverable credential): the page gets a challenge kept in
 * D1 under a random id (its cookie), and the browser's assertion names the account by its user handle (the
 * account's id), so the user's registry is found without D1. The person waits for two storage steps: the
 * challenge used (DELETE ... RETURNING) beside the network's failure count, then the registry's one call
 * that checks the assertion, advances its counter and creates the session. No password is hashed, and the
 * password's locks (the account's daily cap, a network's lock) are not consulted: a passkey cannot be
 * guessed. Failed assertions have their own limit per network (docs/design.md, "Passkeys").
 */

import { decodeBase64urlIgnorePadding, encodeHexLowerCase } from "@oslojs/encoding";
import { clientNetwork } from "../core/client-info";
import { type AssertionResponse, passkeyRelyingParty } from "../core/passkey";
import { generateSecret, hashSecret } from "../core/secrets";
import { shardOfUserId } from "../core/shards";
import { isoTime, MINUTE_MS } from "../core/time";
import { type PasskeyRefusal, sessionRegistry } from "../durable/session-registry";
import { auditEventStatement } from "../storage/audit";
import {
  networkFailuresStatement,
  recordNetworkFailure,
  storeSignInChallenge,
  takeSignInChallengeStatement,
} from "../storage/passkey-sign-in";
import { emailDatabase, userDatabase } from "../storage/shard-databases";
import { recordSignInStatement } from "../storage/users";
import type { FlowContext } from "./context";
import { signOut } from "./sessions";

/** A sign-in challenge lives 5 minutes (its cookie as long). */
export const PASSKEY_SIGN_IN_TTL_MS = 5 * MINUTE_MS;
/** Failed assertions a network may send in a window before passkey sign-ins from it are refused for the rest of it. */
export const MAX_PASSKEY_FAILURES_PER_NETWORK = 20;
export const PASSKEY_FAILURE_WINDOW_MS = 15 * MINUTE_MS;

export type PasskeySignInResult =
  | { ok: true; userId: string; token: string }
  | { ok: false; reason: "expired" | "limited" }
  /** The right passkey on an account a lock-down holds until a reset by link: not a failure. */
  | { ok: false; reason: "reset_required" }
  | { ok: false; reason: "refused"; problem: PasskeyRefusal | "no_user" };

/** A new sign-in challenge: its id (for the cookie) and the challenge (base64url) for the browser. */
export async function beginPasskeySignIn(ctx: FlowContext): Promise<{ id: string; challenge: string }> {
  const id = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = generateSecret(32);
  await storeSignInChallenge(emailDatabase(ctx.env, id), id, challenge, ctx.now + PASSKEY_SIGN_IN_TTL_MS);
  return { id, challenge };
}

/** The account a user handle names: our user ids, as UTF-8 (what the registration gave the authenticator). */
function userOf(handle: string | null): string | null {
  if (handle === null) return null;
  try {
    const id = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(decodeBase64urlIgnorePadding(handle));
    return shardOfUserId(id) === null ? null : id;
  } catch {
    return null;
  }
}

/** Signs in with the assertion answering the challenge of `challengeId`; `replacing`: the session this browser had. */
export async function signInWithPasskey(
  ctx: FlowContext,
  input: { challengeId: string; response: AssertionResponse; replacing?: string | undefined },
): Promise<PasskeySignInResult> {
  const { env, now } = ctx;
  const network = clientNetwork(ctx.client.ip);
  const failuresDb = emailDatabase(env, hashSecret(network));
  const challengeDb = emailDatabase(env, /^[0-9a-f]{32}$/.test(input.challengeId) ? input.challengeId : "00000000");
  // Step 1: the challenge used and the network's count read, side by side.
  const [taken, failures] = await Promise.all([
    takeSignInChallengeStatement(challengeDb, input.challengeId, now).first<{ challenge: string; live: number }>(),
    networkFailuresStatement(failuresDb, network).first<{ failures: number; since: number }>(),
  ]);
  if (failures !== null && failures.since > now - PASSKEY_FAILURE_WINDOW_MS) {
    if (failures.failures >= MAX_PASSKEY_FAILURES_PER_NETWORK) return { ok: false, reason: "limited" };
  }
  if (taken === null || taken.live !== 1) return { ok: false, reason: "expired" };
  const refuse = async (problem: PasskeyRefusal | "no_user"): Promise<PasskeySignInResult> => {
    await recordNetworkFailure(failuresDb, network, now, PASSKEY_FAILURE_WINDOW_MS);
    return { ok: false, reason: "refused", problem };
  };
  const userId = userOf(input.response.userHandle);
  if (userId === null) return refuse("no_user");
  // Step 2: the check, the counter and the session, in the user's registry.
  const rp = passkeyRelyingParty(ctx.config.appUrl);
  const challenge = decodeBase64urlIgnorePadding(taken.challenge);
  const meta = { ...ctx.client, method: "passkey" as const };
  const result = await sessionRegistry(env, userId).signInWithPasskey(userId, input.response, challenge, rp, meta, now);
  if (!result.ok && result.reason === "reset_required") return { ok: false, reason: "reset_required" };
  if (!result.ok) return refuse(result.reason);
  // After the response: the last sign-in and the audit row in one batch (one D1 call), and the session this
  // browser had ended.
  const db = userDatabase(env, userId);
  const at = isoTime(now);
  ctx.defer(
    db.batch([
      recordSignInStatement(db, userId, at),
      auditEventStatement(db, userId, "sign_in", ctx.client, at, "passkey"),
    ]),
  );
  if (input.replacing !== undefined) ctx.defer(signOut(ctx, input.replacing).catch(() => undefined));
  return { ok: true, userId, token: result.token };
}
