/** Sign-up: a new account in D1 with a policy-checked, hashed password. No session is created. */
import { emailKey, normalizeEmail } from "../core/email-address";
import { hashPassword } from "../core/password-hash";
import { generateUid } from "../core/secrets";
import { isoTime } from "../core/time";
import { auditEventStatement } from "../storage/audit";
import { insertUser, type User } from "../storage/users";
import type { FlowContext } from "./context";
import { checkPassword, type PasswordProblem, policyOptions } from "./password-policy";

export interface SignUpInput {
  email: string;
  password: string;
  passwordConfirmation: string;
  firstName: string | null;
  lastName: string | null;
}

export type SignUpRefusal =
  | { ok: false; reason: "password_mismatch" }
  | { ok: false; reason: "password_rejected"; problem: PasswordProblem }
  | { ok: false; reason: "email_taken" };

export type SignUpResult = { ok: true; user: User } | SignUpRefusal;

/** Creates the account; the email's UNIQUE constraint decides between concurrent sign-ups. */
export async function signUp({ env, config, client, now }: FlowContext, input: SignUpInput): Promise<SignUpResult> {
  if (input.password !== input.passwordConfirmation) return { ok: false, reason: "password_mismatch" };
  const email = normalizeEmail(input.email);
  const problem = await checkPassword(input.password, policyOptions(config, email));
  if (problem !== null) return { ok: false, reason: "password_rejected", problem };
  const passwordHash = await hashPassword(input.password, config.pepper);
  const createdAt = isoTime(now);
  const user = await insertUser(env.DB, {
    id: generateUid(),
    email,
    emailKey: emailKey(email),
    passwordHash,
    firstName: input.firstName,
    lastName: input.lastName,
    now: createdAt,
  });
  if (user === null) return { ok: false, reason: "email_taken" };
  await auditEventStatement(env.DB, user.id, "sign_up", client, createdAt).run();
  return { ok: true, user };
}
