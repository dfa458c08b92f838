/**
 * What every email's layout shares (templates.ts, email-change-templates.ts): the HTML frame, "when and
 * from where", links, bidi isolation, and the one place that closes every security notice with its
 * "this wasn't me" link, so that any notice kind has it by construction.
 */
import type { ClientInfo } from "../core/client-info";
import { escapeHtml } from "../core/html";
import { fill, templateOf, translator } from "../i18n/catalogue";
import { describeDevice } from "../i18n/device";
import { formatMoment } from "../i18n/format";
import { directionOf, type Reader } from "../i18n/languages";
import type { English, Placeholders, TextKey, Translate } from "../i18n/types";

/** An email's words, ready for a provider. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** What every security notice says besides its own sentence: the link that locks the account down. */
export interface SecurityNoticeInput {
  reader: Reader;
  /** The signed "this wasn't me" link (domain/lock-down.ts), valid 7 days. */
  wasntMeUrl: string;
}

/**
 * A security notice: its words, then the "this wasn't me" link, in the text and the HTML part. Every notice
 * renderer ends here, so none can leave the link out (issue 26: the link is in every security notice).
 */
export function securityNotice(
  { reader, wasntMeUrl }: SecurityNoticeInput,
  subject: string,
  text: string[],
  html: string,
): RenderedEmail {
  const t = translator(reader.language);
  const button = `<a href="${escapeHtml(wasntMeUrl)}" style="color:#82071e">${escapeHtml(t("email.wasntMe.button"))}</a>`;
  return {
    subject,
    text: [...text, "", t("email.wasntMe.text", { url: wasntMeUrl })].join("\n"),
    html: layout(reader, subject, `${html}\n<p>${htmlWith(reader, "email.wasntMe.html", { link: button })}</p>`),
  };
}

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
  email?: string,
): { text: string; html: string } {
  const t = translator(reader.language);
  const moment = formatMoment(reader.language, at, reader.timeZone);
  const from = describeClient(t, client);
  // Someone's address inside the sentence, isolated like the client's (email-change notices only).
  const text: Record<string, string> = email === undefined ? {} : { email: isolatedText(email) };
  const html: Record<string, string> = email === undefined ? {} : { email: isolatedHtml(email) };
  return {
    text: (t as (k: string, v: Record<string, string>) => string)(key, { when: moment, from, ...text }),
    html: htmlWith(reader, key, {
      when: escapeHtml(moment),
      from: describeClientHtml(reader, t, client),
      ...html,
    } as never),
  };
}

/** The sentences that say when and from where (an email change's also name the new address). */
export type WhenAndFromKey = {
  [K in TextKey]: "when" | "from" extends Placeholders<English[K]>
    ? Exclude<Placeholders<English[K]>, "when" | "from" | "email"> extends never
      ? K
      : never
    : never;
}[TextKey];

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
export function isolatedText(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Someone's data inside a sentence of the HTML part, escaped and isolated (a link shown as its address too). */
export function isolatedHtml(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}

/** A link for the HTML part, its address and text escaped. */
export function anchor(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

/** A text for the HTML part: its words escaped, its placeholders replaced by ready HTML. */
export function htmlWith<K extends TextKey>(
  reader: Reader,
  key: K,
  html: Record<Placeholders<English[K]>, string>,
): string {
  const values: Record<string, { html: string }> = {};
  for (const [name, value] of Object.entries<string>(html)) values[name] = { html: value };
  return fill(templateOf(reader.language, key), values, (value) => value)
    .map((part) => (typeof part === "string" ? escapeHtml(part) : part.html))
    .join("");
}
