/**
 * The code beside the link: for a person who reads the email on one device and resets on another. A
 * right code is exchanged for its link's token, so everything after (the Reset Password form, the API's
 * reset) is the link's flow, and using either one uses both up. Attempts are counted per address and per
 * network in D1 before the code is checked, for addresses with and without an account alike: the same
 * steps (one D1 batch, one registry read) and the same answers, so the form reveals nothing about who has
 * an account (invariant 5). A network's fifth wrong code stops that network only (a stranger cannot kill
 * the owner's code from one network); the code dies for everyone after 20 wrong in all (docs/design.md,
 * "Attempt budgets, and how the owner gets back in").
 */
import { clientNetwork } from "../core/client-info";
import { emailKey, normalizeEmail } from "../core/email-address";
import { formatResetToken, normalizeResetCode } from "../core/password-reset-token";
import { sessionRegistry } from "../durable/session-registry";
import {
  clearCodeAttemptsStatements,
  countCodeAttemptStatement,
  countNetworkCodeAttemptStatement,
} from "../storage/password-reset-code-failures";
import { emailCandidateDatabases, emailDatabase } from "../storage/shard-databases";
import { findMovedUser, findUserByEmailIn, findUserByEmailStatement, readEmailRows } from "../storage/users-by-email";
import type { FlowContext } from "./context";
import { StorageUnavailableError } from "./storage-unavailable";

/** Wrong codes an address may take per code, from every network together; then the code is dead. */
export const MAX_WRONG_CODES = 20;
/** Wrong codes one network may send per address and code; then that network's attempts are refused unchecked. */
export const MAX_WRONG_CODES_PER_NETWORK = 5;

export type CodeResult =
  | { ok: true; token: string }
  | { ok: false; reason: "wrong_code" | "code_dead" | "network_stopped" };

/** The token of the link mailed with `typed` to `email`, if the code is right and still works. */
export async function redeemResetCode(
  { env, config, now, client }: FlowContext,
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
    const elsewhere = older.length === 0 ? null : await findUserByEmailIn(env, older, address);
    const network = clientNetwork(client.ip);
    const [users, fromNetwork, counted] = await db.batch<Record<string, unknown>>([
      findUserByEmailStatement(db, address),
      countNetworkCodeAttemptStatement(db, key, network, now, config.resetLinkMs),
      countCodeAttemptStatement(db, key, network, now, config.resetLinkMs, MAX_WRONG_CODES_PER_NETWORK),
    ]);
    const here = readEmailRows(users?.results);
    const networkAttempt = Number(fromNetwork?.results[0]?.failures ?? MAX_WRONG_CODES_PER_NETWORK + 1);
    if (networkAttempt > MAX_WRONG_CODES_PER_NETWORK) return { ok: false, reason: "network_stopped" };
    const attempt = Number(counted?.results[0]?.failures ?? MAX_WRONG_CODES + 1);
    if (attempt > MAX_WRONG_CODES) return { ok: false, reason: "code_dead" };
    // The last wrong code the address (or this network) may send says so already.
    const reason =
      attempt >= MAX_WRONG_CODES
        ? "code_dead"
        : networkAttempt >= MAX_WRONG_CODES_PER_NETWORK
          ? "network_stopped"
          : "wrong_code";
    const wrong = { ok: false, reason } as const;
    // Not a code at all (a typo in its length): no registry read, for every address alike.
    if (code === null) return wrong;
    // An address without an account asks an object that has nothing, so it takes the same steps.
    // An account whose address moved here from another shard is read there (a step only for it).
    const user = here.user ?? elsewhere ?? (await findMovedUser(env, here.movedTo, address));
    const redeemed = await sessionRegistry(env, user?.id ?? `nobody:${key}`).redeemResetCode(code, now);
    if (!redeemed.ok || user === null) return wrong;
    await db.batch(clearCodeAttemptsStatements(db, key, now + 1));
    return { ok: true, token: formatResetToken(user.id, redeemed.secret) };
  } catch (error) {
    throw new StorageUnavailableError("a reset code could not be checked", { cause: error });
  }
}
