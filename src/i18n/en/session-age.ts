/** The notice /login shows when a session reached its overall limit (NIST SP 800-63B section 2.1.3). */
export const sessionAge = {
  "notice.session_max_age":
    "You were signed out because a session lasts at most 30 days, however often it is used. Please sign in again.",
} as const;
