/**
 * The catalogues: every language has exactly English's keys, each text (each plural form) exactly English's
 * placeholders, no markup, and is translated (a text the same as English is allowed only where listed). tsc
 * checks keys, the presence of placeholders and a plural's forms at compile time too; the lines marked
 * ts-expect-error prove it. plurals.test.ts checks which form a count takes.
 */
import { describe, expect, it } from "vitest";
import { ar } from "../../src/i18n/ar";
import { catalogueOf, templateOf, translator } from "../../src/i18n/catalogue";
import { de } from "../../src/i18n/de";
import { en } from "../../src/i18n/en";
import { formatWait } from "../../src/i18n/format";
import { ja } from "../../src/i18n/ja";
import { LANGUAGES, type Language } from "../../src/i18n/languages";
import { pseudoText } from "../../src/i18n/pseudo";
import type { Catalogue, PluralForms } from "../../src/i18n/types";

/** Texts that read the same as English in a language (names, symbols, words it shares). */
const SAME_AS_ENGLISH: Record<Exclude<Language, "en">, string[]> = {
  de: ["email.from", "passkeys.heading", "passkeys.nameLabel"],
  fr: ["email.from"],
  es: ["email.from"],
  ja: [],
  ar: ["email.from"],
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** A catalogue entry's texts: the text, or each of a plural's forms. */
const textsOf = (entry: string | PluralForms): string[] => (typeof entry === "string" ? [entry] : Object.values(entry));

/** English's placeholders of a key (a plural's: those of its "other" form). */
const englishPlaceholders = (entry: string | PluralForms) =>
  placeholders(typeof entry === "string" ? entry : entry.other);

describe.each(LANGUAGES.filter((l) => l !== "en"))("the %s catalogue", (language) => {
  const catalogue = catalogueOf(language) as Record<string, string | PluralForms>;

  it("has exactly English's keys", () => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
  });

  it("keeps each text's placeholders, no more and no fewer", () => {
    const wrong = Object.entries(en).filter(([key, entry]) => {
      const expected = englishPlaceholders(entry).join();
      return textsOf(catalogue[key]!).some((text) => placeholders(text).join() !== expected);
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it("has no markup, no empty text, and no text left in English but those listed (and each listed one is)", () => {
    const same = Object.entries(en).filter(([key, entry]) => JSON.stringify(catalogue[key]) === JSON.stringify(entry));
    expect(same.map(([key]) => key).sort()).toEqual([...SAME_AS_ENGLISH[language as Exclude<Language, "en">]].sort());
    for (const text of Object.values(catalogue).flatMap(textsOf)) {
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(/[<>&]/);
    }
  });
});

describe("the English catalogue", () => {
  it("has no markup and balanced placeholders", () => {
    for (const text of Object.values(en).flatMap(textsOf)) {
      expect(text).not.toMatch(/[<>&]/);
      expect(text.replace(/\{\w+\}/g, "")).not.toMatch(/[{}]/);
    }
  });
});

describe("translator", () => {
  it("fills placeholders, in the language asked for", () => {
    expect(translator("en")("refusal.locked", { wait: "5 minutes" })).toBe(
      "Too many sign-in attempts. Sign in from a browser you have signed in with before, or try again in 5 minutes.",
    );
    expect(translator("de")("refusal.locked", { wait: "5 Minuten" })).toContain("5 Minuten");
  });

  // Intl writes "دقيقتان" (two minutes, nominative); after "بعد" (after) it would have to be genitive
  // ("دقيقتين"), so the Arabic sentences make the wait the subject of "تمضي" (pass) instead.
  it("puts an Arabic wait where Intl's nominative is right: the subject of a verb, not after بعد", () => {
    const wait = formatWait("ar", 2 * 60_000);
    expect(wait).toBe("دقيقتان");
    expect(translator("ar")("refusal.codeLocked", { wait })).toContain("أعد المحاولة بعد أن تمضي دقيقتان.");
    for (const key of ["refusal.locked", "refusal.codeLocked"] as const) {
      expect(ar[key]).not.toMatch(/بعد \{wait\}/);
    }
  });
});

describe("the pseudo-language", () => {
  it("accents every letter, keeps placeholders, and is 40 % longer", () => {
    const text = "Try again in {wait}.";
    const pseudo = pseudoText(text);
    expect(pseudo).toContain("{wait}");
    expect(pseudo).toMatch(/^\[Ţŕý àĝàîñ îñ \{wait\}\. [· ]+\]$/);
    expect(pseudoText("ABCXYZ abcxyz")).not.toMatch(/[A-Za-z]/);
    expect(pseudo.length).toBe(text.length + Math.ceil(text.length * 0.4));
  });

  it("pads in words that can wrap, however long the text", () => {
    const text = "x".repeat(200);
    const pseudo = pseudoText(text);
    expect(pseudo.length).toBe(text.length + Math.ceil(text.length * 0.4));
    expect(Math.max(...pseudo.split(" ").map((word) => word.length))).toBeLessThanOrEqual(text.length + 1);
    expect(
      pseudo
        .slice(text.length + 2)
        .split(" ")
        .every((dots) => dots.length <= 5 || dots.endsWith("]")),
    ).toBe(true);
  });

  it("covers every key", () => {
    expect(Object.keys(catalogueOf("en-XA")).sort()).toEqual(Object.keys(en).sort());
  });
});

describe("the catalogue type", () => {
  // tsc runs over the tests: each ts-expect-error below fails the build if its line compiles, i.e. if the
  // type let a catalogue miss a key, add one, or lose a placeholder.
  it("refuses a missing key, an extra key and a lost placeholder at compile time", () => {
    const { "signIn.title": _dropped, ...withoutOneKey } = en;
    // @ts-expect-error a catalogue missing a key does not compile
    const missingKey: Catalogue<"en"> = withoutOneKey;
    // @ts-expect-error a catalogue with a key English lacks does not compile
    const extraKey: Catalogue<"en"> = { ...en, "signIn.unknown": "x" };
    // @ts-expect-error a text that loses its placeholder does not compile
    const lostPlaceholder: Catalogue<"en"> = { ...en, "refusal.locked": "Too many sign-in attempts." };
    expect(Object.hasOwn(missingKey, "signIn.title")).toBe(false);
    expect(Object.hasOwn(extraKey, "signIn.unknown")).toBe(true);
    expect(lostPlaceholder["refusal.locked"]).not.toContain("{wait}");
  });

  it("refuses a plural missing a form its language needs, or a form without its count, at compile time", () => {
    const sessions = ar["account.detail.otherSessions"];
    const { few: _few, ...withoutFew } = sessions;
    // @ts-expect-error an Arabic plural without its "few" form (3 to 10) does not compile
    const missingFew: Catalogue<"ar"> = { ...ar, "account.detail.otherSessions": withoutFew };
    // @ts-expect-error an English plural without its "one" form does not compile
    const missingOne: Catalogue<"en"> = { ...en, "account.detail.codesLeft": { other: "{count} codes left" } };
    // @ts-expect-error a Japanese plural needs only "other", and a form English has is no substitute
    const wrongForm: Catalogue<"ja"> = { ...ja, "account.detail.codesLeft": { one: "残り {count} 個" } };
    const lostCount: Catalogue<"de"> = {
      ...de,
      // @ts-expect-error a form that loses {count} does not compile
      "account.detail.codesLeft": { one: "noch ein Code übrig", other: "noch {count} Codes übrig" },
    };
    // @ts-expect-error a plural's count is a number, not words
    translator("en")("account.detail.codesLeft", { count: "three" });
    // @ts-expect-error a plural cannot be filled with elements: Rich and the HTML emails take plain texts
    templateOf("en", "account.detail.codesLeft");
    expect(Object.keys(missingFew["account.detail.otherSessions"])).not.toContain("few");
    expect(Object.keys(missingOne["account.detail.codesLeft"])).toEqual(["other"]);
    expect(Object.keys(wrongForm["account.detail.codesLeft"])).toEqual(["one"]);
    expect(lostCount["account.detail.codesLeft"].one).not.toContain("{count}");
  });
});
