/**
 * Moments and durations in the reader's language, through Intl: "30 November 2026 at 16:05 UTC",
 * "30. November 2026 um 17:05 MEZ", "5 minutes", "5 Minuten". Plurals come from the locale data.
 */
import { MINUTE_MS, SECOND_MS } from "../core/time";
import { intlLocale, type PageLanguage, PSEUDO_LANGUAGE } from "./languages";
import { accent } from "./pseudo";

/** Formatted words in the pseudo-language are accented too, so a page shows which of its words went through here. */
function pseudoIf(language: PageLanguage, formatted: string): string {
  return language === PSEUDO_LANGUAGE ? accent(formatted) : formatted;
}

/**
 * Formatters made once per isolate for each language and zone (a page shows a dozen moments; making an
 * Intl formatter costs far more than using one). Zones are the runtime's own names, so the map is bounded.
 */
const momentFormats = new Map<string, Intl.DateTimeFormat>();

/** A time zone the runtime knows ("Europe/Berlin"), in its canonical name, or undefined for anything else. */
export function knownTimeZone(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null || value === "" || value.length > 64) return undefined;
  try {
    return momentFormat("en", value).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function momentFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = momentFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
    // Only a zone the runtime accepted gets here (the constructor throws otherwise); its name is canonical.
    momentFormats.set(`${locale} ${format.resolvedOptions().timeZone}`, format);
  }
  return format;
}

/** A moment to the minute, with its zone named; UTC unless the reader's zone is known. */
export function formatMoment(language: PageLanguage, at: number, timeZone?: string): string {
  return pseudoIf(language, momentFormat(intlLocale(language), timeZone ?? "UTC").format(at));
}

/** A number of whole units in words: "1 minute", "5 Minuten", "2 時間". */
function formatUnits(language: PageLanguage, count: number, unit: "second" | "minute" | "hour"): string {
  return pseudoIf(
    language,
    new Intl.NumberFormat(intlLocale(language), { style: "unit", unit, unitDisplay: "long" }).format(count),
  );
}

/** How long someone must wait: whole seconds under a minute, else whole minutes (rounded up). */
export function formatWait(language: PageLanguage, ms: number): string {
  if (ms < MINUTE_MS) return formatUnits(language, Math.max(1, Math.ceil(ms / SECOND_MS)), "second");
  return formatUnits(language, Math.ceil(ms / MINUTE_MS), "minute");
}

/** A lifetime given in minutes: whole hours when it is more than one and divides evenly. */
export function formatLifetime(language: PageLanguage, minutes: number): string {
  if (minutes % 60 === 0 && minutes > 60) return formatUnits(language, minutes / 60, "hour");
  return formatUnits(language, minutes, "minute");
}
