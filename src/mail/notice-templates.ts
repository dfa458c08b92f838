/**
 * The security notices beyond the password and two-factor ones (templates.ts): a recovery code used, and a
 * sign-in from a new device. Each says what happened, when and from where, and what to do if it was not
 * the reader; the same escaping and bidi isolation as every email (templates.ts).
 */
import type { ClientInfo } from "../core/client-info";
import { escapeHtml } from "../core/html";
import { translator } from "../i18n/catalogue";
import {
  anchor,
  htmlWith,
  type RenderedEmail,
  type SecurityNoticeInput,
  securityNotice,
  whenAndFrom,
} from "./template-parts";

/** Below this many recovery codes left, the notice asks for new ones. */
export const FEW_RECOVERY_CODES = 3;

/** What an event's notice says: which event, when and from where, and the pages it points to. */
export interface EventNoticeInput extends SecurityNoticeInput {
  changedAt: number;
  client: Pick<ClientInfo, "ip" | "userAgent">;
  forgotUrl: string;
  accountUrl: string;
}

/** "A recovery code was used": how many are left, and below FEW_RECOVERY_CODES, to make new ones. */
export function renderRecoveryCodeUsedEmail(input: EventNoticeInput & { codesLeft: number }): RenderedEmail {
  const { reader, changedAt, client, forgotUrl, accountUrl, codesLeft } = input;
  const t = translator(reader.language);
  const subject = t("notices.recoveryCode.subject");
  const what = whenAndFrom(reader, "notices.recoveryCode.what", changedAt, client);
  const left = t("notices.recoveryCode.left", { count: codesLeft });
  const few = codesLeft < FEW_RECOVERY_CODES;
  const text = [
    what.text,
    left,
    ...(few ? [t("notices.recoveryCode.makeNew", { url: accountUrl })] : []),
    "",
    t("notices.recoveryCode.notYou", { url: forgotUrl }),
  ];
  const makeNew = few
    ? `<br>${htmlWith(reader, "notices.recoveryCode.makeNew", { url: `<bdi>${anchor(accountUrl, accountUrl)}</bdi>` })}`
    : "";
  return securityNotice(
    input,
    subject,
    text,
    `<p>${what.html}</p>
<p>${escapeHtml(left)}${makeNew}</p>
<p><strong>${htmlWith(reader, "notices.recoveryCode.notYou", { url: `<bdi>${anchor(forgotUrl, forgotUrl)}</bdi>` })}</strong></p>`,
  );
}

/** "A sign-in from a new device": nothing to do if it was the reader (and where to turn these off), else reset. */
export function renderNewDeviceEmail(input: EventNoticeInput): RenderedEmail {
  const { reader, changedAt, client, forgotUrl, accountUrl } = input;
  const t = translator(reader.language);
  const subject = t("notices.newDevice.subject");
  const what = whenAndFrom(reader, "notices.newDevice.what", changedAt, client);
  const text = [
    what.text,
    "",
    t("notices.newDevice.notYou", { url: forgotUrl }),
    t("notices.newDevice.ifYou", { url: accountUrl }),
  ];
  return securityNotice(
    input,
    subject,
    text,
    `<p>${what.html}</p>
<p><strong>${htmlWith(reader, "notices.newDevice.notYou", { url: `<bdi>${anchor(forgotUrl, forgotUrl)}</bdi>` })}</strong></p>
<p>${htmlWith(reader, "notices.newDevice.ifYou", { url: `<bdi>${anchor(accountUrl, accountUrl)}</bdi>` })}</p>`,
  );
}
