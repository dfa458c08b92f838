/** Form validation for pages: the same zod at the edge, errors as one message per field. */
import { zValidator } from "@hono/zod-validator";
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "./app-env";

/** Field -> first message, for showing next to the field. */
function firstErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
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
      return onInvalid(c as Context<AppEnv>, firstErrors(result.error.issues), raw);
    }
  });
}
