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
import { describeDevice } from "../i18n/device";
import { formatLifetime, formatMoment } from "../i18n/format";
import { directionOf, type Reader } from "../i18n/languages";
import type { English, Placeholders, TextKey, Translate } from "../i18n/types";
import { anchor, htmlWith } from "./email-html";

/** The texts that say when and from where (exactly {when} and {from}). */
type WhenAndFromKey = { [K in TextKey]: [Placeholders<English[K]>] extends ["when" | "from"] ? K : never }[TextKey];

/** An email's words, ready for a provider. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

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
export interface ChangedEmailInput {
  reader: Reader;
  changedAt: number;
  client: Pick<ClientInfo, "ip" | "userAgent">;
  forgotUrl: string;
  /** Changed while signed in (the session it was changed in stays), rather than by a reset link. */
  keptSession?: boolean;
}

/** The "your password was changed" notice, sent after every successful reset or change. */
export function renderPasswordChangedEmail({
  reader,
  changedAt,
  client,
  forgotUrl,
  keptSession = false,
}: ChangedEmailInput): RenderedEmail {
  const t = translator(reader.language);
  const what = whenAndFrom(reader, "email.changed.what", changedAt, client);
  const subject = t("email.changed.subject");
  const signedOut = t(keptSession ? "email.changed.keptSession" : "email.changed.allSignedOut");
  const text = [what.text, signedOut, "", t("email.changed.notYou", { url: forgotUrl })].join("\n");
  const html = layout(
    reader,
    subject,
    `<p>${what.html}</p>
<p>${escapeHtml(signedOut)}</p>
<p><strong>${htmlWith(reader, "email.changed.notYouLink", { link: anchor(forgotUrl, t("email.changed.resetNow")) })}</strong></p>`,
  );
  return { subject, text, html };
}

type TwoFactorChange = "enabled" | "disabled" | "recovery_codes" | "codes_locked" | "reset_codes_locked";

/** What a two-factor notice says: which change (a passkey's: which passkey), when and from where. */
export interface TwoFactorEmailInput {
  reader: Reader;
  change: TwoFactorChange | "passkey_added" | "passkey_removed";
  changedAt: number;
  client: Pick<ClientInfo, "ip" | "userAgent">;
  forgotUrl: string;
  passkeyName?: string | undefined;
}

/** The notice after each change to two-factor sign-in; a lock's names a way back in that it does not block. */
export function renderTwoFactorEmail(input: TwoFactorEmailInput): RenderedEmail {
  const { reader, change, changedAt, client, forgotUrl, passkeyName } = input;
  const t = translator(reader.language);
  const subject = t(`email.twoFactor.${change}.subject`);
  const sentence = whenAndFrom(reader, `email.twoFactor.${change}.what`, changedAt, client);
  const locked = change === "codes_locked" || change === "reset_codes_locked";
  const warning = locked ? (`email.twoFactor.${change}.warning` as const) : "email.twoFactor.warning";
  const named = passkeyName === undefined ? null : t("email.passkey.name", { name: passkeyName });
  const text = [sentence.text, ...(named === null ? [] : [named]), "", t(warning, { url: forgotUrl })].join("\n");
  const html = layout(
    reader,
    subject,
    `<p>${sentence.html}</p>${named === null ? "" : `\n<p>${escapeHtml(named)}</p>`}
<p><strong>${htmlWith(reader, warning, { url: `<bdi>${anchor(forgotUrl, forgotUrl)}</bdi>` })}</strong></p>`,
  );
  return { subject, text, html };
}

/** An email's HTML page around its body (shared with notice-templates.ts). */
export function layout(reader: Reader, title: string, body: string): string {
  return `<!DOCTYPE html><html lang="${reader.language}" dir="${directionOf(reader.language)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1f24;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

/** A sentence saying when and from where, for the text part and the HTML part. */
export function whenAndFrom(
  reader: Reader,
  key: WhenAndFromKey,
  at: number,
  client: Pick<ClientInfo, "ip" | "userAgent">,
): { text: string; html: string } {
  const t = translator(reader.language);
  const moment = formatMoment(reader.language, at, reader.timeZone);
  return {
    text: t(key, { when: moment, from: describeClient(t, client) }),
    html: htmlWith(reader, key, { when: escapeHtml(moment), from: describeClientHtml(reader, t, client) }),
  };
}

/** "203.0.113.7 (Firefox on Linux)": the User-Agent is requester-controlled, so only a short description of it is shown, never its text. */
function describeClient(t: Translate, client: Pick<ClientInfo, "ip" | "userAgent">): string {
  const ip = client.ip === null ? t("email.unknownAddress") : isolatedText(client.ip);
  return t("email.from", { ip, device: describeDevice(t, client.userAgent) });
}

/** The same for the HTML part, the address in `<bdi>`. */
function describeClientHtml(reader: Reader, t: Translate, client: Pick<ClientInfo, "ip" | "userAgent">): string {
  return htmlWith(reader, "email.from", {
    ip: client.ip === null ? escapeHtml(t("email.unknownAddress")) : isolatedHtml(client.ip),
    device: escapeHtml(describeDevice(t, client.userAgent)),
  });
}

/**
 * Someone's data inside a sentence of the text part, between U+2068 and U+2069 (FSI, PDI). Not a link's
 * address: a mail program that makes links of plain-text addresses may take U+2069 (not white space) with it.
 */
function isolatedText(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Someone's data inside a sentence of the HTML part, escaped and isolated (a link shown as its address too). */
function isolatedHtml(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}
