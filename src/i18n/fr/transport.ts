/** The error page for a form sent over plain http where the service is served over https. */
import type { transport as english } from "../en/transport";
import type { Section } from "../types";

export const transport: Section<typeof english, "fr"> = {
  "error.httpsRequired.title": "Connexion sécurisée requise",
  "error.httpsRequired.text":
    "Ceci a été envoyé par une connexion non chiffrée (http) et n’a donc pas été accepté. Ouvrez ce site à son adresse https:// et réessayez.",
};
