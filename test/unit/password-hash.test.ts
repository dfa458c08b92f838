import { describe, expect, it } from "vitest";
import { hashPassword, PBKDF2_ITERATIONS, spendPasswordCheck, verifyPassword } from "../../src/core/password-hash";

describe("password hashing", () => {
  it("pins PBKDF2 at the production Workers cap of 100,000 (local workerd does not enforce it)", () => {
    expect(PBKDF2_ITERATIONS).toBe(100_000);
  });

  it("stores a self-describing hash with a 16-byte salt and verifies it", async () => {
    const stored = await hashPassword("correct horse battery staple", null);
    expect(stored).toMatch(/^\$pbkdf2-sha256\$i=100000,p=0\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword("correct horse battery staple", stored, null)).toEqual({
      valid: true,
      needsRehash: false,
    });
    expect((await verifyPassword("correct horse battery stapl", stored, null)).valid).toBe(false);
  });

  // Known answers, computed outside the implementation with Node's own crypto (Node 22, a one-off script):
  //   const text = Buffer.from(password.normalize("NFKC"), "utf8");
  //   const input = pepper === null ? text : createHmac("sha256", pepper).update(text).digest();
  //   pbkdf2Sync(input, Buffer.from("000102030405060708090a0b0c0d0e0f", "hex"), 100_000, 32, "sha256").toString("base64");
  // They pin the stored format forever: a change to how the password or the pepper feeds PBKDF2 would lock out
  // every existing account while round-trip tests stay green.
  const KNOWN_SALT = "AAECAwQFBgcICQoLDA0ODw=="; // bytes 0x00 … 0x0f
  const known = (peppered: boolean, hash: string) =>
    `$pbkdf2-sha256$i=100000,p=${peppered ? 1 : 0}$${KNOWN_SALT}$${hash}`;

  it("verifies a known unpeppered hash (PBKDF2-HMAC-SHA256 of the UTF-8 password, 100,000 iterations)", async () => {
    const stored = known(false, "SdScJfWXhGIJ8Nkud3CrZOHHXpS0zmxQkmXuZxddKh4=");
    expect(await verifyPassword("correct horse battery staple", stored, null)).toEqual({
      valid: true,
      needsRehash: false,
    });
  });

  it("verifies a known peppered hash (PBKDF2 over HMAC-SHA256 keyed by the pepper, of the password)", async () => {
    const stored = known(true, "DmKD5MIZy/hZa5f/s9m0DKgapTz+vtoLu2JhpXi793A=");
    expect(await verifyPassword("correct horse battery staple", stored, "pepper-one")).toEqual({
      valid: true,
      needsRehash: false,
    });
  });

  it("verifies a known hash that only NFKC tells apart: the ligature \ufb01 is the letters fi", async () => {
    // NFC (or no normalisation) leaves U+FB01 as it is and derives qI2msmnv… instead.
    const stored = known(false, "0cMqGJ9EuelF2g3/xXG+JyXTX0ZJfGeMP9xoBRq2Suw=");
    expect((await verifyPassword("\ufb01ne print", stored, null)).valid).toBe(true);
    expect((await verifyPassword("fine print", stored, null)).valid).toBe(true);
  });

  it("salts every hash differently", async () => {
    expect(await hashPassword("same password twice", null)).not.toBe(await hashPassword("same password twice", null));
  });

  it("normalises with NFKC: composed and decomposed forms are the same password", async () => {
    const stored = await hashPassword("caf\u00e9 au lait, s'il vous plait", null);
    expect((await verifyPassword("cafe\u0301 au lait, s'il vous plait", stored, null)).valid).toBe(true);
  });

  it("mixes in the pepper: without it, or with another, the hash does not verify", async () => {
    const stored = await hashPassword("peppered password here", "pepper-one");
    expect(stored).toContain(",p=1$");
    expect((await verifyPassword("peppered password here", stored, "pepper-one")).valid).toBe(true);
    expect((await verifyPassword("peppered password here", stored, "pepper-two")).valid).toBe(false);
    expect((await verifyPassword("peppered password here", stored, null)).valid).toBe(false);
  });

  it("asks for a rehash when the stored parameters are not today's", async () => {
    const unpeppered = await hashPassword("upgrade me to pepper", null);
    expect(await verifyPassword("upgrade me to pepper", unpeppered, "new-pepper")).toEqual({
      valid: true,
      needsRehash: true,
    });
    // A genuine hash from an older, weaker configuration (1,000 iterations).
    const salt = new Uint8Array(16);
    const key = await crypto.subtle.importKey("raw", new TextEncoder().encode("old params"), "PBKDF2", false, [
      "deriveBits",
    ]);
    const bits = new Uint8Array(
      await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations: 1000 }, key, 256),
    );
    const old = `$pbkdf2-sha256$i=1000,p=0$${btoa(String.fromCharCode(...salt))}$${btoa(String.fromCharCode(...bits))}`;
    expect(await verifyPassword("old params", old, null)).toEqual({ valid: true, needsRehash: true });
  });

  it("never verifies a malformed or over-cap stored hash", async () => {
    for (const stored of [
      "",
      "plaintext",
      "$pbkdf2-sha256$i=600000,p=0$AAAA$AAAA",
      "$pbkdf2-sha256$i=100000,p=0$!!$!!",
    ]) {
      expect((await verifyPassword("anything at all", stored, null)).valid).toBe(false);
    }
  });

  it("spends one derivation for unknown accounts", async () => {
    const calls: number[] = [];
    const original = crypto.subtle.deriveBits.bind(crypto.subtle);
    crypto.subtle.deriveBits = (async (...args: Parameters<typeof crypto.subtle.deriveBits>) => {
      calls.push((args[0] as { iterations: number }).iterations);
      return original(...args);
    }) as typeof crypto.subtle.deriveBits;
    try {
      await spendPasswordCheck("whatever was typed", null);
    } finally {
      crypto.subtle.deriveBits = original;
    }
    expect(calls).toEqual([100_000]);
  });
});
