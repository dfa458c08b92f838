/**
 * Passkeys (WebAuthn) verified by us: @oslojs/webauthn parses the client data, the authenticator data, the
 * attestation object and the COSE key; WebCrypto checks the signature. We ask for attestation "none", so no
 * attestation statement is verified (docs/design.md, "Passkeys"). Every check a full library would make is
 * here: type, challenge, origin === APP_URL's origin exactly, not cross-origin, rpIdHash === SHA-256(host),
 * user present, user verified where required, and (passkeyCounterAdvances) the signature counter.
 * No I/O and no clock: the challenge, origin and RP ID are passed in.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import type { AuthenticatorData, ClientData } from "@oslojs/webauthn";
import {
  ClientDataType,
  createAssertionSignatureMessage,
  parseAttestationObject,
  parseAuthenticatorData,
  parseClientDataJSON,
} from "@oslojs/webauthn";
import { publicKeyJwk, signatureHolds } from "./passkey-key";

/** What the ceremony must match: the server's challenge, APP_URL's origin and host, and whether UV is required. */
export interface PasskeyExpectation {
  challenge: Uint8Array;
  origin: string;
  rpId: string;
  userVerification: boolean;
}

/** Why a registration or an assertion is refused (logged; the person sees one message). */
export type PasskeyProblem =
  | "malformed"
  | "wrong_type"
  | "wrong_challenge"
  | "wrong_origin"
  | "wrong_rp_id"
  | "user_not_present"
  | "user_not_verified"
  | "unsupported_key"
  | "bad_signature";

/** A credential as stored: its id (base64url), its public key as a JWK, its COSE algorithm and counter. */
export interface PasskeyCredential {
  id: string;
  publicKeyJwk: string;
  algorithm: number;
  counter: number;
}

/** The browser's answer to navigator.credentials.create, base64url fields. */
export interface RegistrationResponse {
  clientDataJSON: string;
  attestationObject: string;
}

/** The browser's answer to navigator.credentials.get, base64url fields. */
export interface AssertionResponse {
  credentialId: string;
  clientDataJSON: string;
  authenticatorData: string;
  signature: string;
  userHandle: string | null;
}

export type RegistrationResult = { ok: true; credential: PasskeyCredential } | { ok: false; reason: PasskeyProblem };
export type AssertionResult =
  | { ok: true; counter: number; userVerified: boolean }
  | { ok: false; reason: PasskeyProblem };

/** The RP ID and origin of a passkey: APP_URL's host and exact origin. */
export function passkeyRelyingParty(appUrl: string): { rpId: string; origin: string } {
  const url = new URL(appUrl);
  return { rpId: url.hostname, origin: url.origin };
}

/** Verifies a registration: the ceremony's checks, then the new credential's key (ES256 on P-256, or RS256). */
export function verifyPasskeyRegistration(
  response: RegistrationResponse,
  expected: PasskeyExpectation,
): RegistrationResult {
  let clientData: ClientData;
  let authenticatorData: AuthenticatorData;
  try {
    clientData = parseClientDataJSON(decodeBase64urlIgnorePadding(response.clientDataJSON));
    authenticatorData = parseAttestationObject(
      decodeBase64urlIgnorePadding(response.attestationObject),
    ).authenticatorData;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const problem = ceremonyProblem(clientData, ClientDataType.Create, authenticatorData, expected);
  if (problem !== null) return { ok: false, reason: problem };
  const credential = authenticatorData.credential;
  if (credential === null) return { ok: false, reason: "malformed" };
  const jwk = publicKeyJwk(credential.publicKey);
  if (jwk === null) return { ok: false, reason: "unsupported_key" };
  return {
    ok: true,
    credential: {
      id: encodeBase64urlNoPadding(credential.id),
      publicKeyJwk: JSON.stringify(jwk.key),
      algorithm: jwk.algorithm,
      counter: authenticatorData.signatureCounter,
    },
  };
}

/** Verifies an assertion against the stored credential: the ceremony's checks, then the signature. */
export async function verifyPasskeyAssertion(
  response: AssertionResponse,
  stored: Pick<PasskeyCredential, "publicKeyJwk" | "algorithm">,
  expected: PasskeyExpectation,
): Promise<AssertionResult> {
  let clientDataBytes: Uint8Array;
  let authenticatorBytes: Uint8Array;
  let signature: Uint8Array;
  let clientData: ClientData;
  let authenticatorData: AuthenticatorData;
  try {
    clientDataBytes = decodeBase64urlIgnorePadding(response.clientDataJSON);
    authenticatorBytes = decodeBase64urlIgnorePadding(response.authenticatorData);
    signature = decodeBase64urlIgnorePadding(response.signature);
    clientData = parseClientDataJSON(clientDataBytes);
    authenticatorData = parseAuthenticatorData(authenticatorBytes);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const problem = ceremonyProblem(clientData, ClientDataType.Get, authenticatorData, expected);
  if (problem !== null) return { ok: false, reason: problem };
  const message = createAssertionSignatureMessage(authenticatorBytes, clientDataBytes);
  if (!(await signatureHolds(stored, message, signature))) return { ok: false, reason: "bad_signature" };
  return { ok: true, counter: authenticatorData.signatureCounter, userVerified: authenticatorData.userVerified };
}

/**
 * Whether a counter may follow the stored one: an authenticator that keeps none sends 0 every time (passkeys
 * synced between devices do); one that keeps one must go up, or the credential was cloned.
 */
export function passkeyCounterAdvances(stored: number, received: number): boolean {
  return (stored === 0 && received === 0) || received > stored;
}

function ceremonyProblem(
  clientData: ClientData,
  type: ClientDataType,
  authenticatorData: AuthenticatorData,
  expected: PasskeyExpectation,
): PasskeyProblem | null {
  if (clientData.type !== type) return "wrong_type";
  const challengeMatches =
    clientData.challenge.length === expected.challenge.length &&
    constantTimeEqual(clientData.challenge, expected.challenge);
  if (!challengeMatches) return "wrong_challenge";
  // Exactly APP_URL's origin, never a subdomain or another port: a phishing page cannot pass it on.
  if (clientData.origin !== expected.origin || clientData.crossOrigin === true) return "wrong_origin";
  const rpIdHash = sha256(new TextEncoder().encode(expected.rpId));
  if (!constantTimeEqual(authenticatorData.relyingPartyIdHash, rpIdHash)) return "wrong_rp_id";
  if (!authenticatorData.userPresent) return "user_not_present";
  if (expected.userVerification && !authenticatorData.userVerified) return "user_not_verified";
  return null;
}
