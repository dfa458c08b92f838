/**
 * What every request-driven flow is given: bindings, configuration, who is asking, the one clock reading
 * of this request, and a way to finish work after the response. Built once per request at the HTTP edge.
 */
import type { ClientInfo } from "../core/client-info";
import type { Config } from "../core/config";

export interface FlowContext {
  env: Env;
  config: Config;
  client: ClientInfo;
  /** Epoch ms, read once at the edge: every step of the flow sees the same time. */
  now: number;
  /** Runs work after the response (waitUntil): audit rows that must not change a request's timing. */
  defer(work: Promise<unknown>): void;
}
