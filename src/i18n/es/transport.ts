/** The error page for a form sent over plain http where the service is served over https. */
import type { transport as english } from "../en/transport";
import type { Section } from "../types";

export const transport: Section<typeof english, "es"> = {
  "error.httpsRequired.title": "Se necesita una conexión segura",
  "error.httpsRequired.text":
    "Esto se envió por una conexión sin cifrar (http), así que no se ha aceptado. Abre este sitio en su dirección https:// y vuelve a intentarlo.",
};
