/**
 * Sessions as the surfaces see them: authenticate a token, and the three ways to sign out. The API and
 * the pages call the same functions, so each sign-out writes its audit row whichever surface asked.
 * The user's SessionRegistry holds the truth.
 */
import { readConfig } from "../core/config";
import { emailKey } from "../core/email-address";
import { parseSessionToken } from "../core/session-token";
import { liveSocketRequest } from "../durable/live-sign-out";
import { type SessionInfo, sessionRegistry } from "../durable/session-registry";
import { emailDatabase, userDatabase } from "../storage/shard-databases";
import { countFailures } from "../storage/sign-in-throttle-upkeep";
import { findUserWithFailures, type User } from "../storage/users";
import { auditLater } from "./audit-trail";
import type { FlowContext } from "./context";
import { emitWebhookEvent } from "./webhook-events";

export type { SessionInfo, SessionMethod } from "../durable/session-registry";
export type { User } from "../storage/users";

/** A live session and its user. */
export interface Authenticated {
  user: User;
  /** Consecutive failed sign-ins on the account's email (Contentstack's failed_attempts). */
  failedAttempts: number;
  session: SessionInfo;
  token: string;
}

/**
 * `ended` says a session was refused for its overall limit (the page tells the person why); the API answers
 * it as any other expired token, as Contentstack does.
 */
export type AuthResult = ({ ok: true } & Authenticated) | { ok: false; reason: "not_signed_in"; ended?: "too_old" };

/**
 * The user and live session behind a token; refused for anything missing, malformed, revoked, idle or too old.
 * The registry and D1 are asked at once: the token names the user, so neither waits for the other. The
 * registry decides whether the session lives; D1 only supplies the profile, so it is read from the
 * nearest read replica, which may lag the primary by a moment (a last-login or failed-attempt count a
 * moment old). A replica that has not yet seen the account (just signed up) is not final: the primary is
 * asked then.
 */
export async function authenticate(env: Env, token: string | undefined, now: number): Promise<AuthResult> {
  // A forged token is refused here, before any Durable Object or D1 call.
  const parsed = parseSessionToken(token, readConfig(env).pepper);
  if (parsed === null || token === undefined) return { ok: false, reason: "not_signed_in" };
  const db = userDatabase(env, parsed.userId);
  const [session, nearby] = await Promise.all([
    sessionRegistry(env, parsed.userId).validateSession(parsed.sessionId, now),
    findUserWithFailures(db.withSession("first-unconstrained"), parsed.userId),
  ]);
  if (session === null) return { ok: false, reason: "not_signed_in" };
  if ("ended" in session) return { ok: false, reason: "not_signed_in", ended: session.ended };
  const found = nearby ?? (await findUserWithFailures(db, parsed.userId));
  if (found === null) return { ok: false, reason: "not_signed_in" };
  const failedAttempts = await failuresOf(env, db, found);
  return { ok: true, user: found.user, failedAttempts, session, token };
}

/**
 * The failure count read with the account is complete when the email's throttles share its shard (always,
 * but for an account created before the layout's newest generation): else they are read at the placement.
 */
export async function failuresOf(
  env: Env,
  db: D1Database,
  found: { user: User; failedAttempts: number },
): Promise<number> {
  const key = emailKey(found.user.email);
  const throttles = emailDatabase(env, key);
  return throttles === db ? found.failedAttempts : countFailures(throttles.withSession("first-unconstrained"), key);
}

export type SignOutResult = { ok: true } | { ok: false; reason: "not_signed_in" };

/** Ends the session behind a token, and records it. */
export async function signOut(ctx: FlowContext, token: string | undefined): Promise<SignOutResult> {
  const parsed = parseSessionToken(token, ctx.config.pepper);
  if (parsed === null) return { ok: false, reason: "not_signed_in" };
  const ended = await sessionRegistry(ctx.env, parsed.userId).revokeSession(parsed.sessionId, "signed_out");
  if (!ended) return { ok: false, reason: "not_signed_in" };
  auditLater(ctx, parsed.userId, "sign_out");
  return { ok: true };
}

/** Ends every session of the user but this one; returns how many ended. */
export async function signOutOtherSessions(ctx: FlowContext, auth: Authenticated): Promise<number> {
  const ended = await sessionRegistry(ctx.env, auth.user.id).revokeOtherSessions(auth.session.id, ctx.now);
  auditLater(ctx, auth.user.id, "sessions_revoked", `${ended} other sessions`);
  if (ended > 0)
    emitWebhookEvent(ctx, "sessions.revoked", { user_id: auth.user.id, count: ended, reason: "signed_out_others" });
  return ended;
}

/** Ends every session of the user, this one included; returns how many ended. */
export async function signOutEverywhere(ctx: FlowContext, auth: Authenticated): Promise<number> {
  const ended = await sessionRegistry(ctx.env, auth.user.id).revokeAllSessions("signed_out_everywhere", ctx.now);
  auditLater(ctx, auth.user.id, "sessions_revoked", `all ${ended} sessions`);
  if (ended > 0) {
    emitWebhookEvent(ctx, "sessions.revoked", { user_id: auth.user.id, count: ended, reason: "signed_out_everywhere" });
  }
  return ended;
}

/** The live sign-out WebSocket for an authenticated session, answered by the user's registry. */
export async function openLiveSignOut(env: Env, auth: Authenticated): Promise<Response> {
  return sessionRegistry(env, auth.user.id).fetch(liveSocketRequest(auth.session.id));
}
