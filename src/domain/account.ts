/** What /account shows a signed-in person: their live sessions, recent security events, and a mail block. */
import { emailKey } from "../core/email-address";
import { isoTime } from "../core/time";
import { sessionRegistry } from "../durable/session-registry";
import { type Language, languageOrDefault } from "../i18n/languages";
import { type AuditEvent, listAuditEvents } from "../storage/audit";
import { findSuppression } from "../storage/mail-events";
import { emailDatabase, userDatabase } from "../storage/shard-databases";
import { updateUserLanguage } from "../storage/user-preferences";
import { auditLater } from "./audit-trail";
import type { FlowContext } from "./context";
import { refreshProfileSnapshot } from "./profile-snapshot";
import type { SessionInfo } from "./sessions";
import { asksSecondFactor } from "./two-factor";

export type { AuditEvent } from "../storage/audit";

/** How many security events the account page lists. */
const RECENT_EVENTS = 10;

export interface AccountOverview {
  sessions: SessionInfo[];
  events: AuditEvent[];
  /** The address bounced or complained: no email goes to it until `until` (shown only to its owner). */
  suppression: { until: number; reason: string; since: number } | null;
  /** Unused recovery codes (two-factor on). */
  recoveryCodesLeft: number;
}

/**
 * Live sessions (newest first), the newest events and any suppression of the address, read at once. The
 * events come from the nearest D1 read replica unless `fresh` (the page right after the person's own
 * change, which must show it): then from the primary.
 */
export async function accountOverview(
  env: Env,
  user: { id: string; email: string; totpEnabledAt: string | null },
  now: number,
  { fresh = false } = {},
): Promise<AccountOverview> {
  const primary = userDatabase(env, user.id);
  const db = fresh ? primary : primary.withSession("first-unconstrained");
  const key = emailKey(user.email);
  const registry = sessionRegistry(env, user.id);
  const [sessions, events, suppression, recoveryCodesLeft] = await Promise.all([
    registry.listSessions(now),
    listAuditEvents(db, user.id, RECENT_EVENTS),
    findSuppression(emailDatabase(env, key), key, now),
    asksSecondFactor(user) ? registry.recoveryCodesLeft() : 0,
  ]);
  return { sessions, events, suppression, recoveryCodesLeft };
}

/** The language an account's emails are written in (English until one is chosen). */
export function emailLanguageOf(user: { language: string | null }): Language {
  return languageOrDefault(user.language);
}

/**
 * Sets the language of the account's emails (the /account form). A security event: whoever changes it
 * chooses the language of the notices the owner reads next.
 */
export async function setEmailLanguage(ctx: FlowContext, userId: string, language: Language): Promise<void> {
  await updateUserLanguage(userDatabase(ctx.env, userId), userId, language, isoTime(ctx.now));
  // updated_at moved: GET /v3/user's copy of the profile goes.
  await refreshProfileSnapshot(ctx.env, userId);
  auditLater(ctx, userId, "email_language_changed", language);
}
