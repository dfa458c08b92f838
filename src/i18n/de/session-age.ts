/** The notice /login shows when a session reached its overall limit (NIST SP 800-63B section 2.1.3). */
import type { sessionAge as english } from "../en/session-age";
import type { Section } from "../types";

export const sessionAge: Section<typeof english, "de"> = {
  "notice.session_max_age":
    "Sie wurden abgemeldet, weil eine Sitzung höchstens 30 Tage dauert, wie oft sie auch genutzt wird. Bitte melden Sie sich erneut an.",
};
