/** Two-factor primitives with known answers: TOTP (RFC 6238), sealing (AES-GCM bound to its owner), recovery codes. */
import { describe, expect, it } from "vitest";
import {
  newRecoveryCodes,
  normalizeRecoveryCode,
  RECOVERY_CODE_LENGTH,
  recoveryCodeHash,
} from "../../src/core/recovery-codes";
import { open, parseSealingKey, seal, sealingKeyId } from "../../src/core/secret-box";
import { matchTotp, parseTotpKeyText, totpAt, totpKeyText, totpUri } from "../../src/core/totp";

const RFC_KEY = new TextEncoder().encode("12345678901234567890");

describe("TOTP", () => {
  // RFC 6238 appendix B, SHA-1, truncated to the 6 digits apps show.
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1111111111, "050471"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("at %i s the code is %s", (seconds, code) => {
    expect(totpAt(RFC_KEY, Math.floor(seconds / 30))).toBe(code);
    expect(matchTotp(RFC_KEY, code, seconds * 1000)).toBe(Math.floor(seconds / 30));
  });

  it("accepts one step either side for clock drift, no further; only six digits", () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000); // RFC 6238's 30 s step, what authenticator apps use
    expect(matchTotp(RFC_KEY, totpAt(RFC_KEY, step - 1), now)).toBe(step - 1);
    expect(matchTotp(RFC_KEY, totpAt(RFC_KEY, step + 1), now)).toBe(step + 1);
    expect(matchTotp(RFC_KEY, totpAt(RFC_KEY, step + 2), now)).toBeNull();
    expect(matchTotp(RFC_KEY, totpAt(RFC_KEY, step - 2), now)).toBeNull();
    const code = totpAt(RFC_KEY, step);
    expect(matchTotp(RFC_KEY, ` ${code.slice(0, 3)} ${code.slice(3)} `, now)).toBe(step);
    expect(matchTotp(RFC_KEY, `${code}0`, now)).toBeNull();
    expect(matchTotp(RFC_KEY, "abcdef", now)).toBeNull();
  });

  it("shows the key in base32 groups, reads it back, and puts it in an otpauth URI", () => {
    const text = totpKeyText(RFC_KEY);
    expect(text).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    expect(parseTotpKeyText(text.toLowerCase())).toEqual(RFC_KEY);
    expect(parseTotpKeyText("not base32!")).toBeNull();
    expect(totpUri("accounts.example.com", "ada@example.com", RFC_KEY)).toBe(
      "otpauth://totp/accounts.example.com:ada%40example.com?issuer=accounts.example.com&algorithm=SHA1&secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&period=30&digits=6",
    );
  });
});

describe("sealing", () => {
  const key = parseSealingKey(btoa("a-32-byte-totp-sealing-key-01234"))!;

  it("opens for its owner only, and not once altered", async () => {
    const secret = new Uint8Array([1, 2, 3, 4, 5]);
    const owner = "blt0123456789abcdef01234567";
    const sealed = await seal(key, secret, owner);
    expect(sealed).toMatch(new RegExp(`^v1\\.${sealingKeyId(key)}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]+$`));
    expect((await open([key], sealed, owner))?.plaintext).toEqual(secret);
    expect(await open([key], sealed, "blt0123456789abcdef01234568")).toBeNull();
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}${sealed.slice(-1)}`;
    expect(await open([key], altered, owner)).toBeNull();
    expect(await seal(key, secret, "x")).not.toBe(await seal(key, secret, "x"));
  });

  // A rotation: the new key seals; the previous one still opens what it sealed, and says it was the one.
  it("opens with whichever listed key its id names, and with no other", async () => {
    const next = parseSealingKey(btoa("another-32-byte-sealing-key-0123"))!;
    const sealed = await seal(key, new Uint8Array([9]), "owner");
    expect(sealingKeyId(next)).not.toBe(sealingKeyId(key));
    const opened = await open([next, key], sealed, "owner");
    expect(opened?.plaintext).toEqual(new Uint8Array([9]));
    expect(opened?.key).toBe(key);
    expect(await open([next], sealed, "owner")).toBeNull();
  });

  it("takes exactly 32 bytes of base64 as its key", () => {
    expect(parseSealingKey(undefined)).toBeNull();
    expect(parseSealingKey(btoa("too short"))).toBeNull();
    expect(parseSealingKey("not base64 at all!")).toBeNull();
  });
});

describe("recovery codes", () => {
  it("ten distinct codes of 16 Crockford characters (80 bits), forgiving to type, hashed per account", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(normalizeRecoveryCode("abcd-efgh-jkmn-pqrs")).toBe("ABCDEFGHJKMNPQRS");
    expect(normalizeRecoveryCode(" oOiI LLab cdef ghjk ")).toBe("001111ABCDEFGHJK");
    expect(normalizeRecoveryCode("123456")).toBeNull();
    expect(normalizeRecoveryCode("ABCD-EFGH-JKMN-PQRU")).toBeNull();
    expect(recoveryCodeHash(null, "blt1", "ABCDEFGHJKMNPQRS")).not.toBe(
      recoveryCodeHash(null, "blt2", "ABCDEFGHJKMNPQRS"),
    );
    expect(recoveryCodeHash("pepper-a", "blt1", "ABCDEFGHJKMNPQRS")).not.toBe(
      recoveryCodeHash("pepper-b", "blt1", "ABCDEFGHJKMNPQRS"),
    );
  });

  it("at least 64 bits each: 16 characters of a 32-letter alphabet, every letter drawn", () => {
    const codes = Array.from({ length: 20 }, () => newRecoveryCodes()).flat();
    const letters = new Set(codes.join("").replace(/-/g, ""));
    expect(RECOVERY_CODE_LENGTH * Math.log2(32)).toBeGreaterThanOrEqual(64);
    for (const code of codes) expect(code.replace(/-/g, "")).toHaveLength(RECOVERY_CODE_LENGTH);
    // 3,200 draws of 32 letters: a letter never drawn would mean a biased generator (chance about 32 × e^-100).
    expect(letters.size).toBe(32);
  });

  it("a 12-character code issued before the codes grew is still read; other lengths are not", () => {
    expect(normalizeRecoveryCode("abcd-efgh-jkmn")).toBe("ABCDEFGHJKMN");
    expect(normalizeRecoveryCode("ABCD-EFGH-JKM")).toBeNull();
    expect(normalizeRecoveryCode("ABCD-EFGH-JKMN-P")).toBeNull();
    expect(normalizeRecoveryCode("ABCD-EFGH-JKMN-PQRST")).toBeNull();
  });
});
