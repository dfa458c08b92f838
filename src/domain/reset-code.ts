/**
 * The code beside the link: for a person who reads the email on one device and resets on another. A
 * right code is exchanged for its link's token, so everything after (the Reset Password form, the API's
 * reset) is the link's flow, and using either one uses both up. Wrong codes are counted per address in D1,
 * for addresses with and without an account alike: the same steps (one D1 batch, one registry read, one D1
 * write) and the same answers, so the form reveals nothing about who has an account (invariant 5).
 */
import { emailKey, normalizeEmail } from "../core/email-address";
import { formatResetToken, normalizeResetCode } from "../core/reset-token";
import { sessionRegistry } from "../durable/session-registry";
import { codeFailuresStatement, countCodeFailure, failuresIn } from "../storage/reset-code-failures";
import { findUserByEmailStatement, rowToUser, type UserRow } from "../storage/users";
import type { FlowContext } from "./context";
import { ResetUnavailableError } from "./reset-link";

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
  const window = config.resetLinkMs;
  try {
    const [users, failures] = await env.DB.batch<Record<string, unknown>>([
      findUserByEmailStatement(env.DB, address),
      codeFailuresStatement(env.DB, key),
    ]);
    const row = users?.results[0] as UserRow | undefined;
    const counted = failuresIn(failures?.results[0] as { failures: number; since: number } | undefined, now, window);
    if (counted >= MAX_WRONG_CODES) return { ok: false, reason: "code_dead" };
    // Not a code at all (a typo in its length): no guess, nothing counted, for every address alike.
    if (code === null) return { ok: false, reason: "wrong_code" };
    // An address without an account asks an object that has nothing, so it takes the same steps.
    const user = row === undefined ? null : rowToUser(row);
    const redeemed = await sessionRegistry(env, user?.id ?? `nobody:${key}`).redeemResetCode(code, now);
    if (redeemed.ok && user !== null) return { ok: true, token: formatResetToken(user.id, redeemed.secret) };
    const wrongSoFar = await countCodeFailure(env.DB, key, now, window);
    return { ok: false, reason: wrongSoFar >= MAX_WRONG_CODES ? "code_dead" : "wrong_code" };
  } catch (error) {
    throw new ResetUnavailableError("a reset code could not be checked", { cause: error });
  }
}
