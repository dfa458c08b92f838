/** The HTML part's pieces shared by every email (templates.ts, notice-templates.ts): links and filled texts. */
import { escapeHtml } from "../core/html";
import { fill, templateOf } from "../i18n/catalogue";
import type { Reader } from "../i18n/languages";
import type { English, Placeholders, TextKey } from "../i18n/types";

/** A link for the HTML part, its address and text escaped. */
export function anchor(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

/** A text for the HTML part: its words escaped, its placeholders replaced by ready HTML. */
export function htmlWith<K extends TextKey>(
  reader: Reader,
  key: K,
  html: Record<Placeholders<English[K]>, string>,
): string {
  const values: Record<string, { html: string }> = {};
  for (const [name, value] of Object.entries<string>(html)) values[name] = { html: value };
  return fill(templateOf(reader.language, key), values, (value) => value)
    .map((part) => (typeof part === "string" ? escapeHtml(part) : part.html))
    .join("");
}
