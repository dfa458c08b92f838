/** Users in Contentstack's wire shape (field names the official SDKs read). */
import { z } from "zod";
import type { User } from "../domain/sessions";

/** What the wire shape reads of a user: an account from D1, or the registry's copy of its profile. */
export type UserFields = Pick<
  User,
  "id" | "email" | "firstName" | "lastName" | "createdAt" | "updatedAt" | "passwordUpdatedAt" | "lastLoginAt"
>;

/** The user object of Contentstack's wire format; the OpenAPI document's `User`. */
export const userJsonSchema = z.object({
  uid: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  email: z.string(),
  username: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  org_uid: z.array(z.string()),
  shared_org_uid: z.array(z.string()),
  active: z.boolean(),
  failed_attempts: z.int(),
  tfa_status: z.literal("not_verified"),
  password_updated_at: z.string(),
  password_reset_required: z.boolean(),
  last_login_at: z.string().nullable(),
  roles: z.array(z.unknown()),
  authtoken: z.string().optional().describe("Only where Contentstack shows it: sign-in and GET /v3/user."),
});

/** The user object of Contentstack's wire format. */
export type UserJson = z.infer<typeof userJsonSchema>;

/** The user object under the name the document gives it. */
export const USER_SCHEMA = { name: "User", schema: userJsonSchema };

/** A user as the SDKs read it; `authtoken` only where Contentstack shows it. */
export function userJson(user: UserFields, extra: { authtoken?: string; failedAttempts?: number } = {}): UserJson {
  const json: UserJson = {
    uid: user.id,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    email: user.email,
    username: `${user.email.split("@")[0]}_${user.id.slice(3, 11)}`,
    first_name: user.firstName,
    last_name: user.lastName,
    org_uid: [],
    shared_org_uid: [],
    active: true,
    failed_attempts: extra.failedAttempts ?? 0,
    tfa_status: "not_verified",
    password_updated_at: user.passwordUpdatedAt,
    password_reset_required: false,
    last_login_at: user.lastLoginAt,
    roles: [],
  };
  if (extra.authtoken !== undefined) json.authtoken = extra.authtoken;
  return json;
}
