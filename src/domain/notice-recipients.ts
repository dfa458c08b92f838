/** Where a security notice about an account goes. */
import type { User } from "../storage/users";

/**
 * Every address a security notice about `user` goes to. One place, so that a second address (issue 26) is
 * added here and every notice follows.
 */
export function noticeRecipients(user: Pick<User, "email">): string[] {
  return [user.email];
}
