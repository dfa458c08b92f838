/**
 * The one registry of API errors. Every refusal the API can give is here, with its HTTP status,
 * Contentstack-style error_code and public message; handlers name a key, never a status or a string.
 * Codes 104, 105 and 429 are Contentstack's own, and so is 294 (secondFactorRequired, below, with its own
 * body); the rest are ours and listed in docs/api.md.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";

const API_ERRORS = {
  bad_request: {
    status: 400,
    code: 100,
    message: "The request body could not be read. Send JSON with Content-Type: application/json.",
  },
  payload_too_large: { status: 413, code: 101, message: "The request body is too large." },
  forbidden: { status: 403, code: 103, message: "This request is not allowed from another site." },
  invalid_credentials: {
    status: 422,
    code: 104,
    message: "Looks like your email or password is invalid. Please try again or reset your password.",
  },
  not_logged_in: { status: 401, code: 105, message: "You're not allowed in here unless you're logged in." },
  https_required: {
    status: 403,
    code: 107,
    message: "This service accepts only https. Send the request again to the https:// address.",
  },
  not_found: { status: 404, code: 112, message: "The requested resource could not be found." },
  method_not_allowed: { status: 405, code: 113, message: "This method is not allowed on this resource." },
  email_taken: {
    status: 422,
    code: 119,
    message: "An account with this email already exists. Sign in or reset your password.",
  },
  validation_failed: { status: 422, code: 141, message: "Some fields are invalid. Please check them and try again." },
  password_rejected: { status: 422, code: 142, message: "The new password does not meet the password policy." },
  reset_token_invalid: {
    status: 422,
    code: 162,
    message: "This password reset link is invalid or has expired. Please request a new one.",
  },
  rate_limited: { status: 429, code: 429, message: "Too many requests. Please try again later." },
  internal: { status: 500, code: 500, message: "Something went wrong on our side. Please try again." },
  unavailable: {
    status: 503,
    code: 503,
    message: "Your password could not be changed right now. Please try again in a moment with the same link.",
  },
} as const satisfies Record<string, { status: ContentfulStatusCode; code: number; message: string }>;

/** The name of one API refusal. */
export type ApiErrorKey = keyof typeof API_ERRORS;

/** Field name -> messages, as Contentstack's `errors` object. */
export type FieldErrors = Record<string, string[]>;

/** Every refusal's body but 294's (docs/api.md, "Errors"); the OpenAPI document is generated from it. */
export const errorEnvelopeSchema = z.object({
  error_message: z.string(),
  error_code: z.int(),
  errors: z.record(z.string(), z.array(z.string())),
});

type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Status, error_code and message of one refusal, for the OpenAPI document. */
export function describeApiError(key: ApiErrorKey): { status: number; code: number; message: string } {
  return API_ERRORS[key];
}

/** Answers with the envelope; `retryAfterSeconds` adds Retry-After for 429s. */
export function apiError(c: Context, key: ApiErrorKey, errors: FieldErrors = {}, retryAfterSeconds?: number): Response {
  if (retryAfterSeconds !== undefined) c.header("Retry-After", String(Math.max(1, Math.ceil(retryAfterSeconds))));
  const { status, code, message } = API_ERRORS[key];
  const envelope: ErrorEnvelope = { error_message: message, error_code: code, errors };
  return c.json(envelope, status);
}

/** The body of a 294, byte for byte Contentstack's. */
export const SECOND_FACTOR_BODY = {
  error_message: "Please login using the Two-Factor verification Token",
  error_code: 294,
  tfa_type: "totp_authenticator",
} as const;

/** The schema of that body, for the OpenAPI document. */
export const secondFactorRequiredSchema = z.strictObject({
  error_message: z.literal(SECOND_FACTOR_BODY.error_message),
  error_code: z.literal(SECOND_FACTOR_BODY.error_code),
  tfa_type: z.literal(SECOND_FACTOR_BODY.tfa_type),
});

/**
 * Contentstack's answer to a sign-in (or reset) of an account with two-factor on, without its code or with
 * a wrong one: 401, error_code 294 and the factor's type, the body its SDK and CLI read (docs/api.md).
 */
export function secondFactorRequired(c: Context): Response {
  return c.json(SECOND_FACTOR_BODY, 401);
}
