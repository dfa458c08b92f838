/** Where a security notice about an account goes. */
import type { User } from "../storage/users";

/**
 * Every address a security notice about `user` goes to: its address and its second, verified one (the one
 * place that says so: NIST SP 800-63B rev 4, section 4.6, notices to every notification address).
 */
export function noticeRecipients(user: Pick<User, "email" | "secondEmail">): string[] {
  return user.secondEmail === null || user.secondEmail === user.email ? [user.email] : [user.email, user.secondEmail];
}
