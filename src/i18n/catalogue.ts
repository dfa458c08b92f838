/** Each language's catalogue, and the translate function pages and emails use. */
import { ar } from "./ar";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { ja } from "./ja";
import { intlLocale, type Language, type PageLanguage } from "./languages";
import { formatCount, pluralForm } from "./plural";
import { pseudoCatalogue } from "./pseudo";

import type { AnyCatalogue, Catalogue, PlainKey, PluralForms, TextKey, Translate } from "./types";

/** Each language's catalogue, checked against its own plural categories (English's too). */
const CATALOGUES: { [L in Language]: Catalogue<L> } = { en, de, fr, es, ja, ar };

export function catalogueOf(language: PageLanguage): AnyCatalogue {
  return language === "en-XA" ? pseudoCatalogue(en) : CATALOGUES[language];
}

/** The translate function of one language. */
export function translator(language: PageLanguage): Translate {
  const catalogue = catalogueOf(language);
  const locale = intlLocale(language);
  return (key, ...params) => {
    const values: Record<string, string | number> = params[0] ?? {};
    const entry: string | PluralForms = catalogue[key];
    if (typeof entry === "string") return fill(entry, values, String).join("");
    const count = values.count as number;
    return fill(pluralForm(locale, entry, count), { ...values, count: formatCount(locale, count) }, String).join("");
  };
}

/** A plain text of one language with its placeholders as written, for filling with elements (`Rich`, HTML emails). */
export function templateOf(language: PageLanguage, key: TextKey): string {
  return catalogueOf(language)[key] as string;
}

/**
 * A text split at its placeholders, each replaced by its value as is: for pages whose placeholders are
 * links or emphasis rather than text. An unknown placeholder stays as written.
 */
export function fill<T>(text: string, values: Record<string, T>, show: (value: T) => T | string): (T | string)[] {
  const parts: (T | string)[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    const name = match[1]!;
    if (!(name in values)) continue;
    parts.push(text.slice(last, match.index));
    parts.push(show(values[name]!));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.filter((part) => part !== "");
}

/** Whether a text is a key of ours that needs no values (zod messages of page forms are such keys). */
export function isPlainKey(text: string): text is PlainKey {
  if (!Object.hasOwn(en, text)) return false;
  const entry: string | PluralForms = en[text as keyof typeof en];
  return typeof entry === "string" && !/\{\w+\}/.test(entry);
}
