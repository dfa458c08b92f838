/**
 * The second address's emails: the link that verifies it (to the address itself), and the notices that one
 * was added or removed (to every address, the removed one too). The address is someone's data inside a
 * sentence: isolated for bidi like every such value (templates.ts).
 */
import type { ClientInfo } from "../core/client-info";
import { escapeHtml } from "../core/html";
import { translator } from "../i18n/catalogue";
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

/** What a second-address notice says. */
export interface SecondAddressNoticeInput extends SecurityNoticeInput {
  event: "second_address_added" | "second_address_removed";
  address: string;
  changedAt: number;
  client: Pick<ClientInfo, "ip" | "userAgent">;
  forgotUrl: string;
  accountUrl: string;
}

/** "A second address was added / removed": which, when, from where, and what to do if it was not the reader. */
export function renderSecondAddressEmail(input: SecondAddressNoticeInput): RenderedEmail {
  const { reader, event, address, changedAt, client, forgotUrl } = input;
  const t = translator(reader.language);
  const which = event === "second_address_added" ? "added" : "removed";
  const subject = t(`notices.secondAddress.${which}.subject`);
  const what = whenAndFrom(reader, `notices.secondAddress.${which}.what`, changedAt, client);
  const text = [
    what.text,
    t("notices.secondAddress.address", { address: `\u2068${address}\u2069` }),
    "",
    t("notices.secondAddress.notYou", { url: forgotUrl }),
  ];
  return securityNotice(
    input,
    subject,
    text,
    `<p>${what.html}<br>${htmlWith(reader, "notices.secondAddress.address", { address: `<bdi>${escapeHtml(address)}</bdi>` })}</p>
<p><strong>${htmlWith(reader, "notices.secondAddress.notYou", { url: `<bdi>${anchor(forgotUrl, forgotUrl)}</bdi>` })}</strong></p>`,
  );
}

/** The link that verifies a second address, sent to that address. */
export function renderSecondAddressVerifyEmail({ reader, link }: { reader: Reader; link: string }): RenderedEmail {
  const t = translator(reader.language);
  const subject = t("notices.secondAddress.verify.subject");
  const text = [
    t("notices.secondAddress.verify.intro"),
    "",
    t("notices.secondAddress.verify.open"),
    link,
    "",
    t("notices.secondAddress.verify.ignore"),
  ].join("\n");
  const html = layout(
    reader,
    subject,
    `<p>${escapeHtml(t("notices.secondAddress.verify.intro"))}</p>
<p>${escapeHtml(t("notices.secondAddress.verify.open"))}<br><span style="word-break:break-all">${anchor(link, link)}</span></p>
<p>${escapeHtml(t("notices.secondAddress.verify.ignore"))}</p>`,
  );
  return { subject, text, html };
}
