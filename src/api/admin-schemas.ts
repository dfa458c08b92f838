/**
 * The admin API's requests and answers as zod schemas: the routes validate with them and the OpenAPI
 * document is built from them (one source). Times are ISO-8601 strings; nothing here ever carries a
 * password hash, an authenticator key, a token or a token's hash beyond a session's short label.
 */
import { z } from "zod";

/** Why an operator changes an account: required for every change, kept in the admin audit. */
export const ChangeRequest = z.strictObject({
  reason: z.string().trim().min(3).max(500).describe("Why: a ticket number or who asked and how they were checked."),
});

/** A reset link, optionally with the hold "must change at next sign-in". */
export const ResetLinkRequest = ChangeRequest.extend({
  must_change_at_next_sign_in: z
    .boolean()
    .optional()
    .describe("Also end every session and refuse sign-in until a reset by link completes."),
});

/** Every refusal: a stable code for scripts and a sentence for people. */
export const AdminError = z.object({
  error: z.object({
    code: z.enum([
      "unauthorized",
      "scope_missing",
      "browser_refused",
      "rate_limited",
      "reason_required",
      "bad_request",
      "account_not_found",
      "two_factor_not_on",
    ]),
    message: z.string(),
  }),
});
export type AdminErrorCode = z.infer<typeof AdminError>["error"]["code"];

const isoTime = z.string().describe("ISO-8601");

const Lock = z.object({ scope: z.string(), locked_until: isoTime });

/** An operator's view of one account. */
export const AccountLookup = z.object({
  account: z.object({
    uid: z.string(),
    email: z.string(),
    shard: z.number().int(),
    status: z.enum(["active", "locked"]),
    created_at: isoTime,
    updated_at: isoTime,
    password_updated_at: isoTime,
    last_login_at: isoTime.nullable(),
    language: z.string().nullable(),
    password_reset_required: z
      .boolean()
      .describe("Sign-in is refused until a reset by link completes (a lock-down, or must_change_at_next_sign_in)."),
    two_factor: z.object({
      enabled: z.boolean(),
      enabled_at: isoTime.nullable(),
      recovery_codes_left: z.number().int(),
    }),
  }),
  sessions: z.array(
    z.object({
      label: z.string().describe("The first 12 hex digits of the session's stored hash."),
      created_at: isoTime,
      last_seen_at: isoTime,
      ip: z.string().nullable(),
      device: z.string().nullable(),
      location: z.string().nullable(),
    }),
  ),
  locks: z.object({
    sign_in: z.array(Lock).describe("Scopes: `*` the address's daily cap, `net:…` a network, `device:…` a browser."),
    second_factor: z.array(Lock).describe("Surfaces: `sign_in` (and /account), `reset`."),
  }),
  suppression: z.object({ reason: z.string(), since: isoTime, until: isoTime }).nullable(),
  events: z.array(
    z.object({
      type: z.string(),
      ip: z.string().nullable(),
      user_agent: z.string().nullable(),
      detail: z.string().nullable(),
      created_at: isoTime,
    }),
  ),
});

/** An account's data: the look-up with every kept event, its delivery events and the admin calls about it. */
export const AccountExport = AccountLookup.extend({
  exported_at: isoTime,
  mail_events: z.array(z.object({ type: z.string(), detail: z.string().nullable(), created_at: isoTime })),
  admin_actions: z.array(
    z.object({ key_name: z.string(), action: z.string(), reason: z.string().nullable(), created_at: isoTime }),
  ),
});

/** What a change did. */
export const ChangeResult = z.object({
  uid: z.string(),
  action: z.string(),
  sessions_ended: z.number().int().optional(),
  code_locks_lifted: z.number().int().optional(),
  must_change_at_next_sign_in: z.boolean().optional(),
});
