/**
 * KV access for reset tokens: reset:<sha256(token)> -> {userId, issuedAt}, expiring with the link.
 * KV only finds the user; whether the token may still be used is the SessionRegistry's decision.
 */
/** KV's shortest expirationTtl. */
const MIN_TTL_SECONDS = 60;

export interface ResetTokenRecord {
  userId: string;
  issuedAt: number;
}

/** The KV key under which a token's hash points at its user. */
export function resetTokenKey(tokenHash: string): string {
  return `reset:${tokenHash}`;
}

/** Writes the record to expire with the link: `expiresAt` (epoch ms), or a minute from `now` if that is sooner. */
export async function storeResetToken(
  kv: KVNamespace,
  tokenHash: string,
  record: ResetTokenRecord,
  expiresAt: number,
  now: number,
): Promise<void> {
  const expirationTtl = Math.max(MIN_TTL_SECONDS, Math.ceil((expiresAt - now) / 1000));
  await kv.put(resetTokenKey(tokenHash), JSON.stringify(record), { expirationTtl });
}

/** The record for a token hash; null when absent, expired at KV, or not of the expected shape. */
export async function findResetToken(kv: KVNamespace, tokenHash: string): Promise<ResetTokenRecord | null> {
  const value = await kv.get<ResetTokenRecord>(resetTokenKey(tokenHash), "json");
  if (value === null || typeof value.userId !== "string" || typeof value.issuedAt !== "number") return null;
  return value;
}
