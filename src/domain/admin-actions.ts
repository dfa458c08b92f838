/**
 * What the admin API changes in an account: end every session (live), send a reset link, turn two-factor
 * off (the owner is told), lift locks, lift a suppression, erase. Each takes an account the caller found
 * (admin-accounts.ts) and answers what it did; the call itself is audited by the route (api/admin.ts).
 */
import { emailKey } from "../core/email-address";
import { isoTime } from "../core/time";
import { sessionRegistry } from "../durable/session-registry";
import {
  eraseAccountStatements,
  eraseEmailStatements,
  liftSignInLockStatements,
  liftSuppressionStatement,
} from "../storage/account-erasure";
import { resetTokenKey } from "../storage/password-reset-tokens";
import { batchByDatabase, emailCandidateDatabases, emailDatabase, userDatabase } from "../storage/shard-databases";
import { setTotpSecret } from "../storage/user-totp";
import type { User } from "../storage/users";
import { auditLater } from "./audit-trail";
import type { FlowContext } from "./context";
import { requestPasswordReset } from "./password-reset";
import { asksSecondFactor, twoFactorNotice } from "./two-factor";
import { emitWebhookEvent } from "./webhook-events";

/** Ends every session of the account at once; open tabs leave within the socket's push. Returns how many ended. */
export async function revokeEverySession(ctx: FlowContext, user: User): Promise<number> {
  const ended = await sessionRegistry(ctx.env, user.id).revokeAllSessions("signed_out_everywhere", ctx.now);
  auditLater(ctx, user.id, "sessions_revoked", `all ${ended} sessions (administrator)`);
  emitWebhookEvent(ctx, "sessions.revoked", { user_id: user.id, count: ended, reason: "admin" });
  return ended;
}

/**
 * Queues a reset email to the account's address, as the forgot-password form does: the same job, the same
 * per-address limit (1 a minute, 5 an hour) decided by the consumer, in the account's language. With
 * `mustChange`, first the lock-down's hold: every session ends and sign-in asks for a reset by link until
 * one completes. Returns how many sessions ended (null: no hold asked).
 */
export async function sendResetLink(
  ctx: FlowContext,
  user: User,
  options: { mustChange: boolean },
): Promise<number | null> {
  let ended: number | null = null;
  if (options.mustChange) {
    ended = await sessionRegistry(ctx.env, user.id).requireReset(ctx.now);
    auditLater(ctx, user.id, "sessions_revoked", `all ${ended} sessions`);
    emitWebhookEvent(ctx, "sessions.revoked", { user_id: user.id, count: ended, reason: "admin" });
  }
  await requestPasswordReset(ctx, user.email);
  return ended;
}

/**
 * Turns two-factor off after the operator checked who asks: D1 first (off there, nothing asks for a code),
 * then the registry (codes gone, locks ended, every session ended, the owner's notice in the outbox).
 * False when it was not on.
 */
export async function turnOffTwoFactor(ctx: FlowContext, user: User): Promise<boolean> {
  if (!asksSecondFactor(user)) return false;
  await setTotpSecret(userDatabase(ctx.env, user.id), user.id, null, isoTime(ctx.now));
  const effects = { keepSessionId: null, notice: twoFactorNotice(ctx, user, "disabled") };
  await sessionRegistry(ctx.env, user.id).disableSecondFactor(ctx.now, effects);
  auditLater(ctx, user.id, "two_factor_disabled", "administrator");
  return true;
}

/**
 * Lifts every lock on the account: sign-in's (each scope, the daily cap) and reset codes' at its email's
 * placement, and the second factor's in its registry. Returns how many code locks were in force.
 */
export async function liftLocks(ctx: FlowContext, user: User): Promise<{ codeLocks: number }> {
  const key = emailKey(user.email);
  const db = emailDatabase(ctx.env, key);
  const [codeLocks] = await Promise.all([
    sessionRegistry(ctx.env, user.id).liftCodeLocks(ctx.now),
    db.batch(liftSignInLockStatements(db, key, ctx.now)),
  ]);
  return { codeLocks };
}

/** Email goes to the address again: its suppression is lifted wherever one was recorded. */
export async function liftSuppression(ctx: FlowContext, user: User): Promise<void> {
  const key = emailKey(user.email);
  await Promise.all(emailCandidateDatabases(ctx.env, key).map((db) => liftSuppressionStatement(db, key).run()));
}

/**
 * Erases the account: its registry first (every open tab told, sessions, reset state, codes and outbox
 * gone), then its reset links' KV records, then its rows in D1 (the account, its events and deliveries in
 * its shard; its address's throttles, networks, code counts and suppression at the placement). The admin
 * audit keeps the call, by uid, without the address. Safe to repeat after a failure part-way.
 */
export async function eraseAccount(ctx: FlowContext, user: User): Promise<{ sessionsEnded: number }> {
  const erased = await sessionRegistry(ctx.env, user.id).eraseRegistry();
  await Promise.all(erased.resetTokenHashes.map((hash) => ctx.env.KV.delete(resetTokenKey(hash))));
  const key = emailKey(user.email);
  const accountDb = userDatabase(ctx.env, user.id);
  const emailDbs = emailCandidateDatabases(ctx.env, key);
  await batchByDatabase([
    [accountDb, eraseAccountStatements(accountDb, user.id)],
    ...emailDbs.map((db): [D1Database, D1PreparedStatement[]] => [db, eraseEmailStatements(db, key)]),
  ]);
  // A sign-in that raced the first erase (it read the account before D1 lost it) may have stored a session.
  await sessionRegistry(ctx.env, user.id).eraseRegistry();
  return { sessionsEnded: erased.sessionsEnded };
}
