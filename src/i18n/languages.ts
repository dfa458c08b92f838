/**
 * The languages people read here. The API never uses them: its words are Contentstack's, in English.
 * `en-XA` is a pseudo-language for development only (accented, 40 % longer), to catch cut-off layouts.
 */

export const LANGUAGES = ["en", "de", "fr", "es", "ja", "ar"] as const;

/** A language with a catalogue written by hand. */
export type Language = (typeof LANGUAGES)[number];

export const PSEUDO_LANGUAGE = "en-XA";

/** What a page can be shown in: a language, or (in development) the pseudo-language. */
export type PageLanguage = Language | typeof PSEUDO_LANGUAGE;

export const DEFAULT_LANGUAGE: Language = "en";

/** Each language's name in itself, as the language menu shows it. */
export const LANGUAGE_NAMES: Record<PageLanguage, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  ja: "日本語",
  ar: "العربية",
  "en-XA": "[Ƥşéüδö]",
};

/** Who reads an email: their language and, when their browser told a page, their time zone. */
export interface Reader {
  language: Language;
  timeZone?: string | undefined;
}

/** Writing direction, for `<html dir>`. */
export function directionOf(language: PageLanguage): "ltr" | "rtl" {
  return language === "ar" ? "rtl" : "ltr";
}

/** A stored or carried language tag, if it names one of ours. */
export function knownLanguage(value: unknown): Language | undefined {
  return (LANGUAGES as readonly unknown[]).includes(value) ? (value as Language) : undefined;
}

/** A stored language, or English (older rows, and sign-ups through the API, have none). */
export function languageOrDefault(value: unknown): Language {
  return knownLanguage(value) ?? DEFAULT_LANGUAGE;
}

/** The locale Intl formats and chooses plurals for: the pseudo-language is English underneath. */
export function intlLocale(language: PageLanguage): Language {
  return language === PSEUDO_LANGUAGE ? DEFAULT_LANGUAGE : language;
}

/** The language an email or a stored preference takes from a page's: the pseudo-language is English. */
export function realLanguage(language: PageLanguage): Language {
  return language === PSEUDO_LANGUAGE ? DEFAULT_LANGUAGE : language;
}
