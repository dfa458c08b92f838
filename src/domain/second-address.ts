/**
 * A second, verified address (issue 26; NIST SP 800-63B rev 4 asks for two notification addresses): every
 * security notice goes to it too (notice-recipients.ts `noticeRecipients`) and a reset can be asked from it,
 * the link going to it (second-address-lookup.ts). Adding one asks the current password (a reset channel
 * must not be added on a stolen session alone), then a link to the address proves its mailbox; removing
 * one asks the password too (hiding the notices is what a thief would want). Adding and removing are told
 * to both addresses, through the registry's outbox. The address's index row lives in its own placement,
 * where the consumer looks a reset's address up; its primary key decides two accounts claiming one address.
 */
import type { Config } from "../core/config";
import { emailKey, normalizeEmail } from "../core/email-address";
import { emailQueueFor } from "../core/email-queues";
import { SECOND_ADDRESS_LINK_MS, signSecondAddress, verifySecondAddress } from "../core/second-address-token";
import { generateSecret } from "../core/secrets";
import { isoTime } from "../core/time";
import { sessionRegistry } from "../durable/session-registry";
import { knownLanguage } from "../i18n/languages";
import { renderSecondAddressVerifyEmail } from "../mail/second-address-templates";
import {
  claimSecondAddress,
  releaseSecondAddressStatement,
  setSecondAddressStatement,
} from "../storage/second-addresses";
import { emailCandidateDatabases, emailDatabase, userDatabase } from "../storage/shard-databases";
import { findUserById, type User } from "../storage/users";
import { findUserByEmailIn } from "../storage/users-by-email";
import { emailLanguageOf } from "./account";
import { auditLater } from "./audit-trail";
import type { FlowContext } from "./context";
import { IDEMPOTENCY_PREFIXES, type SecondAddressJob } from "./email-jobs";
import { clearAttempts, type SignInRefusal, verifyThrottled } from "./password-attempt";
import { refreshProfileSnapshot } from "./profile-snapshot";
import { securityNotice } from "./security-notices";
import { type JobOutcome, sendEmail } from "./send-email";
import type { Authenticated } from "./sessions";

/** Why asking, confirming or removing was refused (a wrong password is sign-in's refusal: counted, maybe locked). */
export type SecondAddressRefusal =
  | SignInRefusal
  | { ok: false; reason: "same_address" | "not_signed_in" | "dead_link" | "taken" };

/** Checks the current password under the sign-in throttle (as a password change does). */
async function checkPassword(ctx: FlowContext, auth: Authenticated, password: string, deviceToken?: string) {
  const verified = await verifyThrottled(ctx, { email: auth.user.email, password }, deviceToken);
  if (!verified.ok) return verified;
  if (verified.user.id !== auth.user.id) return { ok: false as const, reason: "not_signed_in" as const };
  await clearAttempts(ctx, verified);
  return verified;
}

/** Sends the link that verifies `address` to it; nothing changes until it is opened. */
export async function askSecondAddress(
  ctx: FlowContext,
  auth: Authenticated,
  input: { address: string; password: string; deviceToken?: string | undefined },
): Promise<{ ok: true; address: string } | SecondAddressRefusal> {
  const checked = await checkPassword(ctx, auth, input.password, input.deviceToken);
  if (!checked.ok) return checked;
  const address = normalizeEmail(input.address);
  if (address === auth.user.email) return { ok: false, reason: "same_address" };
  const token = signSecondAddress(ctx.config.pepper, { userId: auth.user.id, address }, ctx.now);
  const job: SecondAddressJob = {
    kind: "second_address_verify",
    requestId: generateSecret(16),
    userId: auth.user.id,
    address,
    link: `${ctx.config.appUrl}/second-address/confirm?token=${token}`,
    requestedAt: ctx.now,
    ip: ctx.client.ip,
    userAgent: ctx.client.userAgent,
    ...(auth.user.language === null ? {} : { language: auth.user.language }),
  };
  await emailQueueFor(ctx.env, auth.user.id).send(job, { contentType: "json" });
  auditLater(ctx, auth.user.id, "second_address_requested");
  return { ok: true, address };
}

