/**
 * The emails' words, in text and HTML, in the reader's language (i18n/, section "email"). Every
 * interpolated value is escaped for HTML; links are built from APP_URL only (invariant 6), never from the
 * request. Times are in the reader's zone when their browser told us, else UTC, and always name the zone.
 * Someone's data inside a sentence (an IP address, a link shown as its address) is isolated for bidi, or
 * an IPv6 address inside Arabic reads scrambled: `<bdi>` in HTML, U+2068 … U+2069 in the text part.
 */
import type { ClientInfo } from "../core/client-info";
import { escapeHtml } from "../core/html";
import { translator } from "../i18n/catalogue";
import { formatLifetime } from "../i18n/format";
import type { Reader } from "../i18n/languages";
import {
  anchor,
  htmlWith,
  layout,
  type RenderedEmail,
  type SecurityNoticeInput,
  securityNotice,
  whenAndFrom,
} from "./template-parts";

export type { RenderedEmail, SecurityNoticeInput } from "./template-parts";

/** What the reset email says: the link, when and from where it was asked for. */
export interface ResetEmailInput {
  reader: Reader;
  link: string;
  requestedAt: number;
  client: Pick<ClientInfo, "ip" | "userAgent">;
  forgotUrl: string;
  /** How long the link works (RESET_LINK_MINUTES). */
  lifetimeMinutes: number;
  /** The code that works in place of the link ("ABCD-EFGH"), and the page that takes it. */
  code: string;
  codeUrl: string;
}

/** The reset-link email. */
export function renderResetEmail({
  reader,
  link,
  requestedAt,
  client,
  forgotUrl,
  lifetimeMinutes,
  code,
  codeUrl,
}: ResetEmailInput): RenderedEmail {
  const t = translator(reader.language);
  const lifetime = formatLifetime(reader.language, lifetimeMinutes);
  const requested = whenAndFrom(reader, "email.reset.requested", requestedAt, client);
  const expiry = t("email.reset.expiry", { lifetime });
  const subject = t("email.reset.subject");
  const text = [
    t("email.reset.intro"),
    "",
    t("email.reset.openLink"),
    link,
    "",
    t("email.reset.otherDevice", { url: codeUrl }),
    code,
    "",
    expiry,
    requested.text,
    "",
    t("email.reset.expired", { url: forgotUrl }),
    t("email.reset.ignore"),
  ].join("\n");
  const html = layout(
    reader,
    subject,
    `<p>${escapeHtml(t("email.reset.intro"))}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#1f4fd1;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(t("email.reset.button"))}</a></p>
<p>${escapeHtml(t("email.reset.paste"))}<br><span style="word-break:break-all">${escapeHtml(link)}</span></p>
<p>${htmlWith(reader, "email.reset.otherDevice", { url: `<bdi>${anchor(codeUrl, codeUrl)}</bdi>` })}</p>
<p style="font-size:24px;font-family:ui-monospace,monospace;letter-spacing:2px" dir="ltr"><strong>${escapeHtml(code)}</strong></p>
<p>${htmlWith(reader, "email.reset.expiry", { lifetime: `<strong>${escapeHtml(lifetime)}</strong>` })}<br>${requested.html}</p>
<p>${htmlWith(reader, "email.reset.expiredLink", { link: anchor(forgotUrl, t("email.reset.askNew")) })} ${escapeHtml(t("email.reset.ignore"))}</p>`,
  );
  return { subject, text, html };
}

/** What the "password changed" email says. */
export interface ChangedEmailInput extends SecurityNoticeInput {
  changedAt: number;
  client: Pick<ClientInfo, "ip" | "userAgent">;
  forgotUrl: string;
  /** Changed while signed in (the session it was changed in stays), rather than by a reset link. */
  keptSession?: boolean;
}

/** The "your password was changed" notice, sent after every successful reset or change. */
export function renderPasswordChangedEmail(input: ChangedEmailInput): RenderedEmail {
  const { reader, changedAt, client, forgotUrl, keptSession = false } = input;
  const t = translator(reader.language);
  const what = whenAndFrom(reader, "email.changed.what", changedAt, client);
  const signedOut = t(keptSession ? "email.changed.keptSession" : "email.changed.allSignedOut");
  return securityNotice(
    input,
    t("email.changed.subject"),
    [what.text, signedOut, "", t("email.changed.notYou", { url: forgotUrl })],
    `<p>${what.html}</p>
<p>${escapeHtml(signedOut)}</p>
<p><strong>${htmlWith(reader, "email.changed.notYouLink", { link: anchor(forgotUrl, t("email.changed.resetNow")) })}</strong></p>`,
  );
}

/**
 * What a two-factor notice tells: turned on or off, new recovery codes, wrong codes after the right password
 * locked codes out, or a passkey added or removed. The queue's job carries the same (domain/email-jobs.ts).
 */
export type TwoFactorChange =
  | "enabled"
  | "disabled"
  | "recovery_codes"
  | "codes_locked"
  | "reset_codes_locked"
  | "passkey_added"
  | "passkey_removed";

/** What a two-factor notice says: which change, when and from where. */
export interface TwoFactorEmailInput extends SecurityNoticeInput {
  change: TwoFactorChange;
  /** A passkey's notice: which passkey. */
  passkeyName?: string | undefined;
  changedAt: number;
  client: Pick<ClientInfo, "ip" | "userAgent">;
  forgotUrl: string;
}

/** The notice after each change to two-factor sign-in; a lock's names a way back in that it does not block. */
export function renderTwoFactorEmail(input: TwoFactorEmailInput): RenderedEmail {
  const { reader, change, changedAt, client, forgotUrl, passkeyName } = input;
  const t = translator(reader.language);
  const sentence = whenAndFrom(reader, `email.twoFactor.${change}.what`, changedAt, client);
  const locked = change === "codes_locked" || change === "reset_codes_locked";
  const warning = locked ? (`email.twoFactor.${change}.warning` as const) : "email.twoFactor.warning";
  const named = passkeyName === undefined ? null : t("email.passkey.name", { name: passkeyName });
  return securityNotice(
    input,
    t(`email.twoFactor.${change}.subject`),
    [sentence.text, ...(named === null ? [] : [named]), "", t(warning, { url: forgotUrl })],
    `<p>${sentence.html}</p>${named === null ? "" : `\n<p>${escapeHtml(named)}</p>`}
<p><strong>${htmlWith(reader, warning, { url: `<bdi>${anchor(forgotUrl, forgotUrl)}</bdi>` })}</strong></p>`,
  );
}
