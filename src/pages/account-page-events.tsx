/** The recent security events on /account, in the page's language. */
import type { Child } from "hono/jsx";
import type { AuditEvent } from "../domain/account";
import { describeDevice } from "../i18n/device";
import { LANGUAGE_NAMES, languageOrDefault } from "../i18n/languages";
import type { PlainKey, Translate } from "../i18n/types";
import { dotted, Rich, Time, useT } from "./words";

/** Each audit event type's words. */
const EVENT_LABELS: Record<AuditEvent["type"], PlainKey> = {
  sign_up: "account.event.signUp",
  sign_in: "account.event.signIn",
  sign_in_failed: "account.event.signInFailed",
  sign_out: "account.event.signOut",
  sessions_revoked: "account.event.sessionsRevoked",
  password_reset_requested: "account.event.passwordResetRequested",
  password_reset_completed: "account.event.passwordResetCompleted",
  password_changed: "account.event.passwordChanged",
  two_factor_enabled: "account.event.twoFactorEnabled",
  two_factor_disabled: "account.event.twoFactorDisabled",
  recovery_codes_regenerated: "account.event.recoveryCodesRegenerated",
  recovery_code_used: "account.event.recoveryCodeUsed",
  second_factor_failed: "account.event.secondFactorFailed",
  reset_email_bounced: "account.event.resetEmailBounced",
  email_bounced: "account.event.emailBounced",
  email_complained: "account.event.emailComplained",
  email_language_changed: "account.event.emailLanguageChanged",
  new_device_sign_in: "notices.event.newDevice",
  new_device_notices_on: "notices.event.alertsOn",
  new_device_notices_off: "notices.event.alertsOff",
  second_address_requested: "notices.event.secondRequested",
  second_address_added: "notices.event.secondAdded",
  second_address_removed: "notices.event.secondRemoved",
  passkey_added: "passkeys.event.added",
  passkey_removed: "passkeys.event.removed",
  email_change_requested: "account.event.emailChangeRequested",
  email_changed: "account.event.emailChanged",
  email_change_reverted: "account.event.emailChangeReverted",
  account_locked_down: "account.event.accountLockedDown",
};

export function EventList({ events }: { events: AuditEvent[] }) {
  const t = useT();
  return (
    <ul class="events">
      {events.map((e) => {
        // The address isolated: an IPv6 address inside Arabic text reads scrambled otherwise.
        const meta = dotted([
          describeDevice(t, e.userAgent),
          e.ip === null ? null : <bdi>{e.ip}</bdi>,
          eventDetail(t, e),
        ]);
        return (
          <li>
            <strong>{t(EVENT_LABELS[e.type])}</strong> <Time at={e.createdAt} />
            <br />
            <span class="meta">{meta}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * An event's detail in the page's language. The domain stores it as English text (storage/audit.ts); the
 * forms it writes are recognised here, anything else (a mail provider's bounce message) is shown as stored.
 */
function eventDetail(t: Translate, { type, detail }: AuditEvent): Child {
  if (detail === null) return null;
  if (type === "sessions_revoked") {
    if (detail === "password reset") return t("account.detail.passwordReset");
    if (detail === "password change") return t("account.detail.passwordChange");
    const others = /^(\d+) other sessions$/.exec(detail);
    if (others !== null) return t("account.detail.otherSessions", { count: Number(others[1]) });
    const all = /^all (\d+) sessions$/.exec(detail);
    if (all !== null) return t("account.detail.allSessions", { count: Number(all[1]) });
  }
  if (type === "sign_in" && detail === "passkey") return t("passkeys.method.passkey");
  if (type === "account_locked_down") {
    const all = /^all (\d+) sessions$/.exec(detail);
    if (all !== null) return t("account.detail.allSessions", { count: Number(all[1]) });
  }
  if (type === "email_language_changed") return LANGUAGE_NAMES[languageOrDefault(detail)];
  if (type === "recovery_code_used") {
    const left = /^(\d+) left$/.exec(detail);
    if (left !== null) return t("account.detail.codesLeft", { count: Number(left[1]) });
  }
  if (type === "password_reset_requested") {
    const until = /^link valid until (.+)$/.exec(detail);
    if (until !== null && !Number.isNaN(Date.parse(until[1]!))) {
      return <Rich text="account.detail.linkValidUntil" values={{ until: <Time at={until[1]!} /> }} />;
    }
  }
  return detail;
}
