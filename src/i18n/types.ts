/**
 * The shape of a catalogue: the English one's keys with the same `{placeholders}`. A text that takes a
 * count is a plural: one form per plural category its language has (CLDR's, as `Intl.PluralRules` names
 * them), each form holding `{count}`. The types make a missing key, an extra key, a lost placeholder and a
 * missing plural form a compile error; catalogue.test.ts also refuses a placeholder the English text lacks.
 */
import type { en } from "./en";
import type { Language } from "./languages";

export type English = typeof en;
export type MessageKey = keyof English;

/** The names between braces in a text: "Try again in {wait}" -> "wait". */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** A text holding every one of `P` as `{name}` (any text when there are none). */
type Holding<P extends string> = [P] extends [never]
  ? string
  : UnionToIntersection<P extends unknown ? `${string}{${P}}${string}` : never>;

/** The plural categories of cardinal numbers: the names `Intl.PluralRules.prototype.select` answers with. */
export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";

/**
 * The categories each language's cardinal numbers fall in (CLDR; plurals.test.ts checks this table against
 * the runtime's `Intl.PluralRules`). French and Spanish `many` is for millions ("1 000 000 de sessions").
 */
export interface PluralCategories {
  en: "one" | "other";
  de: "one" | "other";
  fr: "one" | "many" | "other";
  es: "one" | "many" | "other";
  ja: "other";
  ar: "zero" | "one" | "two" | "few" | "many" | "other";
}

/** A text that takes a count: a form for each category `C`, each holding `{count}` and the other placeholders `P`. */
export type Plural<C extends PluralCategory, P extends string> = { readonly [F in C]: Holding<P | "count"> };

/** What any language's plural holds, for code that reads a catalogue without knowing its language. */
export type PluralForms = { readonly other: string } & { readonly [F in PluralCategory]?: string };

/** English's entry for a key: a text, or a plural's forms. */
type Entry = string | { readonly one: string; readonly other: string };

/** The placeholders of an English entry (a plural's: those of its forms, `{count}` among them). */
export type EntryPlaceholders<E> = E extends string
  ? Placeholders<E>
  : E extends PluralForms
    ? Placeholders<E["other"]>
    : never;

/**
 * A translation of an English section into `L`: the same keys, each text holding the English text's
 * placeholders, each plural with exactly the forms `L` needs.
 */
export type Section<E extends Record<string, Entry>, L extends Language> = {
  readonly [K in keyof E]: E[K] extends string
    ? Holding<Placeholders<E[K]>>
    : Plural<PluralCategories[L], EntryPlaceholders<E[K]>>;
};

/** A whole language. */
export type Catalogue<L extends Language> = Section<English, L>;

/** A catalogue of some language, as code that picks a form at run time reads it. */
export type AnyCatalogue = {
  readonly [K in MessageKey]: English[K] extends string ? string : PluralForms;
};

/** The keys whose entries are plurals, chosen by `{count}`. */
export type PluralKey = { [K in MessageKey]: English[K] extends string ? never : K }[MessageKey];

/** The keys whose entries are plain texts (the only ones a text with elements in it can take). */
export type TextKey = Exclude<MessageKey, PluralKey>;

/** The values a key's text needs, if any: a plural's `count` is a number. */
export type Params<K extends MessageKey> = [EntryPlaceholders<English[K]>] extends [never]
  ? []
  : K extends PluralKey
    ? [params: Record<Exclude<EntryPlaceholders<English[K]>, "count">, string | number> & { count: number }]
    : [params: Record<EntryPlaceholders<English[K]>, string | number>];

/** A key's text in one language, placeholders filled in, a plural's form chosen by its count. */
export type Translate = <K extends MessageKey>(key: K, ...params: Params<K>) => string;

/** The keys whose texts need no values. */
export type PlainKey = { [K in MessageKey]: Params<K> extends [] ? K : never }[MessageKey];
