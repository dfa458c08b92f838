/** The error page for a form sent over plain http where the service is served over https. */
import type { transport as english } from "../en/transport";
import type { Section } from "../types";

export const transport: Section<typeof english, "ja"> = {
  "error.httpsRequired.title": "安全な接続が必要です",
  "error.httpsRequired.text":
    "暗号化されていない接続（http）で送信されたため、受け付けられませんでした。このサイトを https:// のアドレスで開いて、もう一度お試しください。",
};
