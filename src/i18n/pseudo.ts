/**
 * The pseudo-language (development only): every letter accented and each text 40 % longer inside
 * brackets, so an untranslated string, a clipped label or a layout that cannot grow shows at a glance.
 * Placeholders stay as written.
 */

const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."aeiouyAEIOUYcnsztgCNSZTG"].map((ch, i) => [ch, [..."àéîöüýÀÉÎÖÜÝçñşžţĝÇÑŞŽŢĜ"][i]!]),
);

/** One text in the pseudo-language. */
export function pseudoText(text: string): string {
  const accented = text
    .split(/(\{\w+\})/)
    .map((part) => (part.startsWith("{") ? part : [...part].map((ch) => ACCENTED[ch] ?? ch).join("")))
    .join("");
  const padding = Math.ceil(text.length * 0.4);
  return `[${accented} ${"·".repeat(Math.max(0, padding - 3))}]`;
}

const cache = new WeakMap<object, Record<string, string>>();

/** A whole catalogue in the pseudo-language, made once per isolate. */
export function pseudoCatalogue<C extends Record<string, string>>(english: C): C {
  let made = cache.get(english);
  if (made === undefined) {
    made = Object.fromEntries(Object.entries(english).map(([key, text]) => [key, pseudoText(text)]));
    cache.set(english, made);
  }
  return made as C;
}
