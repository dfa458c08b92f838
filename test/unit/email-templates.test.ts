/** The emails' words: the link, its lifetime, when and from where, and nothing the requester can inject. */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/catalogue";
import { renderEmailChangeConfirm, renderEmailChangeNotice } from "../../src/mail/email-change-templates";
import { renderNewDeviceEmail, renderRecoveryCodeUsedEmail } from "../../src/mail/notice-templates";
import { renderSecondAddressEmail } from "../../src/mail/second-address-templates";
import { renderPasswordChangedEmail, renderResetEmail, renderTwoFactorEmail } from "../../src/mail/templates";

const LINK = "https://accounts.example.test/reset-password?token=abc_DEF-123";
const FORGOT = "https://accounts.example.test/forgot-password";
const WASNT_ME = "https://accounts.example.test/wasnt-me?token=w.blt000.0.-.mac";
const AT = Date.UTC(2026, 10, 30, 8, 5, 0); // November 30, 2026 at 8:05 AM UTC
const EN = { language: "en" } as const;
/** The marks that isolate an address inside a sentence of the text part (FIRST STRONG ISOLATE, POP DIRECTIONAL ISOLATE). */
const FSI = "\u2068";
const PDI = "\u2069";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0";
/** A reset email's input but its reader. */
const RESET = {
  link: LINK,
  requestedAt: AT,
  client: { ip: "203.0.113.7", userAgent: FIREFOX },
  forgotUrl: FORGOT,
  lifetimeMinutes: 60,
  code: "ABCD-EFGH",
  codeUrl: "https://accounts.example.com/reset-password/code",
};

describe("the reset email", () => {
  const email = renderResetEmail({ ...RESET, reader: EN });

  it("has the subject, the link, the 60-minute lifetime, the request's time and origin, in text", () => {
    expect(email.subject).toBe("Reset your password");
    expect(email.text).toContain(`\n${LINK}\n`);
    expect(email.text).toContain(
      "The link and the code work once (either one uses both up) and expire 60 minutes after the request.",
    );
    expect(email.text).toContain("Enter this code at https://accounts.example.com/reset-password/code:\nABCD-EFGH");
    expect(email.text).toContain(
      `Requested on November 30, 2026 at 8:05 AM UTC, from ${FSI}203.0.113.7${PDI} (Firefox on Linux).`,
    );
    expect(email.text).toContain(`ask for a new one at ${FORGOT}`);
  });

  it("has the same in HTML, with the link as a button and escaped in attributes", () => {
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain(`<a href="${LINK}"`);
    expect(email.html).toContain("<strong>60 minutes</strong>");
    expect(email.html).toContain(
      "Requested on November 30, 2026 at 8:05 AM UTC, from <bdi>203.0.113.7</bdi> (Firefox on Linux).",
    );
  });

  // The link comes from APP_URL, but a template must still never let a value break out of its attribute.
  it("escapes every interpolated value", () => {
    const hostile = renderResetEmail({
      reader: EN,
      link: 'https://a.test/?t="><script>x</script>',
      requestedAt: AT,
      client: { ip: "<b>1.2.3.4</b>", userAgent: null },
      forgotUrl: FORGOT,
      lifetimeMinutes: 60,
      code: "ABCD-EFGH",
      codeUrl: "https://accounts.example.com/reset-password/code",
    });
    expect(hostile.html).not.toContain("<script>");
    expect(hostile.html).not.toContain("<b>1.2.3.4</b>");
    expect(hostile.html).toContain("&quot;&gt;&lt;script&gt;");
    expect(hostile.html).toContain("<bdi>&lt;b&gt;1.2.3.4&lt;/b&gt;</bdi> (Unknown device)");
  });

  it("says 'an unknown address' when the client address is not known", () => {
    const anonymous = renderResetEmail({
      reader: EN,
      link: LINK,
      requestedAt: AT,
      client: { ip: null, userAgent: null },
      forgotUrl: FORGOT,
      lifetimeMinutes: 60,
      code: "ABCD-EFGH",
      codeUrl: "https://accounts.example.com/reset-password/code",
    });
    expect(anonymous.text).toContain("from an unknown address (Unknown device).");
  });
});

