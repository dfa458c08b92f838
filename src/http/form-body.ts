/** Form validation for pages: the same zod at the edge, errors as one message per field in the page's language. */
import { zValidator } from "@hono/zod-validator";
import type { Context } from "hono";
import type { z } from "zod";
import { isPlainKey } from "../i18n/catalogue";
import type { AppEnv } from "./app-env";

/**
 * Field -> first message, in the page's language. The page forms' own messages are catalogue keys; any
 * other (a length limit only a hand-made request meets) is the catalogue's general one.
 */
function firstErrors(c: Context<AppEnv>, issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= c.var.t(isPlainKey(issue.message) ? issue.message : "field.invalid");
  }
  return errors;
}

/** zValidator for a form body that lets `onInvalid` re-render the page with the errors. */
export function formBody<T extends z.ZodType>(
  schema: T,
  onInvalid: (
    c: Context<AppEnv>,
    errors: Record<string, string>,
    raw: Record<string, string>,
  ) => Response | Promise<Response>,
) {
  return zValidator("form", schema, async (result, c: Context) => {
    if (!result.success) {
      const raw: Record<string, string> = {};
      for (const [key, value] of Object.entries(result.data as Record<string, unknown>))
        if (typeof value === "string") raw[key] = value;
      return onInvalid(c as Context<AppEnv>, firstErrors(c as Context<AppEnv>, result.error.issues), raw);
    }
  });
}
