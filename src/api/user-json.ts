/** Users in Contentstack's wire shape (field names the official SDKs read). */
import type { User } from "../domain/sessions";

/** What the wire shape reads of a user: an account from D1, or the registry's copy of its profile. */
export type UserFields = Pick<
  User,
  "id" | "email" | "firstName" | "lastName" | "createdAt" | "updatedAt" | "passwordUpdatedAt" | "lastLoginAt"
>;

/** The user object of Contentstack's wire format. */
export interface UserJson {
  uid: string;
  created_at: string;
  updated_at: string;
  email: string;
  username: string;
  first_name: string | null;
  last_name: string | null;
  org_uid: string[];
  shared_org_uid: string[];
  active: boolean;
  failed_attempts: number;
  tfa_status: "not_verified";
  password_updated_at: string;
  password_reset_required: boolean;
  last_login_at: string | null;
  roles: unknown[];
  authtoken?: string;
}

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
