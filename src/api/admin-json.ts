/** The admin API's answers as JSON (admin-schemas.ts): the domain's values with ISO times and snake_case names. */
import type { z } from "zod";
import type { AccountExport, AccountLookup } from "../domain/admin-accounts";
import type { AccountExport as ExportSchema, AccountLookup as LookupSchema } from "./admin-schemas";

const iso = (ms: number) => new Date(ms).toISOString();

/** The look-up's JSON. */
export function lookupJson(found: AccountLookup): z.infer<typeof LookupSchema> {
  const { user, registry } = found;
  const signIn = found.signInLocks.map((l) => ({ scope: l.scope, locked_until: iso(l.lockedUntil) }));
  const codes = registry.codeLocks.map((l) => ({ scope: l.surface, locked_until: iso(l.lockedUntil) }));
  return {
    account: {
      uid: user.id,
      email: user.email,
      shard: found.shard,
      status: signIn.length + codes.length > 0 ? "locked" : "active",
      created_at: user.createdAt,
      updated_at: user.updatedAt,
      password_updated_at: user.passwordUpdatedAt,
      last_login_at: user.lastLoginAt,
      language: user.language,
      password_reset_required: registry.resetRequired,
      two_factor: {
        enabled: user.totpEnabledAt !== null,
        enabled_at: user.totpEnabledAt,
        recovery_codes_left: registry.recoveryCodesLeft,
      },
    },
    sessions: found.sessions.map((s) => ({
      label: s.id.slice(0, 12),
      created_at: iso(s.createdAt),
      last_seen_at: iso(s.lastSeenAt),
      ip: s.ip,
      device: s.userAgent,
      location: s.location,
    })),
    locks: { sign_in: signIn, second_factor: codes },
    suppression:
      found.suppression === null
        ? null
        : {
            reason: found.suppression.reason,
            since: iso(found.suppression.since),
            until: iso(found.suppression.until),
          },
    events: found.events.map((e) => ({
      type: e.type,
      ip: e.ip,
      user_agent: e.userAgent,
      detail: e.detail,
      created_at: e.createdAt,
    })),
  };
}

/** The export's JSON. */
export function exportJson(found: AccountExport, now: number): z.infer<typeof ExportSchema> {
  return {
    ...lookupJson(found),
    exported_at: iso(now),
    mail_events: found.mailEvents.map((e) => ({ type: e.type, detail: e.detail, created_at: e.createdAt })),
    admin_actions: found.adminActions.map((a) => ({
      key_name: a.keyName,
      action: a.action,
      reason: a.reason,
      created_at: a.createdAt,
    })),
  };
}
