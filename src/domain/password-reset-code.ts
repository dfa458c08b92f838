/**
 * The code beside the link: for a person who reads the email on one device and resets on another. A
 * right code is exchanged for its link's token, so everything after (the Reset Password form, the API's
 * reset) is the link's flow, and using either one uses both up. Attempts are counted per address in D1
 * before the code is checked, for addresses with and without an account alike: the same steps (one D1
 * batch, one registry read) and the same answers, so the form reveals nothing about who has an account
 * (invariant 5).
 */
import { emailKey, normalizeEmail } from "../core/email-address";
import { formatResetToken, normalizeResetCode } from "../core/password-reset-token";
import { sessionRegistry } from "../durable/session-registry";
import { clearCodeAttemptsStatement, countCodeAttemptStatement } from "../storage/password-reset-code-failures";
import { emailCandidateDatabases, emailDatabase } from "../storage/shard-databases";
import { findUserByEmailIn, findUserByEmailStatement, rowToUser, type UserRow } from "../storage/users";
import type { FlowContext } from "./context";
import { StorageUnavailableError } from "./storage-unavailable";

/** Wrong codes an address may send per code; then the code is dead and only a new email helps. */
export const MAX_WRONG_CODES = 5;

export type CodeResult = { ok: true; token: string } | { ok: false; reason: "wrong_code" | "code_dead" };

/** The token of the link mailed with `typed` to `email`, if the code is right and still works. */
export async function redeemResetCode(
  { env, config, now }: FlowContext,
  email: string,
  typed: string,
): Promise<CodeResult> {
  const address = normalizeEmail(email);
  const key = emailKey(address);
  const code = normalizeResetCode(typed);
  try {
    // The attempt is counted before the code is checked: guesses sent together each take their own number.
    // At the placement, with the account unless an older generation holds it.
    const db = emailDatabase(env, key);
    const older = emailCandidateDatabases(env, key).filter((candidate) => candidate !== db);
    // Older shards first (a grown layout only): if one cannot be read, no attempt has been counted.
    const elsewhere = older.length === 0 ? null : await findUserByEmailIn(older, address);
    const [users, counted] = await db.batch<Record<string, unknown>>([
      findUserByEmailStatement(db, address),
      countCodeAttemptStatement(db, key, now, config.resetLinkMs),
    ]);
    const row = users?.results[0] as UserRow | undefined;
    const attempt = Number(counted?.results[0]?.failures ?? MAX_WRONG_CODES + 1);
    if (attempt > MAX_WRONG_CODES) return { ok: false, reason: "code_dead" };
    const wrong = { ok: false, reason: attempt >= MAX_WRONG_CODES ? "code_dead" : "wrong_code" } as const;
    // Not a code at all (a typo in its length): no registry read, for every address alike.
    if (code === null) return wrong;
    // An address without an account asks an object that has nothing, so it takes the same steps.
    const user = row === undefined ? elsewhere : rowToUser(row);
    const redeemed = await sessionRegistry(env, user?.id ?? `nobody:${key}`).redeemResetCode(code, now);
    if (!redeemed.ok || user === null) return wrong;
    await clearCodeAttemptsStatement(db, key, now + 1).run();
    return { ok: true, token: formatResetToken(user.id, redeemed.secret) };
  } catch (error) {
    throw new StorageUnavailableError("a reset code could not be checked", { cause: error });
  }
}
