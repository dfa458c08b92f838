// A software passkey authenticator for the bench, in Node: one P-256 key per credential, CBOR written by hand,
// the same answers as test/support/software-authenticator.ts (the browser script's base64url fields). Its
// signing is synchronous (node:crypto), so autocannon's synchronous setupRequest can answer each challenge.
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";

const b64url = (/** @type {Uint8Array} */ bytes) => Buffer.from(bytes).toString("base64url");
const sha256 = (/** @type {Uint8Array} */ bytes) => createHash("sha256").update(bytes).digest();

/** One discoverable credential for the RP at `appUrl` (its host is the RP ID, its origin the origin). */
export class BenchAuthenticator {
  constructor(/** @type {string} */ appUrl) {
    const url = new URL(appUrl);
    this.rpId = url.hostname;
    this.origin = url.origin;
    this.credentialId = randomBytes(16);
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = privateKey;
    this.jwk = publicKey.export({ format: "jwk" });
    /** The account's user handle (base64url), learnt at registration. */
    this.userHandle = "";
    // A synced passkey (as most are) keeps no signature counter: 0 in every assertion, so the load may send one
    // account's assertions in any order.
    this.counter = 0;
  }

  get id() {
    return b64url(this.credentialId);
  }

  /** The answer to navigator.credentials.create for `challenge` (base64url), attestation "none". */
  register(/** @type {string} */ challenge, /** @type {string} */ userHandle) {
    this.userHandle = userHandle;
    const coseKey = cborMap([
      [cborUint(1), cborUint(2)], // kty: EC2
      [cborUint(3), cborNegative(-7)], // alg: ES256
      [cborNegative(-1), cborUint(1)], // crv: P-256
      [cborNegative(-2), cborBytes(Buffer.from(String(this.jwk.x), "base64url"))],
      [cborNegative(-3), cborBytes(Buffer.from(String(this.jwk.y), "base64url"))],
    ]);
    const length = Buffer.from([this.credentialId.length >> 8, this.credentialId.length & 0xff]);
    const attested = Buffer.concat([Buffer.alloc(16), length, this.credentialId, coseKey]);
    const attestationObject = cborMap([
      [cborText("fmt"), cborText("none")],
      [cborText("attStmt"), cborMap([])],
      [cborText("authData"), cborBytes(this.authenticatorData(0x40, attested, 0))],
    ]);
    return {
      clientDataJSON: b64url(this.clientData("webauthn.create", challenge)),
      attestationObject: b64url(attestationObject),
    };
  }

  /** The answer to navigator.credentials.get for `challenge`, signed (user verified). */
  assert(/** @type {string} */ challenge) {
    const authData = this.authenticatorData(0, Buffer.alloc(0), this.counter);
    const clientData = this.clientData("webauthn.get", challenge);
    // ECDSA over authenticatorData ‖ SHA-256(clientDataJSON), DER-encoded as WebAuthn sends it.
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientData)]), this.privateKey);
    return {
      credentialId: this.id,
      clientDataJSON: b64url(clientData),
      authenticatorData: b64url(authData),
      signature: b64url(signature),
      userHandle: this.userHandle,
    };
  }

  clientData(/** @type {string} */ type, /** @type {string} */ challenge) {
    const normalized = b64url(Buffer.from(challenge, "base64url"));
    return Buffer.from(JSON.stringify({ type, challenge: normalized, origin: this.origin, crossOrigin: false }));
  }

  authenticatorData(/** @type {number} */ extraFlags, /** @type {Buffer} */ tail, /** @type {number} */ counter) {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    // Flags: user present (0x01), user verified (0x04), plus attested credential data (0x40) at registration.
    const flags = Buffer.from([0x01 | 0x04 | extraFlags]);
    return Buffer.concat([sha256(Buffer.from(this.rpId)), flags, count, tail]);
  }
}

/** A CBOR head: major type and argument (RFC 8949, section 3). */
function cborHead(/** @type {number} */ major, /** @type {number} */ value) {
  if (value < 24) return Buffer.from([(major << 5) | value]);
  if (value < 0x100) return Buffer.from([(major << 5) | 24, value]);
  return Buffer.from([(major << 5) | 25, value >> 8, value & 0xff]);
}
const cborUint = (/** @type {number} */ n) => cborHead(0, n);
const cborNegative = (/** @type {number} */ n) => cborHead(1, -1 - n);
const cborBytes = (/** @type {Uint8Array} */ b) => Buffer.concat([cborHead(2, b.length), b]);
function cborText(/** @type {string} */ text) {
  const bytes = Buffer.from(text);
  return Buffer.concat([cborHead(3, bytes.length), bytes]);
}
function cborMap(/** @type {Buffer[][]} */ entries) {
  return Buffer.concat([cborHead(5, entries.length), ...entries.flat()]);
}
