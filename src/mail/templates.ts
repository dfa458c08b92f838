/**
 * The emails' words, in text and HTML. Every interpolated value is escaped for HTML; links are built
 * from APP_URL only (invariant 6), never from the request.
 */
import type { ClientInfo } from "../core/client-info";
import { describeMinutes } from "../core/time";
import { describeUserAgent } from "../core/user-agent";

/** An email's words, ready for a provider. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** What the reset email says: the link, when and from where it was asked for. */
export interface ResetEmailInput {
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
  link,
  requestedAt,
  client,
  forgotUrl,
  lifetimeMinutes,
  code,
  codeUrl,
}: ResetEmailInput): RenderedEmail {
  const lifetime = describeMinutes(lifetimeMinutes);
  const when = formatTime(requestedAt);
  const from = describeClient(client);
  const subject = "Reset your password";
  const text = [
    "Someone (hopefully you) asked to reset the password of your account.",
    "",
    "To choose a new password, open this link:",
    link,
    "",
    `Resetting on another device? Enter this code at ${codeUrl}:`,
    code,
    "",
    `The link and the code work once (either one uses both up) and expire ${lifetime} after the request.`,
    `Requested ${when}, from ${from}.`,
    "",
    `If the link has expired, ask for a new one at ${forgotUrl}`,
    "If you did not ask for this, ignore this email: your password stays as it is.",
  ].join("\n");
  const html = layout(
    subject,
    `<p>Someone (hopefully you) asked to reset the password of your account.</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#1f4fd1;color:#fff;border-radius:6px;text-decoration:none">Reset Password</a></p>
<p>Or paste this link into your browser:<br><span style="word-break:break-all">${escapeHtml(link)}</span></p>
<p>Resetting on another device? Enter this code at <a href="${escapeHtml(codeUrl)}">${escapeHtml(codeUrl)}</a>:</p>
<p style="font-size:24px;font-family:ui-monospace,monospace;letter-spacing:2px"><strong>${escapeHtml(code)}</strong></p>
<p>The link and the code work once (either one uses both up) and expire <strong>${lifetime}</strong> after the request.<br>Requested ${escapeHtml(when)}, from ${escapeHtml(from)}.</p>
<p>If the link has expired, <a href="${escapeHtml(forgotUrl)}">ask for a new one</a>. If you did not ask for this, ignore this email: your password stays as it is.</p>`,
  );
  return { subject, text, html };
}

/** What the "password changed" email says. */
export interface ChangedEmailInput {
  changedAt: number;
  client: Pick<ClientInfo, "ip" | "userAgent">;
  forgotUrl: string;
  /** Changed while signed in (the session it was changed in stays), rather than by a reset link. */
  keptSession?: boolean;
}

/** The "your password was changed" notice, sent after every successful reset or change. */
export function renderPasswordChangedEmail({
  changedAt,
  client,
  forgotUrl,
  keptSession = false,
}: ChangedEmailInput): RenderedEmail {
  const when = formatTime(changedAt);
  const from = describeClient(client);
  const subject = "Your password was changed";
  const signedOut = keptSession
    ? "Every other device that was signed in has been signed out; the one it was changed on stays signed in."
    : "Every device that was signed in has been signed out.";
  const text = [
    `The password of your account was changed ${when}, from ${from}.`,
    signedOut,
    "",
    `If this wasn't you, reset your password right away at ${forgotUrl} and check your email account's security.`,
  ].join("\n");
  const html = layout(
    subject,
    `<p>The password of your account was changed ${escapeHtml(when)}, from ${escapeHtml(from)}.</p>
<p>${escapeHtml(signedOut)}</p>
<p><strong>If this wasn't you</strong>, <a href="${escapeHtml(forgotUrl)}">reset your password right away</a> and check your email account's security.</p>`,
  );
  return { subject, text, html };
}

/** What a two-factor notice says: which change, when and from where. */
export interface TwoFactorEmailInput {
  change: "enabled" | "disabled" | "recovery_codes" | "codes_locked";
  changedAt: number;
  client: Pick<ClientInfo, "ip" | "userAgent">;
  forgotUrl: string;
}

const TWO_FACTOR_CHANGES = {
  enabled: ["Two-factor sign-in is on", "Two-factor sign-in was turned on for your account"],
  disabled: ["Two-factor sign-in is off", "Two-factor sign-in was turned off for your account"],
  recovery_codes: ["New recovery codes", "New recovery codes were made for your account (the old ones no longer work)"],
  codes_locked: [
    "Wrong authentication codes on your account",
    "Someone signed in to your account with its password and then typed 5 wrong authentication codes, so codes are refused for 15 minutes",
  ],
} as const;

/** The notice sent after each change to two-factor sign-in. */
export function renderTwoFactorEmail({ change, changedAt, client, forgotUrl }: TwoFactorEmailInput): RenderedEmail {
  const [subject, what] = TWO_FACTOR_CHANGES[change];
  const sentence = `${what} ${formatTime(changedAt)}, from ${describeClient(client)}.`;
  const warning =
    change === "codes_locked"
      ? "If this wasn't you, someone has your password: change it on your account page, or reset it at"
      : "If this wasn't you, someone has your password: reset it right away at";
  const text = [sentence, "", `${warning} ${forgotUrl}.`].join("\n");
  const html = layout(
    subject,
    `<p>${escapeHtml(sentence)}</p>
<p><strong>${escapeHtml(warning)}</strong> <a href="${escapeHtml(forgotUrl)}">${escapeHtml(forgotUrl)}</a>.</p>`,
  );
  return { subject, text, html };
}

function layout(title: string, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1f24;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

function formatTime(ms: number): string {
  return new Date(ms).toUTCString().replace("GMT", "UTC");
}

/** "203.0.113.7 (Firefox on Linux)": the User-Agent is requester-controlled, so only a short description of it is shown, never its text. */
function describeClient(client: Pick<ClientInfo, "ip" | "userAgent">): string {
  return `${client.ip ?? "an unknown address"} (${describeUserAgent(client.userAgent)})`;
}

/** Escapes text for HTML element content and quoted attributes. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );
}
