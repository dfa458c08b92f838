/**
 * KV access for reset tokens: reset:<sha256(token)> -> {userId, issuedAt}, expiring after 60 minutes.
 * KV only finds the user; whether the token may still be used is the SessionRegistry's decision.
 */
import { RESET_LINK_TTL_SECONDS } from "../core/reset-token";

export interface ResetTokenRecord {
  userId: string;
  issuedAt: number;
}

/** The KV key under which a token's hash points at its user. */
export function resetTokenKey(tokenHash: string): string {
  return `reset:${tokenHash}`;
}

/** Writes the record with the link's 60-minute TTL. */
export async function storeResetToken(kv: KVNamespace, tokenHash: string, record: ResetTokenRecord): Promise<void> {
  await kv.put(resetTokenKey(tokenHash), JSON.stringify(record), { expirationTtl: RESET_LINK_TTL_SECONDS });
}

/** The record for a token hash; null when absent, expired at KV, or not of the expected shape. */
export async function findResetToken(kv: KVNamespace, tokenHash: string): Promise<ResetTokenRecord | null> {
  const value = await kv.get<ResetTokenRecord>(resetTokenKey(tokenHash), "json");
  if (value === null || typeof value.userId !== "string" || typeof value.issuedAt !== "number") return null;
  return value;
}
