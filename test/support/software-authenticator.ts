/**
 * A software passkey authenticator for tests: a WebCrypto P-256 key, CBOR written by hand (independent of the
 * parser under test), and every field a test may want to get wrong (origin, RP ID, flags, counter, type).
 * Its answers have the shapes the browser script posts (base64url fields).
 */
import { decodeIEEEP1363ECDSASignature, p256 } from "@oslojs/crypto/ecdsa";
import { sha256 } from "@oslojs/crypto/sha2";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import type { AssertionResponse, RegistrationResponse } from "../../src/core/passkey";

/** What an answer may get wrong, for the refusal tests. */
export interface CeremonyOptions {
  origin?: string;
  rpId?: string;
  type?: string;
  userPresent?: boolean;
  userVerified?: boolean;
  /** The counter to send (default: the authenticator's next). */
  counter?: number;
  userHandle?: string | null;
}

/** One credential on a software authenticator. */
export class SoftwareAuthenticator {
  readonly credentialId = crypto.getRandomValues(new Uint8Array(16));
  /** The counter sent with the next assertion (a synced passkey keeps none: `countsSignatures: false`). */
  private counter: number;

  private constructor(
    private readonly keys: CryptoKeyPair,
    private readonly rp: { rpId: string; origin: string },
    private readonly countsSignatures: boolean,
  ) {
    this.counter = countsSignatures ? 1 : 0;
  }

  /** A new credential for the RP at `appUrl` (its host and origin). */
  static async create(appUrl: string, options: { countsSignatures?: boolean } = {}): Promise<SoftwareAuthenticator> {
    const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
      "sign",
      "verify",
    ])) as CryptoKeyPair;
    const url = new URL(appUrl);
    return new SoftwareAuthenticator(
      keys,
      { rpId: url.hostname, origin: url.origin },
      options.countsSignatures ?? true,
    );
  }

  get id(): string {
    return encodeBase64urlNoPadding(this.credentialId);
  }

  /** The answer to navigator.credentials.create for `challenge` (base64url), attestation "none". */
  async register(challenge: string, options: CeremonyOptions = {}): Promise<RegistrationResponse> {
    const jwk = (await crypto.subtle.exportKey("jwk", this.keys.publicKey)) as JsonWebKey;
    const coseKey = cborMap([
      [cborUint(1), cborUint(2)], // kty: EC2
      [cborUint(3), cborNegative(-7)], // alg: ES256
      [cborNegative(-1), cborUint(1)], // crv: P-256
      [cborNegative(-2), cborBytes(decodeBase64urlIgnorePadding(jwk.x!))],
      [cborNegative(-3), cborBytes(decodeBase64urlIgnorePadding(jwk.y!))],
    ]);
    const attested = concat(
      new Uint8Array(16), // AAGUID: none
      new Uint8Array([this.credentialId.length >> 8, this.credentialId.length & 0xff]),
      this.credentialId,
      coseKey,
    );
    const authData = this.authenticatorData(options, 0x40, attested, options.counter ?? 0);
    const attestationObject = cborMap([
      [cborText("fmt"), cborText("none")],
      [cborText("attStmt"), cborMap([])],
      [cborText("authData"), cborBytes(authData)],
    ]);
    return {
      clientDataJSON: encodeBase64urlNoPadding(this.clientData("webauthn.create", challenge, options)),
      attestationObject: encodeBase64urlNoPadding(attestationObject),
    };
  }

  /** The answer to navigator.credentials.get for `challenge`, signed; the counter moves on. */
  async assert(
    challenge: string,
    userHandle: string | null,
    options: CeremonyOptions = {},
  ): Promise<AssertionResponse> {
    const counter = options.counter ?? this.counter;
    if (this.countsSignatures && options.counter === undefined) this.counter++;
    const authData = this.authenticatorData(options, 0, new Uint8Array(0), counter);
    const clientData = this.clientData("webauthn.get", challenge, options);
    const signed = concat(authData, sha256(clientData));
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, this.keys.privateKey, signed),
    );
    return {
      credentialId: this.id,
      clientDataJSON: encodeBase64urlNoPadding(clientData),
      authenticatorData: encodeBase64urlNoPadding(authData),
      signature: encodeBase64urlNoPadding(decodeIEEEP1363ECDSASignature(p256, raw).encodePKIX()),
      userHandle: options.userHandle === undefined ? userHandle : options.userHandle,
    };
  }

  private clientData(type: string, challenge: string, options: CeremonyOptions): Uint8Array {
    // The challenge is re-encoded as browsers do (base64url without padding).
    const normalized = encodeBase64urlNoPadding(decodeBase64urlIgnorePadding(challenge));
    const json = { type: options.type ?? type, challenge: normalized, origin: options.origin ?? this.rp.origin };
    return new TextEncoder().encode(JSON.stringify({ ...json, crossOrigin: false }));
  }

  private authenticatorData(
    options: CeremonyOptions,
    extraFlags: number,
    tail: Uint8Array,
    counter: number,
  ): Uint8Array {
    const flags = ((options.userPresent ?? true) ? 0x01 : 0) | ((options.userVerified ?? true) ? 0x04 : 0) | extraFlags;
    const count = new Uint8Array(4);
    new DataView(count.buffer).setUint32(0, counter);
    return concat(sha256(new TextEncoder().encode(options.rpId ?? this.rp.rpId)), new Uint8Array([flags]), count, tail);
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A CBOR head: major type and argument (RFC 8949, section 3). */
function cborHead(major: number, value: number): Uint8Array {
  if (value < 24) return new Uint8Array([(major << 5) | value]);
  if (value < 0x100) return new Uint8Array([(major << 5) | 24, value]);
  return new Uint8Array([(major << 5) | 25, value >> 8, value & 0xff]);
}
const cborUint = (n: number): Uint8Array => cborHead(0, n);
const cborNegative = (n: number): Uint8Array => cborHead(1, -1 - n);
const cborBytes = (b: Uint8Array): Uint8Array => concat(cborHead(2, b.length), b);
function cborText(text: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  return concat(cborHead(3, bytes.length), bytes);
}
function cborMap(entries: [Uint8Array, Uint8Array][]): Uint8Array {
  return concat(cborHead(5, entries.length), ...entries.flat());
}
