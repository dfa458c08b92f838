/**
 * Reset links: issuing one for a forgot-password request (run by the email queue's consumer), and
 * finding out whether a link's token may still be used. KV finds the user behind a token; the user's
 * SessionRegistry decides whether the token is the newest, unused and unexpired (invariants 1–3).
 */
import { type Config, readConfig } from "../core/config";
import { emailKey } from "../core/email-address";
import { formatResetCode, formatResetToken, isResetTokenExpired, parseResetToken } from "../core/reset-token";
import { HOUR_MS, isoTime, MINUTE_MS } from "../core/time";
import { type LimitWindow, sessionRegistry } from "../durable/session-registry";
import { type LinkFate, linkFate } from "../durable/session-registry-rules";
import { knownTimeZone } from "../i18n/format";
import { knownLanguage } from "../i18n/languages";
import { renderResetEmail } from "../mail/templates";
import { auditEventStatement } from "../storage/audit";
import { clearCodeAttemptsStatement } from "../storage/reset-code-failures";
import { findResetToken, storeResetToken } from "../storage/reset-tokens";
import { emailDatabase, userDatabase } from "../storage/shard-databases";
import { findUserById, type User } from "../storage/users";
import { emailLanguageOf } from "./account";
import { IDEMPOTENCY_PREFIXES, type PasswordResetJob } from "./email-jobs";
import { type JobOutcome, sendEmail } from "./send-email";
import { asksSecondFactor } from "./two-factor";

/** Reset emails per address: one a minute, five an hour (exact, counted in the account's registry). */
const FORGOT_EMAIL_LIMITS: LimitWindow[] = [
  { ms: MINUTE_MS, max: 1 },
  { ms: HOUR_MS, max: 5 },
];

/**
 * For the account a forgot-password job named (`user`, looked up with its batch; null if none): the
 * registry applies the per-address limit and issues the token, then the KV record and the email go out
 * together; the audit row is written with the batch's. Nothing is sent for an unknown address, over the
 * limit, or for a request a newer one superseded, and an unknown address creates nothing anywhere.
 */
export async function issueResetLink(
  env: Env,
  config: Config,
  job: PasswordResetJob,
  user: User | null,
  now: number,
): Promise<JobOutcome> {
  if (isResetTokenExpired(job.requestedAt, now, config.resetLinkMs)) {
    return {
      delivery: { ok: false, reason: "undeliverable", detail: "request older than the link lifetime" },
      writes: [],
    };
  }
  if (user === null) return { delivery: { ok: true, detail: "no account" }, writes: [] };
  // The requestId makes a retry of this job count once against the limit, and re-derive the same token.
  const issued = await sessionRegistry(env, user.id).issueResetToken(
    job.requestId,
    job.requestedAt,
    FORGOT_EMAIL_LIMITS,
  );
  if (!issued.ok) {
    return {
      delivery: { ok: true, detail: issued.reason === "limited" ? "per-email limit" : "superseded" },
      writes: [],
    };
  }
  const rendered = renderResetEmail({
    reader: {
      // The asking page's language; none (the API), or one this version does not know: the account's.
      language: knownLanguage(job.language) ?? emailLanguageOf(user),
      timeZone: knownTimeZone(job.timeZone),
    },
    link: `${config.appUrl}/reset-password?token=${formatResetToken(user.id, issued.secret)}`,
    requestedAt: job.requestedAt,
    client: job,
    forgotUrl: `${config.appUrl}/forgot-password`,
    lifetimeMinutes: config.resetLinkMs / MINUTE_MS,
    code: formatResetCode(issued.code),
    codeUrl: `${config.appUrl}/reset-password/code`,
  });
  const expiresAt = job.requestedAt + config.resetLinkMs;
  const record = { userId: user.id, issuedAt: job.requestedAt };
  const email = {
    to: user.email,
    ...rendered,
    idempotencyKey: `${IDEMPOTENCY_PREFIXES[job.kind]}/${job.requestId}`,
    reference: job.requestId,
    kind: "password_reset",
  };
  const [delivery] = await Promise.all([
    sendEmail(env, config, email, now),
    // KV is a fast path, not the authority: if the write fails, the link still works through the registry.
    storeResetToken(env.KV, issued.tokenHash, record, expiresAt, now).catch((error) =>
      console.warn(JSON.stringify({ event: "reset_record_write_failed", userId: user.id, error: String(error) })),
    ),
  ]);
  if (!delivery.ok) return { delivery, writes: [] };
  const detail = `link valid until ${isoTime(expiresAt)}`;
  const at = isoTime(job.requestedAt);
  const db = userDatabase(env, user.id);
  const key = emailKey(user.email);
  const codes = emailDatabase(env, key);
  const audit = auditEventStatement(db, user.id, "password_reset_requested", job, at, detail);
  return {
    delivery,
    writes: [
      [db, audit],
      [codes, clearCodeAttemptsStatement(codes, key, job.requestedAt)],
    ],
  };
}

/** A step of a reset could not reach its storage; nothing observable changed, retrying is safe (a 503). */
export class ResetUnavailableError extends Error {
  override name = "ResetUnavailableError";
}

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
    throw new ResetUnavailableError("KV could not be read for a token without a user id", { cause: error });
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

export type { LinkFate } from "../durable/session-registry-rules";

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
    throw new ResetUnavailableError("a reset link could not be checked", { cause: error });
  }
}