/** What a verification link names, if it is genuine and unexpired (the confirm page's question). */
export function readSecondAddressLink(ctx: FlowContext, token: string | undefined) {
  return verifySecondAddress(ctx.config.pepper, token, ctx.now);
}

/**
 * The link was opened and its button pressed: the address becomes the account's second one, unless it is
 * an account's own address or another account's second one. Both addresses are told.
 */
export async function confirmSecondAddress(
  ctx: FlowContext,
  token: string | undefined,
): Promise<{ ok: true; address: string } | SecondAddressRefusal> {
  const claim = readSecondAddressLink(ctx, token);
  if (claim === null) return { ok: false, reason: "dead_link" };
  const { env } = ctx;
  const key = emailKey(claim.address);
  const [user, holder] = await Promise.all([
    findUserById(userDatabase(env, claim.userId), claim.userId),
    findUserByEmailIn(env, emailCandidateDatabases(env, key), claim.address),
  ]);
  if (user === null) return { ok: false, reason: "dead_link" };
  if (user.secondEmail === claim.address) return { ok: true, address: claim.address };
  if (holder !== null || !(await claimSecondAddress(emailDatabase(env, key), key, user.id))) {
    return { ok: false, reason: "taken" };
  }
  await replaceSecondAddress(ctx, user, claim.address);
  const notice = securityNotice(ctx, user, "second_address_added");
  await sessionRegistry(env, user.id).keepNotice(
    { ...notice, message: { ...(notice.message as object), address: claim.address } },
    ctx.now,
  );
  auditLater(ctx, user.id, "second_address_added");
  return { ok: true, address: claim.address };
}

/** Removes the second address (the current password asked); both addresses are told. */
export async function removeSecondAddress(
  ctx: FlowContext,
  auth: Authenticated,
  input: { password: string; deviceToken?: string | undefined },
): Promise<{ ok: true } | SecondAddressRefusal> {
  const checked = await checkPassword(ctx, auth, input.password, input.deviceToken);
  if (!checked.ok) return checked;
  const removed = checked.user.secondEmail;
  if (removed === null) return { ok: true };
  await replaceSecondAddress(ctx, checked.user, null);
  const notice = securityNotice(ctx, checked.user, "second_address_removed");
  await sessionRegistry(ctx.env, auth.user.id).keepNotice(
    { ...notice, message: { ...(notice.message as object), address: removed } },
    ctx.now,
  );
  auditLater(ctx, auth.user.id, "second_address_removed");
  return { ok: true };
}

/** The account's column, then the old address's index row given up (a stale row names no account: the lookup checks). */
async function replaceSecondAddress(ctx: FlowContext, user: User, address: string | null): Promise<void> {
  const { env } = ctx;
  await setSecondAddressStatement(userDatabase(env, user.id), user.id, address, isoTime(ctx.now)).run();
  // The row's updated_at moved: GET /v3/user's copy goes (profile-snapshot.ts).
  await refreshProfileSnapshot(env, user.id);
  if (user.secondEmail !== null && user.secondEmail !== address) {
    const oldKey = emailKey(user.secondEmail);
    await releaseSecondAddressStatement(emailDatabase(env, oldKey), oldKey, user.id).run();
  }
}

/** The email queue's job: the verification link, to the address itself, while it works. */
export async function deliverSecondAddressLink(
  env: Env,
  config: Config,
  job: SecondAddressJob,
  now: number,
): Promise<JobOutcome> {
  if (now - job.requestedAt > SECOND_ADDRESS_LINK_MS) {
    return { delivery: { ok: false, reason: "undeliverable", detail: "link expired before it was sent" }, writes: [] };
  }
  const reader = { language: knownLanguage(job.language) ?? emailLanguageOf({ language: null }) };
  const rendered = renderSecondAddressVerifyEmail({ reader, link: job.link });
  const idempotencyKey = `${IDEMPOTENCY_PREFIXES[job.kind]}/${job.requestId}`;
  const email = { to: job.address, ...rendered, idempotencyKey, reference: job.requestId, kind: job.kind };
  return { delivery: await sendEmail(env, config, email, now), writes: [] };
}
