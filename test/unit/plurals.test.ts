/**
 * Plurals: every key that takes a count, rendered at 0, 1, 2, 3, 11 and 100 in every language (and the
 * pseudo-language), takes the form of the category `Intl.PluralRules` gives that count, and shows the
 * count. Each catalogue's plurals hold exactly the categories the runtime knows for its language.
 */
import { describe, expect, it } from "vitest";
import { catalogueOf, translator } from "../../src/i18n/catalogue";
import { en } from "../../src/i18n/en";
import { LANGUAGES, type PageLanguage } from "../../src/i18n/languages";
import type { PluralForms, PluralKey } from "../../src/i18n/types";

const COUNTS = [0, 1, 2, 3, 11, 100];

const PLURAL_KEYS = Object.entries(en)
  .filter(([, entry]) => typeof entry !== "string")
  .map(([key]) => key as PluralKey);

/** Values for a plural's other placeholders, none of them a number (so the count is the only one shown). */
const OTHER_VALUES = { total: "ten" };

describe("plural keys", () => {
  it("are the texts that take a count", () => {
    expect(PLURAL_KEYS.sort()).toEqual([
      "account.detail.allSessions",
      "account.detail.codesLeft",
      "account.detail.otherSessions",
      "field.passwordCount",
      "field.passwordHint",
      "notices.recoveryCode.left",
      "password.too_long",
      "password.too_short",
      "twoFactor.section.codesLeft",
    ]);
  });
});

describe.each([...LANGUAGES, "en-XA"] as PageLanguage[])("plurals in %s", (language) => {
  const locale = language === "en-XA" ? "en" : language;
  const rules = new Intl.PluralRules(locale);
  const catalogue = catalogueOf(language) as Record<string, string | PluralForms>;
  const t = translator(language);

  it("hold exactly the forms Intl.PluralRules names for the language", () => {
    const categories = [...rules.resolvedOptions().pluralCategories].sort();
    for (const key of PLURAL_KEYS) expect([key, Object.keys(catalogue[key]!).sort()]).toEqual([key, categories]);
  });

  it.each(COUNTS)("take the form of the count's category, with the count shown: %i", (count) => {
    const category = rules.select(count);
    const number = new Intl.NumberFormat(locale).format(count);
    for (const key of PLURAL_KEYS) {
      const form = (catalogue[key] as PluralForms)[category]!;
      const rendered = t(key, { count, typed: "{typed}", ...OTHER_VALUES });
      const expected = form.replace("{count}", number).replace("{total}", OTHER_VALUES.total);
      expect({ key, category, rendered }).toEqual({ key, category, rendered: expected });
      expect(rendered).toContain(number);
    }
  });
});

describe("choosing a form", () => {
  it("gives English its singular, Arabic its dual and Japanese its one form", () => {
    expect(translator("en")("account.detail.otherSessions", { count: 1 })).toBe("1 other session");
    expect(translator("en")("account.detail.otherSessions", { count: 3 })).toBe("3 other sessions");
    expect(translator("ar")("account.detail.otherSessions", { count: 2 })).toBe("جلستان أخريان (2)");
    expect(translator("ar")("account.detail.otherSessions", { count: 11 })).toBe("11 جلسة أخرى");
    expect(translator("fr")("account.detail.otherSessions", { count: 0 })).toBe("0 autre session");
    expect(translator("ja")("account.detail.otherSessions", { count: 1 })).toBe("ほかの 1 件のセッション");
  });

  it("writes the count as the language writes numbers", () => {
    expect(translator("en")("password.too_long", { count: 1000 })).toBe(
      "Password must be at most 1,000 characters long.",
    );
    expect(translator("de")("password.too_long", { count: 1000 })).toBe(
      "Das Passwort darf höchstens 1.000 Zeichen lang sein.",
    );
  });
});
