/**
 * Random secrets and their stored form. Secrets come from the CSPRNG, are stored only as SHA-256,
 * and are compared in constant time.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

const encoder = new TextEncoder();

/** A base64url secret of `bytes` random bytes. */
export function generateSecret(bytes: number): string {
  return encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The form a secret is stored and looked up in: lower-case hex SHA-256. Synchronous, so Durable Object transactions can use it. */
export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(encoder.encode(secret)));
}

/** Constant-time equality of two strings (length is not secret). */
export function constantTimeEqualText(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  return left.length === right.length && constantTimeEqual(left, right);
}
