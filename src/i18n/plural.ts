/**
 * Choosing a plural's form: `Intl.PluralRules` names the category of a count in a language ("one",
 * "few", …), and the catalogue holds one form per category that language has (types.ts makes a missing
 * one a compile error). Our own few lines rather than an ICU message library: docs/design.md, "Words come from catalogues", says why.
 */
import type { PluralForms } from "./types";

/** Rules made once per isolate and locale (making one costs far more than using it). */
const rules = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let made = rules.get(locale);
  if (made === undefined) {
    made = new Intl.PluralRules(locale);
    rules.set(locale, made);
  }
  return made;
}

/** The form of `forms` that a count takes in `locale`; "other" if the catalogue lacks the category. */
export function pluralForm(locale: string, forms: PluralForms, count: number): string {
  return forms[pluralRules(locale).select(count)] ?? forms.other;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count as the locale writes numbers ("1,000", "1.000", "1 000"). */
export function formatCount(locale: string, count: number): string {
  let format = numberFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(count);
}
