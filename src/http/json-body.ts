/**
 * Validation at the edge: JSON bodies only, at most 16 KiB, checked by a zod schema. Every refusal is
 * the Contentstack envelope with field-keyed errors; handlers receive typed values.
 */
import { zValidator } from "@hono/zod-validator";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { z } from "zod";
import { apiError, type FieldErrors } from "./api-errors";

const MAX_BODY_BYTES = 16 * 1024;

/** Field errors keyed by the field inside the resource wrapper: ["user","email"] -> "email". */
function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    const field = path.length > 1 ? path.slice(1).join(".") : (path[0] ?? "body");
    const message =
      issue.code === "unrecognized_keys" ? `has unknown fields: ${issue.keys.join(", ")}.` : issue.message;
    errors[field] = [...(errors[field] ?? []), message];
  }
  return errors;
}

/** Size limit, JSON parsing and schema check for a route's body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return [
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => apiError(c, "payload_too_large") }),
    requireJsonContentType(),
    zValidator("json", schema, (result, c: Context) => {
      if (!result.success) return apiError(c, "validation_failed", fieldErrors(result.error.issues));
    }),
  ] as const;
}

/** POST bodies must be JSON (Contentstack: "Please set a valid 'Content-Type' header"). */
function requireJsonContentType(): MiddlewareHandler {
  return async function requireJsonContentType(c, next) {
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/json\s*(;|$)/i.test(type))
      return apiError(c, "bad_request", { "content-type": ["must be application/json."] });
    await next();
  };
}
