/**
 * The emails of an email change: the confirmation link to the new address, and the notices to the old one
 * (asked, done with its revert link, reverted). The notices end with "this wasn't me" (template-parts.ts);
 * the confirmation goes to an address that does not hold the account yet, so it has none.
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

/** The confirmation sent to the new address. */
export interface EmailChangeConfirmInput {
  reader: Reader;
  link: string;
  /** How long the link works (60 minutes). */
  lifetimeMinutes: number;
}

/** "Confirm your new email address": nothing changes until its link is opened. */
export function renderEmailChangeConfirm({ reader, link, lifetimeMinutes }: EmailChangeConfirmInput): RenderedEmail {
  const t = translator(reader.language);
  const subject = t("email.emailChange.confirm.subject");
  const expiry = t("email.emailChange.confirm.expiry", { lifetime: formatLifetime(reader.language, lifetimeMinutes) });
  const text = [t("email.emailChange.confirm.intro"), link, "", expiry].join("\n");
  const html = layout(
    reader,
    subject,
    `<p>${escapeHtml(t("email.emailChange.confirm.intro"))}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#1f4fd1;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(t("email.emailChange.confirm.button"))}</a></p>
<p><span style="word-break:break-all">${escapeHtml(link)}</span></p>
<p>${escapeHtml(expiry)}</p>`,
  );
  return { subject, text, html };
}

/** A notice to the old address about a change to `newEmail`. */
export interface EmailChangeNoticeInput extends SecurityNoticeInput {
  step: "asked" | "done" | "reverted";
  /** The address the sentence names: the new one (asked, done), the restored one (reverted). */
  email: string;
  changedAt: number;
  client: Pick<ClientInfo, "ip" | "userAgent">;
  /** The done notice's revert link (valid 7 days). */
  revertUrl?: string;
}

/** The notices to the old address: a change was asked, made (with its revert link), or reverted. */
export function renderEmailChangeNotice(input: EmailChangeNoticeInput): RenderedEmail {
  const { reader, step, email, changedAt, client, revertUrl } = input;
  const t = translator(reader.language);
  const what = whenAndFrom(reader, `email.emailChange.${step}.what`, changedAt, client, email);
  const text = [what.text];
  let html = `<p>${what.html}</p>`;
  if (revertUrl !== undefined) {
    text.push("", t("email.emailChange.done.revert", { url: revertUrl }));
    html += `\n<p><strong>${anchor(revertUrl, t("email.emailChange.done.revertButton"))}</strong></p>`;
    html += `\n<p>${htmlWith(reader, "email.emailChange.done.revert", { url: `<bdi>${anchor(revertUrl, revertUrl)}</bdi>` })}</p>`;
  }
  return securityNotice(input, t(`email.emailChange.${step}.subject`), text, html);
}
