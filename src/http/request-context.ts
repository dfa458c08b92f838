/**
 * Per-request values, set once before any route runs: the one clock reading, the validated configuration and
 * who is asking. flowContext() hands a route's domain call its bindings, configuration, client and that clock
 * reading; a route that calls the domain without it takes `c.var.now`, never a clock of its own.
 */
import type { Context, MiddlewareHandler } from "hono";
import { clientInfo } from "../core/client-info";
import { readConfig } from "../core/config";
import type { FlowContext } from "../domain/context";
import type { AppEnv } from "./app-env";

/** Sets `now`, `config` (a bad value throws here, answered by the app's error boundary) and `client`. */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return async function requestContext(c, next) {
    // The request's only clock reading: every step of every flow it runs sees the same time.
    c.set("now", Date.now());
    c.set("config", readConfig(c.env));
    c.set("client", clientInfo(c.req.raw));
    await next();
  };
}

/** The context a domain flow runs in, with the request's `now`. */
export function flowContext<E extends AppEnv>(c: Context<E>): FlowContext {
  return {
    env: c.env,
    config: c.get("config"),
    client: c.get("client"),
    now: c.get("now"),
    defer: (work) => c.executionCtx.waitUntil(work),
  };
}
