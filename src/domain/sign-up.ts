/** Sign-up: a new account in D1 with a policy-checked, hashed password. No session is created. */
import type { Config } from "../config";
import { auditEventStatement } from "../storage/audit";
import { type User, insertUser } from "../storage/users";
import type { ClientInfo } from "./client-info";
import { emailKey, normalizeEmail } from "./email";
import { hashPassword } from "./password-hash";
import { type PasswordProblem, checkPassword } from "./password-policy";
import { generateUid } from "./secrets";

export interface SignUpInput {
  email: string;
  password: string;
  passwordConfirmation: string;
  firstName: string | null;
  lastName: string | null;
}

export type SignUpResult =
  | { ok: true; user: User }
  | { ok: false; reason: "password_mismatch" }
  | { ok: false; reason: "password_rejected"; problem: PasswordProblem }
  | { ok: false; reason: "email_taken" };

export async function signUp(env: Env, config: Config, input: SignUpInput, client: ClientInfo, now: number): Promise<SignUpResult> {
  if (input.password !== input.passwordConfirmation) return { ok: false, reason: "password_mismatch" };
  const email = normalizeEmail(input.email);
  const problem = await checkPassword(input.password, {
    minLength: config.passwordMinLength,
    email,
    hibp: { enabled: config.hibpEnabled, failOpen: config.hibpFailOpen, fetch },
  });
  if (problem !== null) return { ok: false, reason: "password_rejected", problem };
  const passwordHash = await hashPassword(input.password, config.pepper);
  const createdAt = new Date(now).toISOString();
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
