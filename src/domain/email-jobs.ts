/** Messages on the "email" queue and its dead-letter queue (shapes tabled in docs/storage.md). */
import type { TwoFactorChange } from "../mail/templates";

/** Someone asked for a reset link for `email` (known or not: the consumer finds out). */
export interface PasswordResetJob {
  kind: "password_reset";
  /** Random per request: the idempotency key and the seed of the token derivation. */
  requestId: string;
  email: string;
  requestedAt: number;
  ip: string | null;
  userAgent: string | null;
  /** The language of the page it was asked from ("fr"); absent (the API, older jobs): the account's own. */
  language?: string;
  /** The asker's IANA time zone, when their browser told the page; absent: UTC. */
  timeZone?: string;
}

/** A reset succeeded: tell the account holder. */
export interface PasswordChangedJob {
  kind: "password_changed";
  requestId: string;
  userId: string;
  changedAt: number;
  ip: string | null;
  userAgent: string | null;
  /** How: by a reset link (every session ended), or on /account (the session it was changed in kept). Older jobs lack it: a reset. */
  via?: "reset" | "account";
  /** The account's email language when it changed (so every retry renders the same email); older jobs lack it: the current one. */
  language?: string;
}

/** Two-factor sign-in was turned on or off, or new recovery codes were made: tell the account holder. */
export interface TwoFactorChangedJob {
  kind: "two_factor_changed";
  requestId: string;
  userId: string;
  change: TwoFactorChange;
  changedAt: number;
  ip: string | null;
  userAgent: string | null;
  /** As for PasswordChangedJob. */
  language?: string;
  /** A passkey added or removed: its name, so the notice says which. */
  passkeyName?: string;
}

/** What happened: the changes a two-factor notice can tell, one list for the job and its template. */
export type { TwoFactorChange };

/**
 * Another event of how someone gets in: a recovery code used (with how many are left), or a sign-in from a
 * browser and network the account has not used. Told to every address notices go to.
 */
export interface SecurityNoticeJob {
  kind: "security_notice";
  requestId: string;
  userId: string;
  event: SecurityEvent;
  changedAt: number;
  ip: string | null;
  userAgent: string | null;
  /** recovery_code_used: the unused recovery codes left after it (set by the registry that used it). */
  codesLeft?: number;
  /** second_address_added, second_address_removed: the address. Removed: it is told too (no longer a recipient). */
  address?: string;
  /** As for PasswordChangedJob. */
  language?: string;
}

/** The events a SecurityNoticeJob tells of (add, never rename: queued jobs carry them). */
export type SecurityEvent = "recovery_code_used" | "new_device" | "second_address_added" | "second_address_removed";

/** The owner asked to add a second address: the link that verifies it goes to that address. */
export interface SecondAddressJob {
  kind: "second_address_verify";
  requestId: string;
  userId: string;
  address: string;
  /** The verification link (its token names the account and the address; core/second-address-token.ts). */
  link: string;
  requestedAt: number;
  ip: string | null;
  userAgent: string | null;
  language?: string;
}

/** The jobs that tell an account holder of a change (addressed by user id, sent to noticeRecipients). */
export type NoticeJob = PasswordChangedJob | TwoFactorChangedJob | SecurityNoticeJob | EmailChangeJob;

/** Whether a job tells an account holder of a change (a job from the queue may be malformed: `job?`). */
export function isNoticeJob(job: EmailJob | undefined): job is NoticeJob {
  return (
    job?.kind === "password_changed" ||
    job?.kind === "two_factor_changed" ||
    job?.kind === "security_notice" ||
    job?.kind === "email_change"
  );
}

/**
 * An email change's email: the confirmation link to the new address, or a notice to the old one (asked,
 * done with its revert link, reverted). Links are signed when rendered, from these fields (every retry the same).
 */
export interface EmailChangeJob {
  kind: "email_change";
  step: "confirm" | "asked" | "done" | "reverted";
  requestId: string;
  userId: string;
  changeId: string;
  oldEmail: string;
  newEmail: string;
  changedAt: number;
  ip: string | null;
  userAgent: string | null;
  /** As for PasswordChangedJob. */
  language?: string;
}

/** Every job the email queue carries. */
export type EmailJob = PasswordResetJob | NoticeJob | SecondAddressJob;

/**
 * Each kind's prefix of the idempotency key `<prefix>/<requestId>`: the sender sets it at the provider, and
 * the delivery webhook (mail-events.ts) finds it again from the email's `type` tag (the kind).
 */
export const IDEMPOTENCY_PREFIXES: Record<EmailJob["kind"], string> = {
  password_reset: "password-reset",
  password_changed: "password-changed",
  two_factor_changed: "two-factor",
  security_notice: "security-notice",
  second_address_verify: "second-address",
  email_change: "email-change",
};

/** What the dead-letter queue carries: the job plus why it could not be delivered. */
export interface DeadLetter {
  job: EmailJob;
  reason: string;
  attempts: number;
}
