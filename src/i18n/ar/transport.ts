/** The error page for a form sent over plain http where the service is served over https. */
import type { transport as english } from "../en/transport";
import type { Section } from "../types";

export const transport: Section<typeof english, "ar"> = {
  "error.httpsRequired.title": "يلزم اتصال آمن",
  "error.httpsRequired.text":
    "أُرسل هذا عبر اتصال غير مشفّر (http)، لذا لم يتم قبوله. افتح هذا الموقع على عنوانه الذي يبدأ بـ https:// وحاول مرة أخرى.",
};
