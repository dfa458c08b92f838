/**
 * Device tokens (src/core/device-token.ts) against known answers computed outside the Worker (Node's
 * crypto: HMAC-SHA256 under HMAC-SHA256(pepper, "device tokens v1"), first 16 bytes, base64url), so a change
 * to the MAC's key, label, message or length cannot pass unnoticed; then what a claim refuses.
 */
import { describe, expect, it } from "vitest";
import { deviceClaim, issueDeviceToken } from "../../src/core/device-token";

const EMAIL_KEY = "f00dfeed";
const ID = "AAECAwQFBgcICQoLDA0ODw"; // bytes 0..15, base64url

describe("device tokens", () => {
  it("known answers: the MAC of an id and version, with a pepper and with the development seed", () => {
    expect(deviceClaim("kat-pepper", EMAIL_KEY, `${ID}.3.fr-6kLZh0K0K_wbduK5FLw`)).toEqual({
      scope: "device:5d2611d5a4dd2b40b277dfdb5ecf5b49",
      credentialVersion: 3,
    });
    expect(deviceClaim(null, EMAIL_KEY, `${ID}.0.aqp1V1lkubN-ZQ2DgkQOqg`)).toEqual({
      scope: "device:5d2611d5a4dd2b40b277dfdb5ecf5b49",
      credentialVersion: 0,
    });
  });

  it("refuses another email, another pepper, a changed version, a bad shape; a new token claims its version", () => {
    const token = `${ID}.3.fr-6kLZh0K0K_wbduK5FLw`;
    expect(deviceClaim("kat-pepper", "f00dfeee", token)).toBeNull();
    expect(deviceClaim("other-pepper", EMAIL_KEY, token)).toBeNull();
    expect(deviceClaim("kat-pepper", EMAIL_KEY, `${ID}.4.fr-6kLZh0K0K_wbduK5FLw`)).toBeNull();
    expect(deviceClaim("kat-pepper", EMAIL_KEY, `${ID}.03.fr-6kLZh0K0K_wbduK5FLw`)).toBeNull();
    expect(deviceClaim("kat-pepper", EMAIL_KEY, undefined)).toBeNull();
    const issued = issueDeviceToken("kat-pepper", EMAIL_KEY, 7);
    expect(deviceClaim("kat-pepper", EMAIL_KEY, issued)?.credentialVersion).toBe(7);
    expect(issued).not.toBe(issueDeviceToken("kat-pepper", EMAIL_KEY, 7));
  });
});
