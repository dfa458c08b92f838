/**
 * KV access for reset tokens: reset:<sha256(token)> -> {userId, issuedAt}, expiring after 60 minutes.
 * KV only finds the user; whether the token may still be used is the SessionRegistry's decision.
 */
import { RESET_LINK_TTL_SECONDS, resetTokenKey } from "../domain/reset-token";

export interface ResetTokenRecord {
  userId: string;
  issuedAt: number;
}

export async function storeResetToken(kv: KVNamespace, tokenHash: string, record: ResetTokenRecord): Promise<void> {
  await kv.put(resetTokenKey(tokenHash), JSON.stringify(record), { expirationTtl: RESET_LINK_TTL_SECONDS });
}

export async function findResetToken(kv: KVNamespace, tokenHash: string): Promise<ResetTokenRecord | null> {
  const value = await kv.get<ResetTokenRecord>(resetTokenKey(tokenHash), "json");
  if (value === null || typeof value.userId !== "string" || typeof value.issuedAt !== "number") return null;
  return value;
}
