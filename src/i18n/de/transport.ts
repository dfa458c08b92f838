/** The error page for a form sent over plain http where the service is served over https. */
import type { transport as english } from "../en/transport";
import type { Section } from "../types";

export const transport: Section<typeof english, "de"> = {
  "error.httpsRequired.title": "Sichere Verbindung erforderlich",
  "error.httpsRequired.text":
    "Dies wurde über eine unverschlüsselte Verbindung (http) gesendet und deshalb nicht angenommen. Öffnen Sie diese Website unter ihrer https://-Adresse und versuchen Sie es erneut.",
};
