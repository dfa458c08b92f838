/**
 * Per-request values, set once before any route runs: the validated configuration and who is asking.
 * flowContext() hands a route's domain call its bindings, configuration, client and the one clock reading.
 */
import type { Context, MiddlewareHandler } from "hono";
import { clientInfo } from "../core/client-info";
import { readConfig } from "../core/config";
import type { FlowContext } from "../domain/context";
import type { AppEnv } from "./app-env";

/** Sets `config` (a bad value throws here, answered by the app's error boundary) and `client`. */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return async function requestContext(c, next) {
    c.set("config", readConfig(c.env));
    c.set("client", clientInfo(c.req.raw));
    await next();
  };
}

/** The context a domain flow runs in, with `now` read here, at the edge. */
export function flowContext<E extends AppEnv>(c: Context<E>): FlowContext {
  return {
    env: c.env,
    config: c.get("config"),
    client: c.get("client"),
    now: Date.now(),
    defer: (work) => c.executionCtx.waitUntil(work),
  };
}
