/**
 * The signed links of the recovery flows, sent by email: "this wasn't me" (in every security notice), the
 * revert of an email change (to the old address) and its confirmation (to the new one). A link names its
 * account, its purpose, when it was issued and (but "this wasn't me") the change it acts on, under an HMAC
 * with a key of its own, so no link can be forged or turned to another purpose or account. Whether it is
 * still good (single use, its lifetime) is the account's registry's to say: the MAC proves only who made it.
 * Format: "<purpose>.<user id>.<issued at, ms>.<change id or ->.<mac>", 128 bits of HMAC-SHA256, base64url.
 */
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { constantTimeEqualText } from "./secrets";
import { serverMac } from "./server-keys";
import { UID_SOURCE } from "./shards";

/** What a link does: w = "this wasn't me", r = revert an email change, c = confirm one. */
export type NoticeLinkPurpose = "w" | "r" | "c";

/** What a valid link claims. */
export interface NoticeLink {
  purpose: NoticeLinkPurpose;
  userId: string;
  issuedAt: number;
  /** The change a revert or a confirmation acts on; null for "this wasn't me". */
  changeId: string | null;
}

const MAC_BYTES = 16;
const LINK_PATTERN = new RegExp(
  `^([wrc])\\.(${UID_SOURCE})\\.(0|[1-9][0-9]{0,15})\\.(-|[A-Za-z0-9_-]{1,43})\\.([A-Za-z0-9_-]{22})$`,
);

/** The token of a link. */
export function signNoticeLink(pepper: string | null, link: NoticeLink): string {
  const body = `${link.purpose}.${link.userId}.${link.issuedAt}.${link.changeId ?? "-"}`;
  return `${body}.${mac(pepper, body)}`;
}

/** The claim of a token made by `signNoticeLink` for `purpose`, else null (malformed, forged, another purpose). */
export function readNoticeLink(
  pepper: string | null,
  purpose: NoticeLinkPurpose,
  token: string | undefined,
): NoticeLink | null {
  const match = token === undefined ? null : LINK_PATTERN.exec(token);
  if (match === null) return null;
  const [, kind, userId, issuedAt, changeId, tag] = match as unknown as [
    string,
    NoticeLinkPurpose,
    string,
    string,
    string,
    string,
  ];
  if (kind !== purpose) return null;
  if (!constantTimeEqualText(tag, mac(pepper, `${kind}.${userId}.${issuedAt}.${changeId}`))) return null;
  return { purpose: kind, userId, issuedAt: Number(issuedAt), changeId: changeId === "-" ? null : changeId };
}

function mac(pepper: string | null, body: string): string {
  return encodeBase64urlNoPadding(serverMac(pepper, "notice links v1", body).slice(0, MAC_BYTES));
}
