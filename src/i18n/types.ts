/**
 * The shape of a catalogue: the English one's keys with the same `{placeholders}`. The types make a
 * missing key, an extra key or a lost placeholder a compile error; catalogue.test.ts also refuses a
 * placeholder the English text lacks.
 */
import type { en } from "./en";

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

/** A translation of an English section: the same keys, each text holding the English text's placeholders. */
export type Section<E extends Record<string, string>> = { readonly [K in keyof E]: Holding<Placeholders<E[K]>> };

/** A whole language. */
export type Catalogue = Section<English>;

/** The values a key's text needs, if any. */
export type Params<K extends MessageKey> = [Placeholders<English[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<English[K]>, string | number>];

/** A key's text in one language, placeholders filled in. */
export type Translate = <K extends MessageKey>(key: K, ...params: Params<K>) => string;

/** The keys whose texts need no values. */
export type PlainKey = { [K in MessageKey]: Params<K> extends [] ? K : never }[MessageKey];
