/** The notice /login shows when a session reached its overall limit (NIST SP 800-63B section 2.1.3). */
import type { sessionAge as english } from "../en/session-age";
import type { Section } from "../types";

export const sessionAge: Section<typeof english, "es"> = {
  "notice.session_max_age":
    "Se ha cerrado tu sesión porque una sesión dura como máximo 30 días, por mucho que se use. Vuelve a iniciar sesión.",
};
