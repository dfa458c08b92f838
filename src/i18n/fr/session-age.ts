/** The notice /login shows when a session reached its overall limit (NIST SP 800-63B section 2.1.3). */
import type { sessionAge as english } from "../en/session-age";
import type { Section } from "../types";

export const sessionAge: Section<typeof english, "fr"> = {
  "notice.session_max_age":
    "Cette session a été déconnectée, car une session dure au plus 30 jours, quel que soit son usage. Veuillez vous reconnecter.",
};
