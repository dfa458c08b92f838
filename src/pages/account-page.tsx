/** /account: profile, active sessions (this one marked), sign-out buttons, recent security events. */
import { describeUserAgent } from "../core/user-agent";
import type { AccountOverview, AuditEvent } from "../domain/account";
import type { SessionInfo, User } from "../domain/sessions";
import { Field, NewPasswordFields, Notice, Time } from "./layout";
import { TwoFactorSection } from "./two-factor-pages";

const EVENT_LABELS: Record<AuditEvent["type"], string> = {
  sign_up: "Account created",
  sign_in: "Signed in",
  sign_in_failed: "Failed sign-in attempt",
  sign_out: "Signed out",
  sessions_revoked: "Sessions signed out",
  password_reset_requested: "Password reset link sent",
  password_reset_completed: "Password reset",
  password_changed: "Password changed",
  two_factor_enabled: "Two-factor sign-in turned on",
  two_factor_disabled: "Two-factor sign-in turned off",
  recovery_codes_regenerated: "New recovery codes made",
  recovery_code_used: "Recovery code used",
  second_factor_failed: "Wrong authentication code",
  reset_email_bounced: "Reset email bounced",
  email_bounced: "Email bounced",
  email_complained: "Email marked as spam",
};

export interface AccountPageProps {
  user: User;
  sessions: SessionInfo[];
  currentSessionId: string;
  events: AuditEvent[];
  suppression: AccountOverview["suppression"];
  notice: string | null;
  /** Messages next to the change-password form's fields (after a refused change). */
  passwordErrors: Record<string, string>;
  twoFactor: { since: string | null; recoveryCodesLeft: number };
  /** Messages next to the two-factor forms' fields. */
  twoFactorErrors: Record<string, string>;
  minLength: number;
}

/** The page: profile, sessions with the sign-out actions, recent events. */
export function AccountPage(props: AccountPageProps) {
  const { user, sessions, currentSessionId, events, suppression, notice, passwordErrors, minLength } = props;
  const { twoFactor, twoFactorErrors } = props;
  return (
    <>
      <h1>Your account</h1>
      {notice !== null && <Notice tone="success">{notice}</Notice>}
      {suppression !== null && (
        <Notice tone="error">
          We could not deliver email to <strong>{user.email}</strong>: it{" "}
          {suppression.reason === "complained" ? "was marked as spam" : "bounced"} at <Time at={suppression.since} />.
          We will send nothing to it until <Time at={suppression.until} />, and a password reset email would not reach
          you either. Check the address with your email provider.
        </Notice>
      )}
      <Profile user={user} />
      <h2>Active sessions</h2>
      <SessionList sessions={sessions} currentSessionId={currentSessionId} />
      <SignOutActions canSignOutOthers={sessions.length >= 2} />
      <ChangePassword errors={passwordErrors} minLength={minLength} />
      <TwoFactorSection {...twoFactor} errors={twoFactorErrors} />
      <h2>Recent security events</h2>
      <EventList events={events} />
    </>
  );
}

function Profile({ user }: { user: User }) {
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return (
    <dl class="profile">
      {name !== "" && (
        <>
          <dt>Name</dt>
          <dd>{name}</dd>
        </>
      )}
      <dt>Email</dt>
      <dd>{user.email}</dd>
      <dt>Password changed</dt>
      <dd>
        <Time at={user.passwordUpdatedAt} />
      </dd>
    </dl>
  );
}

function SessionList({ sessions, currentSessionId }: { sessions: SessionInfo[]; currentSessionId: string }) {
  return (
    <ul class="sessions">
      {sessions.map((s) => (
        <li class={s.id === currentSessionId ? "current" : undefined}>
          <strong>{describeUserAgent(s.userAgent)}</strong>
          {s.id === currentSessionId && <span class="badge">This session</span>}
          <br />
          <span class="meta">
            {[s.location, s.ip].filter(Boolean).join(" · ") || "Unknown place"} · signed in <Time at={s.createdAt} /> ·
            last seen <Time at={s.lastSeenAt} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function SignOutActions({ canSignOutOthers }: { canSignOutOthers: boolean }) {
  return (
    <div class="actions">
      <form method="post" action="/account/sign-out">
        <button type="submit" class="secondary">
          Sign out
        </button>
      </form>
      <form method="post" action="/account/sign-out-others">
        <button type="submit" class="secondary" disabled={!canSignOutOthers}>
          Sign out other sessions
        </button>
      </form>
      <form method="post" action="/account/sign-out-everywhere">
        <button type="submit" class="danger">
          Sign out everywhere
        </button>
      </form>
    </div>
  );
}

/** Current password, new, confirm; the same live hints as the reset form. */
function ChangePassword({ errors, minLength }: { errors: Record<string, string>; minLength: number }) {
  return (
    <>
      <h2 id="change-password">Change password</h2>
      <p>Every other session will be signed out; this one stays signed in.</p>
      {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
      <form method="post" action="/account/password" data-password-form data-min-length={String(minLength)}>
        <Field
          name="current_password"
          label="Current password"
          type="password"
          autocomplete="current-password"
          error={errors.current_password}
        />
        <NewPasswordFields errors={errors} minLength={minLength} labels={["New password", "Confirm new password"]} />
        <button type="submit">Change password</button>
      </form>
    </>
  );
}

function EventList({ events }: { events: AuditEvent[] }) {
  return (
    <ul class="events">
      {events.map((e) => (
        <li>
          <strong>{EVENT_LABELS[e.type]}</strong> <Time at={e.createdAt} />
          <br />
          <span class="meta">{[describeUserAgent(e.userAgent), e.ip, e.detail].filter(Boolean).join(" · ")}</span>
        </li>
      ))}
    </ul>
  );
}
