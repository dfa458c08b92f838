/** /account's sessions: the list of live sessions and the sign-out actions. */
import type { SessionInfo } from "../domain/sessions";
import { describeDevice } from "../i18n/device";
import { sessionMethodKey } from "./passkey-page";
import { dotted, Rich, Time, useT } from "./words";

/** Every live session: its device, where and when, how it was made; this one marked. */
export function SessionList({ sessions, currentSessionId }: { sessions: SessionInfo[]; currentSessionId: string }) {
  const t = useT();
  return (
    <ul class="sessions">
      {sessions.map((s) => (
        <li class={s.id === currentSessionId ? "current" : undefined}>
          <strong>{describeDevice(t, s.userAgent)}</strong>
          {s.id === currentSessionId && <span class="badge">{t("account.thisSession")}</span>}
          <br />
          <span class="meta">
            <Rich
              text="account.sessionTimes"
              values={{
                // The address isolated: an IPv6 address inside Arabic text reads scrambled otherwise.
                place: dotted([s.location, s.ip === null ? null : <bdi>{s.ip}</bdi>]) ?? t("account.unknownPlace"),
                signedIn: <Time at={s.createdAt} />,
                lastSeen: <Time at={s.lastSeenAt} />,
              }}
            />
            {s.method !== null && ` · ${t(sessionMethodKey(s.method))}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Sign out here, everywhere else, or everywhere. */
export function SignOutActions({ canSignOutOthers }: { canSignOutOthers: boolean }) {
  const t = useT();
  return (
    <div class="actions">
      <form method="post" action="/account/sign-out">
        <button type="submit" class="secondary">
          {t("account.signOut")}
        </button>
      </form>
      <form method="post" action="/account/sign-out-others">
        <button type="submit" class="secondary" disabled={!canSignOutOthers}>
          {t("account.signOutOthers")}
        </button>
      </form>
      <form method="post" action="/account/sign-out-everywhere">
        <button type="submit" class="danger">
          {t("account.signOutEverywhere")}
        </button>
      </form>
    </div>
  );
}
