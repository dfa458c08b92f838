/** The notice /login shows when a session reached its overall limit (NIST SP 800-63B section 2.1.3). */
import type { sessionAge as english } from "../en/session-age";
import type { Section } from "../types";

export const sessionAge: Section<typeof english, "ar"> = {
  "notice.session_max_age":
    "تم تسجيل خروجك لأن الجلسة تدوم 30 يومًا على الأكثر مهما كان استخدامها. يُرجى تسجيل الدخول مرة أخرى.",
};
