/**
 * "This wasn't me" and the revert of an email change: one registry operation (lockDown) for both. Every
 * session ends live, every reset link and code is void, a pending email change is dropped and a done one
 * (within 7 days) reverted, and sign-in asks for a reset until one completes. The links are signed
 * (core/notice-link.ts) and single use (the registry); they open a page with one button, so a mail scanner
 * that follows links changes nothing.
 */

import { readNoticeLink, signNoticeLink } from "../core/notice-link";
import { generateSecret } from "../core/secrets";
import { isoTime } from "../core/time";
import { type EmailChange, sessionRegistry } from "../durable/session-registry";
import { userDatabase } from "../storage/shard-databases";
import { moveUserEmail } from "../storage/user-email";
import { findUserById } from "../storage/users";
import { auditLater } from "./audit-trail";
import type { FlowContext } from "./context";
import type { EmailChangeJob } from "./email-jobs";
import { refreshProfileSnapshot } from "./profile-snapshot";
import { emitWebhookEvent } from "./webhook-events";

/** The page that "this wasn't me" opens, for a notice about a change made at `issuedAt`. */
export function wasntMeUrl(
  config: { appUrl: string; pepper: string | null },
  userId: string,
  issuedAt: number,
): string {
  const token = signNoticeLink(config.pepper, { purpose: "w", userId, issuedAt, changeId: null });
  return `${config.appUrl}/wasnt-me?token=${token}`;
}

/** The page that reverts email change `changeId`, made at `doneAt`. */
export function revertUrl(
  config: { appUrl: string; pepper: string | null },
  userId: string,
  changeId: string,
  doneAt: number,
) {
  const token = signNoticeLink(config.pepper, { purpose: "r", userId, issuedAt: doneAt, changeId });
  return `${config.appUrl}/email-change/revert?token=${token}`;
}

/** Why a lock-down link did nothing: forged or malformed, spent, or older than 7 days (one page says all three). */
export type LockDownRefusal = { ok: false; reason: "link_invalid" };

/** A lock-down done; `restored` is the address a reverted change gave back (null: none, or another account took it). */
export type LockDownOutcome = { ok: true; reverted: EmailChange | null; restored: boolean } | LockDownRefusal;

/** Whether `token` is a well-formed, genuine link of that purpose (the page shows its button only then). */
export function isLockDownLink(ctx: Pick<FlowContext, "config">, purpose: "w" | "r", token: string | undefined) {
  return readNoticeLink(ctx.config.pepper, purpose, token) !== null;
}

/** "This wasn't me": the button on the page its link opens. */
export async function lockDownAccount(ctx: FlowContext, token: string | undefined): Promise<LockDownOutcome> {
  const link = readNoticeLink(ctx.config.pepper, "w", token);
  if (link === null) return { ok: false, reason: "link_invalid" };
  return applyLockDown(ctx, link.userId, { issuedAt: link.issuedAt });
}

/** The revert of an email change from the old address's notice: a lock-down that also undoes the change. */
export async function revertEmailChange(ctx: FlowContext, token: string | undefined): Promise<LockDownOutcome> {
  const link = readNoticeLink(ctx.config.pepper, "r", token);
  if (link === null || link.changeId === null) return { ok: false, reason: "link_invalid" };
  return applyLockDown(ctx, link.userId, { issuedAt: link.issuedAt, revertChangeId: link.changeId });
}

async function applyLockDown(
  ctx: FlowContext,
  userId: string,
  link: { issuedAt: number; revertChangeId?: string },
): Promise<LockDownOutcome> {
  const db = userDatabase(ctx.env, userId);
  const user = await findUserById(db, userId);
  if (user === null) return { ok: false, reason: "link_invalid" };
  const job: EmailChangeJob = {
    kind: "email_change",
    step: "reverted",
    requestId: generateSecret(16),
    userId,
    changeId: "",
    oldEmail: "",
    newEmail: "",
    changedAt: ctx.now,
    ip: ctx.client.ip,
    userAgent: ctx.client.userAgent,
    ...(user.language === null ? {} : { language: user.language }),
  };
  const result = await sessionRegistry(ctx.env, userId).lockDown(link, ctx.now, { id: job.requestId, message: job });
  if (!result.ok) return { ok: false, reason: "link_invalid" };
  auditLater(ctx, userId, "account_locked_down", `all ${result.sessionsEnded} sessions`);
  const reverting = result.reverted !== null;
  emitWebhookEvent(ctx, "account.locked_down", { user_id: userId, email_change_reverted: reverting });
  emitWebhookEvent(ctx, "sessions.revoked", { user_id: userId, count: result.sessionsEnded, reason: "locked_down" });
  if (result.reverted === null) return { ok: true, reverted: null, restored: false };
  const { oldEmail, newEmail } = result.reverted;
  // The old address went free when the change was made: a sign-up may have taken it since (D1 decides).
  const restored = await moveUserEmail(ctx.env, userId, { from: newEmail, to: oldEmail }, isoTime(ctx.now));
  if (restored) await refreshProfileSnapshot(ctx.env, userId);
  auditLater(ctx, userId, "email_change_reverted");
  return { ok: true, reverted: result.reverted, restored };
}
