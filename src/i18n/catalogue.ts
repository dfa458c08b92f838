/** Each language's catalogue, and the translate function pages and emails use. */
import { ar } from "./ar";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { ja } from "./ja";
import type { Language, PageLanguage } from "./languages";
import { pseudoCatalogue } from "./pseudo";

import type { Catalogue, PlainKey, Translate } from "./types";

const CATALOGUES: Record<Language, Catalogue> = { en, de, fr, es, ja, ar };

export function catalogueOf(language: PageLanguage): Catalogue {
  return language === "en-XA" ? pseudoCatalogue(en) : CATALOGUES[language];
}

/** The translate function of one language. */
export function translator(language: PageLanguage): Translate {
  const catalogue = catalogueOf(language);
  return (key, ...params) => fill(catalogue[key], params[0] ?? {}, String).join("");
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
  return Object.hasOwn(en, text) && !/\{\w+\}/.test(en[text as PlainKey]);
}
