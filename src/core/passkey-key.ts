/**
 * A passkey's public key: from its COSE form (ES256 on P-256, or RS256) to the JWK we store, and a signature
 * checked against it with WebCrypto. No I/O.
 */
import { decodePKIXECDSASignature, p256 } from "@oslojs/crypto/ecdsa";
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import type { COSEPublicKey } from "@oslojs/webauthn";
import { COSEKeyType, coseAlgorithmES256, coseAlgorithmRS256, coseEllipticCurveP256 } from "@oslojs/webauthn";

/** The stored form of a key: a JWK and its COSE algorithm. */
export interface StoredPasskeyKey {
  publicKeyJwk: string;
  algorithm: number;
}

/** The JWK of a COSE key we accept, or null (another algorithm or curve). */
export function publicKeyJwk(key: COSEPublicKey): { key: JsonWebKey; algorithm: number } | null {
  try {
    if (key.type() === COSEKeyType.EC2 && key.algorithm() === coseAlgorithmES256) {
      const ec = key.ec2();
      if (ec.curve !== coseEllipticCurveP256) return null;
      const jwk = { kty: "EC", crv: "P-256", x: bigintBase64url(ec.x, 32), y: bigintBase64url(ec.y, 32) };
      return { key: jwk, algorithm: coseAlgorithmES256 };
    }
    if (key.type() === COSEKeyType.RSA && key.algorithm() === coseAlgorithmRS256) {
      const rsa = key.rsa();
      return {
        key: { kty: "RSA", n: bigintBase64url(rsa.n), e: bigintBase64url(rsa.e) },
        algorithm: coseAlgorithmRS256,
      };
    }
  } catch {
    return null;
  }
  return null;
}

/** Whether `signature` over `message` holds for the stored key (false for anything malformed). */
export async function signatureHolds(
  stored: StoredPasskeyKey,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const jwk = JSON.parse(stored.publicKeyJwk) as JsonWebKey;
  try {
    if (stored.algorithm === coseAlgorithmES256) {
      const key = await crypto.subtle.importKey("jwk", jwk, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
      // WebAuthn signs ES256 in DER; WebCrypto verifies r || s.
      const raw = decodePKIXECDSASignature(signature).encodeIEEEP1363(p256);
      return await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, raw, message);
    }
    if (stored.algorithm === coseAlgorithmRS256) {
      const key = await crypto.subtle.importKey("jwk", jwk, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, [
        "verify",
      ]);
      return await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, message);
    }
  } catch {
    return false;
  }
  return false;
}

function bigintBase64url(value: bigint, length?: number): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (length !== undefined) hex = hex.padStart(length * 2, "0");
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return encodeBase64urlNoPadding(bytes);
}
