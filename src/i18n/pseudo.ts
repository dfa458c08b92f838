/**
 * The pseudo-language (development only): every letter accented and each text 40 % longer inside
 * brackets, so an untranslated string, a clipped label or a layout that cannot grow shows at a glance.
 * Placeholders stay as written; a plural keeps English's forms (and English's rules choose among them).
 */

/** Every ASCII letter has an accented twin (one UTF-16 unit each), so no plain letter is left in a text of ours. */
const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((ch, i) => [
    ch,
    [..."àƀçðéƒĝĥîĵķļɱñöþǫŕşţüṽŵẋýžÀƁÇÐÉƑĜĤÎĴĶĻṀÑÖƤǪŔŞŢÜṼŴẊÝŽ"][i]!,
  ]),
);

/** Letters accented, placeholders left alone: for the pseudo-language's texts and its formatted moments. */
export function accent(text: string): string {
  return text
    .split(/(\{\w+\})/)
    .map((part) => (part.startsWith("{") ? part : [...part].map((ch) => ACCENTED[ch] ?? ch).join("")))
    .join("");
}

/**
 * One text in the pseudo-language: accented, then padded to 40 % longer with dots in words of five (a
 * long word can wrap; a run of dots as long as a sentence would not, and no language has one).
 */
export function pseudoText(text: string): string {
  const padding = Math.max(0, Math.ceil(text.length * 0.4) - 3);
  const dots = "····· "
    .repeat(Math.ceil(padding / 6))
    .slice(0, padding)
    .trimEnd()
    .padEnd(padding, "·");
  return `[${accent(text)} ${dots}]`;
}

const cache = new WeakMap<object, Record<string, unknown>>();

/** A whole catalogue in the pseudo-language (a plural's every form too), made once per isolate. */
export function pseudoCatalogue<C extends Record<string, string | Readonly<Record<string, string>>>>(english: C): C {
  let made = cache.get(english);
  if (made === undefined) {
    made = Object.fromEntries(
      Object.entries(english).map(([key, entry]) => [
        key,
        typeof entry === "string"
          ? pseudoText(entry)
          : Object.fromEntries(Object.entries(entry).map(([form, text]) => [form, pseudoText(text)])),
      ]),
    );
    cache.set(english, made);
  }
  return made as C;
}
