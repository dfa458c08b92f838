/** The notice /login shows when a session reached its overall limit (NIST SP 800-63B section 2.1.3). */
import type { sessionAge as english } from "../en/session-age";
import type { Section } from "../types";

export const sessionAge: Section<typeof english, "ja"> = {
  "notice.session_max_age":
    "セッションは利用頻度にかかわらず最長30日間のため、ログアウトしました。もう一度ログインしてください。",
};
