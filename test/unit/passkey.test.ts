/**
 * The passkey checks with real registrations and assertions from a software authenticator
 * (test/support/software-authenticator.ts): each refusal is an attack the check stops.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import {
  type PasskeyCredential,
  type PasskeyExpectation,
  passkeyCounterAdvances,
  passkeyRelyingParty,
  verifyPasskeyAssertion,
  verifyPasskeyRegistration,
} from "../../src/core/passkey";
import { SoftwareAuthenticator } from "../support/software-authenticator";

const APP_URL = "https://accounts.example.test";

function challenge(): { bytes: Uint8Array; text: string } {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return { bytes, text: encodeBase64urlNoPadding(bytes) };
}

function expecting(bytes: Uint8Array, userVerification = true): PasskeyExpectation {
  return { challenge: bytes, origin: "https://accounts.example.test", rpId: "accounts.example.test", userVerification };
}

async function registered(authenticator: SoftwareAuthenticator): Promise<PasskeyCredential> {
  const c = challenge();
  const result = verifyPasskeyRegistration(await authenticator.register(c.text), expecting(c.bytes));
  if (!result.ok) throw new Error(result.reason);
  return result.credential;
}

describe("passkey registration", () => {
  it("accepts a registration for this origin and RP ID, and keeps the credential's id and key", async () => {
    const authenticator = await SoftwareAuthenticator.create(APP_URL);
    const credential = await registered(authenticator);
    expect(credential.id).toBe(authenticator.id);
    expect(credential.algorithm).toBe(-7);
    expect(JSON.parse(credential.publicKeyJwk)).toMatchObject({ kty: "EC", crv: "P-256" });
  });

  it("the RP is APP_URL's host and exact origin", () => {
    expect(passkeyRelyingParty("https://accounts.example.test:8443/x")).toEqual({
      rpId: "accounts.example.test",
      origin: "https://accounts.example.test:8443",
    });
  });

  it("refuses a registration made on another origin (a phishing page relaying the ceremony)", async () => {
    const authenticator = await SoftwareAuthenticator.create(APP_URL);
    const c = challenge();
    const response = await authenticator.register(c.text, { origin: "https://accounts.example.test.evil.example" });
    expect(verifyPasskeyRegistration(response, expecting(c.bytes))).toEqual({ ok: false, reason: "wrong_origin" });
  });

  it("refuses a registration for another challenge, an assertion posted as one, or without the user", async () => {
    const authenticator = await SoftwareAuthenticator.create(APP_URL);
    const c = challenge();
    const other = challenge();
    expect(verifyPasskeyRegistration(await authenticator.register(c.text), expecting(other.bytes))).toMatchObject({
      reason: "wrong_challenge",
    });
    const asGet = await authenticator.register(c.text, { type: "webauthn.get" });
    expect(verifyPasskeyRegistration(asGet, expecting(c.bytes))).toMatchObject({ reason: "wrong_type" });
    const absent = await authenticator.register(c.text, { userPresent: false });
    expect(verifyPasskeyRegistration(absent, expecting(c.bytes))).toMatchObject({ reason: "user_not_present" });
    const garbage = { clientDataJSON: "AAAA", attestationObject: "AAAA" };
    expect(verifyPasskeyRegistration(garbage, expecting(c.bytes))).toMatchObject({ reason: "malformed" });
  });
});

describe("passkey assertion", () => {
  it("accepts a signed assertion and reports its counter and user verification", async () => {
    const authenticator = await SoftwareAuthenticator.create(APP_URL);
    const credential = await registered(authenticator);
    const c = challenge();
    const result = await verifyPasskeyAssertion(
      await authenticator.assert(c.text, "u1"),
      credential,
      expecting(c.bytes),
    );
    expect(result).toEqual({ ok: true, counter: 1, userVerified: true });
  });

  it("refuses a wrong origin in clientDataJSON", async () => {
    const authenticator = await SoftwareAuthenticator.create(APP_URL);
    const credential = await registered(authenticator);
    const c = challenge();
    for (const origin of ["http://accounts.example.test", "https://accounts.example.test:444", "https://evil.test"]) {
      const response = await authenticator.assert(c.text, "u1", { origin });
      expect(await verifyPasskeyAssertion(response, credential, expecting(c.bytes))).toEqual({
        ok: false,
        reason: "wrong_origin",
      });
    }
  });

  it("refuses a wrong RP ID hash (a credential made for another site)", async () => {
    const authenticator = await SoftwareAuthenticator.create(APP_URL);
    const credential = await registered(authenticator);
    const c = challenge();
    const response = await authenticator.assert(c.text, "u1", { rpId: "example.test" });
    expect(await verifyPasskeyAssertion(response, credential, expecting(c.bytes))).toEqual({
      ok: false,
      reason: "wrong_rp_id",
    });
  });

  it("refuses an assertion without user verification where it is required, accepts it where not", async () => {
    const authenticator = await SoftwareAuthenticator.create(APP_URL);
    const credential = await registered(authenticator);
    const c = challenge();
    const response = await authenticator.assert(c.text, "u1", { userVerified: false });
    expect(await verifyPasskeyAssertion(response, credential, expecting(c.bytes, true))).toEqual({
      ok: false,
      reason: "user_not_verified",
    });
    expect(await verifyPasskeyAssertion(response, credential, expecting(c.bytes, false))).toMatchObject({
      ok: true,
      userVerified: false,
    });
  });

  it("refuses an assertion for another challenge, and one signed by another key", async () => {
    const authenticator = await SoftwareAuthenticator.create(APP_URL);
    const credential = await registered(authenticator);
    const stranger = await registered(await SoftwareAuthenticator.create(APP_URL));
    const c = challenge();
    const response = await authenticator.assert(c.text, "u1");
    expect(await verifyPasskeyAssertion(response, credential, expecting(challenge().bytes))).toMatchObject({
      reason: "wrong_challenge",
    });
    expect(await verifyPasskeyAssertion(response, stranger, expecting(c.bytes))).toMatchObject({
      reason: "bad_signature",
    });
    const tampered = { ...response, authenticatorData: `${response.authenticatorData.slice(0, -2)}AA` };
    expect(await verifyPasskeyAssertion(tampered, credential, expecting(c.bytes))).toMatchObject({
      reason: "bad_signature",
    });
  });

  it("verifies RS256 (-257) with WebCrypto's RSASSA-PKCS1-v1_5", async () => {
    const authenticator = await SoftwareAuthenticator.create(APP_URL);
    const c = challenge();
    const response = await authenticator.assert(c.text, "u1");
    const rsa = (await crypto.subtle.generateKey(
      { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
      true,
      ["sign", "verify"],
    )) as CryptoKeyPair;
    const authData = decodeBase64urlIgnorePadding(response.authenticatorData);
    const clientHash = sha256(decodeBase64urlIgnorePadding(response.clientDataJSON));
    const message = new Uint8Array([...authData, ...clientHash]);
    const signature = new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", rsa.privateKey, message));
    const jwk = (await crypto.subtle.exportKey("jwk", rsa.publicKey)) as JsonWebKey;
    const stored = { publicKeyJwk: JSON.stringify({ kty: "RSA", n: jwk.n, e: jwk.e }), algorithm: -257 };
    const signed = { ...response, signature: encodeBase64urlNoPadding(signature) };
    expect(await verifyPasskeyAssertion(signed, stored, expecting(c.bytes))).toMatchObject({ ok: true });
    expect(await verifyPasskeyAssertion(response, stored, expecting(c.bytes))).toMatchObject({
      reason: "bad_signature",
    });
  });
});

describe("the signature counter", () => {
  it("must go up when the authenticator keeps one (a cloned credential is behind)", () => {
    expect(passkeyCounterAdvances(5, 6)).toBe(true);
    expect(passkeyCounterAdvances(5, 5)).toBe(false);
    expect(passkeyCounterAdvances(5, 4)).toBe(false);
    expect(passkeyCounterAdvances(5, 0)).toBe(false);
  });

  it("may stay 0 for an authenticator that keeps none (synced passkeys)", () => {
    expect(passkeyCounterAdvances(0, 0)).toBe(true);
    expect(passkeyCounterAdvances(0, 1)).toBe(true);
  });
});