describe("the password-changed email", () => {
  it("says when and from where, that every device was signed out, and what to do if it wasn't you", () => {
    const email = renderPasswordChangedEmail({
      reader: EN,
      changedAt: AT,
      client: { ip: "198.51.100.2", userAgent: "curl/8.5.0" },
      forgotUrl: FORGOT,
      wasntMeUrl: WASNT_ME,
    });
    expect(email.subject).toBe("Your password was changed");
    expect(email.text).toBe(
      [
        `The password of your account was changed on November 30, 2026 at 8:05 AM UTC, from ${FSI}198.51.100.2${PDI} (curl).`,
        "Every device that was signed in has been signed out.",
        "",
        `If this wasn't you, reset your password right away at ${FORGOT} and check your email account's security.`,
        "",
        `Wasn't you? Secure your account with one click (the link works for 7 days): ${WASNT_ME}`,
      ].join("\n"),
    );
    expect(email.html).toContain(`<a href="${FORGOT}">reset your password right away</a>`);
    expect(email.html).toContain("<strong>If this wasn&#39;t you, <a href=");
  });
});

describe("emails in the reader's language", () => {
  it("French, in Paris time: subject, words, date, lifetime and device all French; link and code as they are", () => {
    const email = renderResetEmail({ ...RESET, reader: { language: "fr", timeZone: "Europe/Paris" } });
    expect(email.subject).toBe(translator("fr")("email.reset.subject"));
    expect(email.text).toContain("30 novembre 2026 à 09:05 UTC+1");
    expect(email.text).toContain("60 minutes");
    expect(email.text).toContain("Firefox sur Linux");
    expect(email.text).toContain(`\n${LINK}\n`);
    expect(email.text).toContain("\nABCD-EFGH\n");
    expect(email.html).toContain('<html lang="fr" dir="ltr">');
  });

  it("German and Japanese lifetimes and dates come from Intl in that language", () => {
    const german = renderResetEmail({ ...RESET, reader: { language: "de" } });
    expect(german.text).toContain("60 Minuten");
    expect(german.text).toContain("30. November 2026 um 08:05 UTC");
    const japanese = renderResetEmail({ ...RESET, lifetimeMinutes: 120, reader: { language: "ja" } });
    expect(japanese.text).toContain("2 時間");
    expect(japanese.text).toContain("2026年11月30日 8:05 UTC");
  });

  it("Arabic reads right to left, with the code kept left to right", () => {
    const email = renderTwoFactorEmail({
      reader: { language: "ar" },
      change: "enabled",
      changedAt: AT,
      client: { ip: null, userAgent: null },
      forgotUrl: FORGOT,
      wasntMeUrl: WASNT_ME,
    });
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.subject).toBe(translator("ar")("email.twoFactor.enabled.subject"));
    expect(email.text).toContain(translator("ar")("email.unknownAddress"));
    const reset = renderResetEmail({ ...RESET, reader: { language: "ar" } });
    expect(reset.html).toContain('dir="ltr"><strong>ABCD-EFGH</strong>');
  });

  // An IPv6 address inside Arabic words, not isolated, is laid out with them: its groups change places.
  it("Arabic isolates the client's address: <bdi> in HTML, U+2068 … U+2069 in text; a link's address only in HTML", () => {
    const email = renderPasswordChangedEmail({
      reader: { language: "ar" },
      changedAt: AT,
      client: { ip: "2001:db8::1", userAgent: FIREFOX },
      forgotUrl: FORGOT,
      wasntMeUrl: WASNT_ME,
    });
    expect(email.text).toContain(`، من ${FSI}2001:db8::1${PDI} (Firefox على Linux).`);
    expect(email.html).toContain("، من <bdi>2001:db8::1</bdi> (Firefox على Linux).");
    const warning = renderTwoFactorEmail({
      ...RESET,
      reader: { language: "ar" },
      change: "disabled",
      changedAt: AT,
      wasntMeUrl: WASNT_ME,
    });
    expect(warning.html).toContain(`<bdi><a href="${FORGOT}">${FORGOT}</a></bdi>`);
    expect(warning.text).toContain(`من ${FORGOT}.`);
  });

  it("a translation's apostrophes and quotes are escaped in HTML, the links inside them are not", () => {
    const email = renderPasswordChangedEmail({
      reader: { language: "fr" },
      changedAt: AT,
      client: RESET.client,
      forgotUrl: FORGOT,
      wasntMeUrl: WASNT_ME,
    });
    expect(email.html).toContain(`<a href="${FORGOT}">`);
    expect(email.html).not.toMatch(/&lt;a href/);
  });
});

