/** The Hono environment shared by every route: bindings plus per-request values set once in app.ts. */
import type { Config } from "../config";
import type { ClientInfo } from "../domain/client-info";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    config: Config;
    client: ClientInfo;
    secureHeadersNonce?: string;
  };
}
