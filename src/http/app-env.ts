/** The Hono environment shared by every route: bindings plus per-request values set once by requestContext. */
import type { ClientInfo } from "../core/client-info";
import type { Config } from "../core/config";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    config: Config;
    client: ClientInfo;
    /** Epoch ms, read once when the request arrived: the one clock every route of this request uses. */
    now: number;
    secureHeadersNonce?: string;
  };
}
