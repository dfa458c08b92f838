/**
 * Changing the account's email address on /account. Asked with the password (the sign-in's throttled
 * check) and, when two-factor is on, a code; a confirmation link goes to the new address and nothing changes
 * until it is opened, within 60 minutes (the registry's record, single use). Then D1 moves the account to the
 * new address (the account stays in its shard, its email index moves to the new address's placement, and the
 * databases' uniqueness decides against a racing sign-up), every other session ends as a
 * password change does, and the old address gets a notice with a revert link valid 7 days (lock-down.ts).
 */
import { normalizeEmail } from "../core/email-address";
import { readNoticeLink, signNoticeLink } from "../core/notice-link";
import { generateSecret } from "../core/secrets";
import { isoTime } from "../core/time";
import { type EmailChange, sessionRegistry } from "../durable/session-registry";
import { moveUserEmail } from "../storage/user-email";
import type { User } from "../storage/users";
import { auditLater } from "./audit-trail";
import type { FlowContext } from "./context";
import type { EmailChangeJob } from "./email-jobs";
import { clearAttempts, type SignInRefusal, verifyThrottled } from "./password-attempt";
import { refreshProfileSnapshot } from "./profile-snapshot";
import type { Authenticated } from "./sessions";
import { asksSecondFactor, type SecondFactorRefusal, useSecondFactor } from "./two-factor";
import { emitWebhookEvent } from "./webhook-events";

export interface EmailChangeInput {
  newEmail: string;
  password: string;
  /** The authenticator's code (or a recovery code), when two-factor is on. */
  code?: string | undefined;
  deviceToken?: string | undefined;
}

/** Why a change was not asked for. */
export type EmailChangeRefusal =
  | SignInRefusal
  | SecondFactorRefusal
  | { ok: false; reason: "same_email" }
  | { ok: false; reason: "not_signed_in" };

/** The confirmation page for a link to the new address. */
export function confirmUrl(config: { appUrl: string; pepper: string | null }, userId: string, change: EmailChange) {
  const token = signNoticeLink(config.pepper, { purpose: "c", userId, issuedAt: 0, changeId: change.changeId });
  return `${config.appUrl}/email-change/confirm?token=${token}`;
}

/** Asks for the change: the confirmation to the new address and the "asked" notice to the old go into the outbox. */
export async function askEmailChange(
  ctx: FlowContext,
  auth: Authenticated,
  input: EmailChangeInput,
): Promise<{ ok: true; newEmail: string } | EmailChangeRefusal> {
  const newEmail = normalizeEmail(input.newEmail);
  if (newEmail === auth.user.email) return { ok: false, reason: "same_email" };
  const verified = await verifyThrottled(ctx, { email: auth.user.email, password: input.password }, input.deviceToken);
  if (!verified.ok) return verified;
  await clearAttempts(ctx, verified);
  const { user } = verified;
  if (user.id !== auth.user.id) return { ok: false, reason: "invalid_credentials" };
  if (asksSecondFactor(user)) {
    const factor = await useSecondFactor(ctx, user, input.code, "sign_in");
    if (!factor.ok) return factor;
  }
  const change = { changeId: generateSecret(16), oldEmail: user.email, newEmail };
  const notices = (["confirm", "asked"] as const).map((step) => changeNotice(ctx, user, change, step));
  const asked = await sessionRegistry(ctx.env, user.id).askEmailChange(change, auth.session.id, ctx.now, notices);
  if (!asked) return { ok: false, reason: "not_signed_in" };
  auditLater(ctx, user.id, "email_change_requested");
  return { ok: true, newEmail };
}

/** Whether `token` is a genuine confirmation link (the page shows its button only then). */
export function isConfirmLink(ctx: Pick<FlowContext, "config">, token: string | undefined): boolean {
  return readNoticeLink(ctx.config.pepper, "c", token) !== null;
}

/** The new address's confirmation: the button on the page its link opens. */
export async function confirmEmailChange(
  ctx: FlowContext,
  token: string | undefined,
): Promise<{ ok: true; newEmail: string } | { ok: false; reason: "link_invalid" | "email_taken" }> {
  const link = readNoticeLink(ctx.config.pepper, "c", token);
  if (link === null || link.changeId === null) return { ok: false, reason: "link_invalid" };
  const registry = sessionRegistry(ctx.env, link.userId);
  const confirmed = await registry.confirmEmailChange(link.changeId, ctx.now);
  if (!confirmed.ok) return { ok: false, reason: "link_invalid" };
  const { change } = confirmed;
  // The account stays in its shard; the address's index moves to the new placement (storage/user-email.ts).
  const moved = { from: change.oldEmail, to: change.newEmail };
  const made = await moveUserEmail(ctx.env, link.userId, moved, isoTime(ctx.now));
  const user = { id: link.userId, language: null };
  await registry.settleEmailChange(change.changeId, made, ctx.now, changeNotice(ctx, user, change, "done"));
  if (!made) return { ok: false, reason: "email_taken" };
  await refreshProfileSnapshot(ctx.env, link.userId); // GET /v3/user's copy shows the old address until it goes
  auditLater(ctx, link.userId, "email_changed");
  emitWebhookEvent(ctx, "email.changed", { user_id: link.userId });
  return { ok: true, newEmail: change.newEmail };
}

/** One email of a change, for the registry's outbox. */
function changeNotice(
  ctx: FlowContext,
  { id: userId, language }: Pick<User, "id" | "language">,
  change: EmailChange,
  step: EmailChangeJob["step"],
) {
  const job: EmailChangeJob = {
    kind: "email_change",
    step,
    requestId: generateSecret(16),
    userId,
    ...change,
    changedAt: ctx.now,
    ip: ctx.client.ip,
    userAgent: ctx.client.userAgent,
    ...(language === null ? {} : { language }),
  };
  return { id: job.requestId, message: job };
}
