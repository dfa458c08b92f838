/**
 * The page's language inside components: its translate function, moments in the reader's language and
 * zone, and texts whose placeholders are elements (a link inside a sentence).
 */
import type { Child } from "hono/jsx";
import { useRequestContext } from "hono/jsx-renderer";
import { fill, templateOf } from "../i18n/catalogue";
import { formatMoment } from "../i18n/format";
import type { PageLanguage } from "../i18n/languages";
import type { English, Placeholders, TextKey, Translate } from "../i18n/types";
import type { PageEnv } from "./page-language";

/** The translate function of the page being rendered. */
export function useT(): Translate {
  return useRequestContext<PageEnv>().var.t;
}

/** The page's language and the reader's time zone (when their browser told us). */
export function usePageLanguage(): { language: PageLanguage; timeZone: string | undefined } {
  const c = useRequestContext<PageEnv>();
  return { language: c.var.language as PageLanguage, timeZone: c.var.timeZone };
}

/** A text with elements in place of its placeholders: <Rich text="signIn.noAccount" values={{ link: <a …/> }} />. */
export function Rich<K extends TextKey>({
  text,
  values,
}: {
  text: K;
  values: Record<Placeholders<English[K]>, Child>;
}) {
  const template = templateOf(usePageLanguage().language, text);
  return <>{fill<Child>(template, values, (value) => value)}</>;
}

/** Parts of a line joined by " · ", empty ones left out; null when none is left. */
export function dotted(parts: Child[]): Child[] | null {
  const shown = parts.filter((part) => part !== null && part !== undefined && part !== "");
  return shown.length === 0 ? null : shown.flatMap((part, i) => (i === 0 ? [part] : [" · ", part]));
}

/** A moment to the minute in the reader's language and zone (UTC when the zone is unknown). */
export function Time({ at }: { at: number | string }) {
  const { language, timeZone } = usePageLanguage();
  const ms = typeof at === "number" ? at : Date.parse(at);
  return <time datetime={new Date(ms).toISOString()}>{formatMoment(language, ms, timeZone)}</time>;
}
