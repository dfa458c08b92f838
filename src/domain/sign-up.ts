/** Sign-up: a new account in D1 with a policy-checked, hashed password. No session is created. */
import { emailKey, normalizeEmail } from "../core/email-address";
import { hashPassword } from "../core/password-hash";
import { newUserId } from "../core/shards";
import { isoTime } from "../core/time";
import type { Language } from "../i18n/languages";
import { auditEventStatement } from "../storage/audit";
import { emailCandidateDatabases, placementOf, shardDatabase } from "../storage/shard-databases";
import { insertUser, type User } from "../storage/users";
import { findUserByEmailIn } from "../storage/users-by-email";
import type { FlowContext } from "./context";
import { checkPassword, type PasswordProblem, policyOptions } from "./password-policy";
import { emitWebhookEvent } from "./webhook-events";

export interface SignUpInput {
  email: string;
  password: string;
  passwordConfirmation: string;
  firstName: string | null;
  lastName: string | null;
  /** The language of the page signed up on: the account's emails are written in it. */
  language?: Language;
}

export type SignUpRefusal =
  | { ok: false; reason: "password_mismatch" }
  | { ok: false; reason: "password_rejected"; problem: PasswordProblem }
  | { ok: false; reason: "email_taken" };

export type SignUpResult = { ok: true; user: User } | SignUpRefusal;

/**
 * Creates the account in its email's placement shard. The email's UNIQUE constraint there decides between
 * concurrent sign-ups (every sign-up for an address, under one layout, goes to the same shard); an account
 * created under an older generation lives elsewhere, so those shards are asked first (docs/scale.md).
 */
export async function signUp(ctx: FlowContext, input: SignUpInput): Promise<SignUpResult> {
  const { env, config, client, now } = ctx;
  if (input.password !== input.passwordConfirmation) return { ok: false, reason: "password_mismatch" };
  const email = normalizeEmail(input.email);
  const problem = await checkPassword(input.password, policyOptions(config, email));
  if (problem !== null) return { ok: false, reason: "password_rejected", problem };
  const passwordHash = await hashPassword(input.password, config.pepper);
  const createdAt = isoTime(now);
  const key = emailKey(email);
  const placement = placementOf(env, key);
  const db = shardDatabase(env, placement);
  const older = emailCandidateDatabases(env, key).filter((candidate) => candidate !== db);
  if (older.length > 0 && (await findUserByEmailIn(env, older, email)) !== null)
    return { ok: false, reason: "email_taken" };
  const user = await insertUser(db, {
    id: newUserId(placement),
    email,
    emailKey: key,
    passwordHash,
    firstName: input.firstName,
    lastName: input.lastName,
    language: input.language ?? null,
    now: createdAt,
  });
  if (user === null) return { ok: false, reason: "email_taken" };
  await auditEventStatement(db, user.id, "sign_up", client, createdAt).run();
  emitWebhookEvent(ctx, "user.created", { user_id: user.id, email });
  return { ok: true, user };
}
