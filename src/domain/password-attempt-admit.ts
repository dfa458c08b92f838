/**
 * An attempt's admission, before any password is hashed: its scope (a current device token's, else its
 * network's), its one D1 round trip, and the limits that apply. A trusted client (a device token at the
 * account's current credential version, or, for an API client, a known network) meets only its own scope's
 * lock; anyone else its network's and the email's daily cap, whose slot it reserves in that same round trip
 * (storage/sign-in-cap.ts), so no number of parallel guesses outruns the cap (NIST SP 800-63B rev 4, docs/design.md invariant 12).
 */
import { signInAttemptMark } from "../core/attempt-mark";
import { clientNetwork } from "../core/client-info";
import { deviceClaim } from "../core/device-token";
import { emailKey, normalizeEmail } from "../core/email-address";
import { generateSecret } from "../core/secrets";
import { DAY_MS, MINUTE_MS, SECOND_MS } from "../core/time";
import { emailCandidateDatabases, emailDatabase } from "../storage/shard-databases";
import {
  type AttemptScopes,
  type DailyCap,
  type LockSchedule,
  releaseAttempt,
  type SignInAttempt,
  startSignInAttempt,
} from "../storage/sign-in-throttle";
import type { User } from "../storage/users";
import { findMovedUser, findUserByEmailIn } from "../storage/users-by-email";
import type { FlowContext } from "./context";

/** Answer to an attempt made while another attempt on the same email is still being checked. */
const BUSY_RETRY_MS = SECOND_MS;
/** Four free failures, then 5, 10 … 25 minutes (Contentstack's schedule, without its permanent lock). */
export const LOCK_SCHEDULE: LockSchedule = { free: 4, stepMs: 5 * MINUTE_MS, maxMs: 25 * MINUTE_MS };
/** Untrusted clients of one email together: at most 100 counted failures a day (docs/nist-800-63b.md, section 3.2.2, says how this differs from NIST's 100 consecutive). */
export const DAILY_CAP: DailyCap = { max: 100, windowMs: DAY_MS };

export type SignInRefusal =
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

/** Which trust the surface grants besides device tokens. */
export interface AdmitOptions {
  /** An API sign-in: a network the account signed in from in the last 30 days is trusted (no cookie there). */
  trustKnownNetwork?: boolean;
}

/** An attempt past the locks, holding its scope's slot (and, untrusted, a reservation of the daily cap). */
export interface Admitted {
  ok: true;
  user: User | null;
  failedBefore: SignInAttempt["failedBefore"];
  trusted: boolean;
  /** The client is no stranger to the account (its device cookie, or a network it used in 30 days): no new-device notice. */
  familiar: boolean;
  key: string;
  scopes: AttemptScopes;
  attemptId: string;
  /** Whether it holds a reservation of the email's daily cap, which its outcome turns or gives back. */
  reserved: boolean;
  mark: string;
  /** Untrusted failures counted in the email's current day window (0 once it has passed). */
  capSpent: number;
}

/** Admits the attempt, or refuses it (locked, or busy) having given back whatever it took. */
export async function admit(
  ctx: FlowContext,
  credentials: { email: string; password: string },
  deviceToken: string | undefined,
  options: AdmitOptions,
): Promise<Admitted | { ok: false; refusal: SignInRefusal }> {
  const { env, config, now } = ctx;
  const email = normalizeEmail(credentials.email);
  const key = emailKey(email);
  const claim = deviceClaim(config.pepper, key, deviceToken);
  const network = clientNetwork(ctx.client.ip);
  const networkScope = `net:${network}`;
  const scopes = { emailKey: key, slotScope: claim?.scope ?? networkScope, networkScope };
  const mark = signInAttemptMark(config.pepper, key, credentials.password);
  const attemptId = generateSecret(12);
  const trust = {
    claimVersion: claim?.credentialVersion ?? null,
    network: options.trustKnownNetwork === true ? network : null,
    // Read for every attempt (same round trip): a sign-in from a new device is told to the owner.
    readNetwork: network,
  };
  // The throttle lives at the email's placement, which also holds its account unless an older generation
  // does: those shards are asked in the same step (core/shards.ts).
  const throttles = emailDatabase(env, key);
  const older = emailCandidateDatabases(env, key).filter((db) => db !== throttles);
  const [attempt, elsewhere] = await Promise.all([
    startSignInAttempt(throttles, { ...scopes, email, attemptId, mark }, trust, now, DAILY_CAP),
    older.length === 0 ? null : findUserByEmailIn(env, older, email).catch((error: unknown) => error as Error),
  ]);
  const hold = { ...scopes, attemptId, reserved: attempt.reserved };
  // An older shard that cannot be read fails the attempt, without leaving its slot taken for the next one.
  if (elsewhere instanceof Error) {
    if (attempt.acquired) await releaseAttempt(throttles, hold);
    throw elsewhere;
  }
  // An account whose address moved here from another shard (an email change): read there, a step only for it.
  const moved =
    attempt.user === null && elsewhere === null && attempt.movedTo !== null
      ? await findMovedUser(env, attempt.movedTo, email).catch((error: unknown) => error as Error)
      : null;
  if (moved instanceof Error) {
    if (attempt.acquired) await releaseAttempt(throttles, hold);
    throw moved;
  }
  const user = attempt.user ?? elsewhere ?? moved;
  // Trust holds only for a token issued at the account's current password (a reset voids every device
  // token), or for a known network, which a reset keeps: the owner's CLI goes on working.
  const trustedDevice = claim !== null && user !== null && claim.credentialVersion === user.credentialVersion;
  // (The known network is read for every attempt, for the new-device notice, but trusted only where asked.)
  const trusted = trustedDevice || (user !== null && trust.network !== null && attempt.knownNetwork);
  const lockedUntil = trusted
    ? attempt.slotLockedUntil
    : Math.max(attempt.slotLockedUntil, attempt.networkLockedUntil, attempt.capLockedUntil);
  // Another attempt in this scope is being checked (parallel guesses wait their turn behind the lock
  // check), or the cap's other slots are all reserved by attempts being checked now.
  const busy = !attempt.acquired || (!trusted && !attempt.reserved);
  if (lockedUntil > now || busy) {
    if (attempt.acquired) await releaseAttempt(throttles, hold);
    const retryAfterMs = lockedUntil > now ? lockedUntil - now : BUSY_RETRY_MS;
    return { ok: false, refusal: { ok: false, reason: "locked", retryAfterMs } };
  }
  const capSpent = attempt.capWindowStart > now - DAILY_CAP.windowMs ? attempt.capFailures : 0;
  const { failedBefore } = attempt;
  // Familiar: a device cookie for this email (even one a reset voided), or a network used in 30 days.
  const familiar = claim !== null || (user !== null && attempt.knownNetwork);
  const { reserved } = attempt;
  return { ok: true, user, failedBefore, trusted, familiar, key, scopes, attemptId, reserved, mark, capSpent };
}