describe("every security notice carries its wasn't-me link (issue 26)", () => {
  const client = { ip: "198.51.100.2", userAgent: FIREFOX };
  const eventNotice = {
    reader: EN,
    changedAt: AT,
    client,
    forgotUrl: FORGOT,
    accountUrl: "https://accounts.example.test/account",
    wasntMeUrl: WASNT_ME,
  };
  const notices = [
    renderPasswordChangedEmail({ reader: EN, changedAt: AT, client, forgotUrl: FORGOT, wasntMeUrl: WASNT_ME }),
    ...(
      [
        "enabled",
        "disabled",
        "recovery_codes",
        "codes_locked",
        "reset_codes_locked",
        "passkey_added",
        "passkey_removed",
      ] as const
    ).map((change) =>
      renderTwoFactorEmail({ reader: EN, change, changedAt: AT, client, forgotUrl: FORGOT, wasntMeUrl: WASNT_ME }),
    ),
    renderRecoveryCodeUsedEmail({ ...eventNotice, codesLeft: 2 }),
    renderNewDeviceEmail(eventNotice),
    ...(["second_address_added", "second_address_removed"] as const).map((event) =>
      renderSecondAddressEmail({ ...eventNotice, event, address: "second@example.com" }),
    ),
    ...(["asked", "done", "reverted"] as const).map((step) =>
      renderEmailChangeNotice({
        reader: EN,
        step,
        email: "new@example.com",
        changedAt: AT,
        client,
        wasntMeUrl: WASNT_ME,
      }),
    ),
  ];
  it.each(notices.map((n) => [n.subject, n]))("%s", (_subject, notice) => {
    expect(notice.text).toContain(`(the link works for 7 days): ${WASNT_ME}`);
    expect(notice.html).toContain(`<a href="${WASNT_ME.replaceAll("&", "&amp;")}"`);
  });

  it("the done notice names the new address (isolated) and carries the revert link", () => {
    const revert = "https://accounts.example.test/email-change/revert?token=r.x";
    const done = renderEmailChangeNotice({
      reader: EN,
      step: "done",
      email: "new@example.com",
      changedAt: AT,
      client,
      wasntMeUrl: WASNT_ME,
      revertUrl: revert,
    });
    expect(done.text).toContain(`changed to ${FSI}new@example.com${PDI}.`);
    expect(done.text).toContain(`Undo the change (the link works for 7 days): ${revert}`);
    expect(done.html).toContain(`<a href="${revert}">Undo the change</a>`);
  });

  it('the confirmation to the new address has its link and lifetime, and no "this wasn\'t me" (not the holder yet)', () => {
    const link = "https://accounts.example.test/email-change/confirm?token=c.x";
    const email = renderEmailChangeConfirm({ reader: EN, link, lifetimeMinutes: 60 });
    expect(email.text).toContain(`\n${link}\n`);
    expect(email.text).toContain("60 minutes");
    expect(email.text).not.toContain("wasnt-me");
  });
});
