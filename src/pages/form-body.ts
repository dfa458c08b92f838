/** Form validation for pages: the same zod at the edge, errors as one message per field in the page's language. */
import { zValidator } from "@hono/zod-validator";
import type { Context } from "hono";
import type { z } from "zod";
import { isPlainKey } from "../i18n/catalogue";
import type { PlainKey } from "../i18n/types";
import type { PageEnv } from "./page-language";

/** A page form's zod message: a catalogue key (checked here, so a mistyped one does not compile), translated by formBody. */
export function formMessage(key: PlainKey): string {
  return key;
}

/**
 * Field -> first message, in the page's language. The page forms' own messages are catalogue keys; any
 * other (a length limit only a hand-made request meets) is the catalogue's general one.
 */
function firstErrors(c: Context<PageEnv>, issues: readonly z.core.$ZodIssue[]): Record<string, string> {
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
    c: Context<PageEnv>,
    errors: Record<string, string>,
    raw: Record<string, string>,
  ) => Response | Promise<Response>,
) {
  return zValidator("form", schema, async (result, c: Context) => {
    if (!result.success) {
      const raw: Record<string, string> = {};
      for (const [key, value] of Object.entries(result.data as Record<string, unknown>))
        if (typeof value === "string") raw[key] = value;
      return onInvalid(c as Context<PageEnv>, firstErrors(c as Context<PageEnv>, result.error.issues), raw);
    }
  });
}
