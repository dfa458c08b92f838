/**
 * The development Worker (`npm run dev`, the tests, the benchmark): the production Worker plus the dev
 * mailbox, the shard spread (/dev/shards), the API reference page (/dev/api-reference) and the benchmark's baselines. wrangler.toml's top-level `main` points here; the production
 * environment's `main` is src/index.ts, so none of this is in the production bundle.
 *
 * With BENCH_ROUTES=true (the benchmark's configuration) every binding is metered (binding-meter.ts), and
 * a request's `x-bench-client-ip` header stands in for CF-Connecting-IP, so the benchmark can send each
 * request from its own address, as real traffic comes.
 */
import { Hono } from "hono";
import { createApp } from "../app";
import { backgroundHandlers, type QueueMessage } from "../background";
import { readConfig } from "../core/config";
import type { AppEnv } from "../http/app-env";
import { isLocalHostname } from "../http/local-only";
import { devApiReferenceRoutes } from "./api-reference";
import { benchRoutes } from "./bench-routes";
import { Recording } from "./binding-meter";
import { devMailboxRoutes } from "./mailbox-routes";
import { intercept, meteredEnv, meterGlobalFetch } from "./metered-env";
import { devShardRoutes } from "./shard-routes";

export { MailPacer, SessionRegistry } from "../index";

const app = createApp({
  api: new Hono<AppEnv>().route("/", benchRoutes).route("/", devApiReferenceRoutes),
  pages: new Hono<AppEnv>().route("/", devMailboxRoutes).route("/", devShardRoutes),
});

/** The benchmark's configuration; a bad configuration is left for the app's error boundary to answer. */
function benchMode(env: Env): boolean {
  try {
    return readConfig(env).benchRoutes;
  } catch {
    return false;
  }
}

export default {
  fetch(request: Request, env: Env, ctx?: ExecutionContext) {
    if (ctx === undefined || !benchMode(env)) return app.fetch(request, env, ctx);
    return meteredFetch(request, env, ctx);
  },
  queue(batch: MessageBatch<QueueMessage>, env: Env) {
    if (!benchMode(env)) return backgroundHandlers.queue(batch, env);
    const recording = new Recording();
    return recording
      .run(() => backgroundHandlers.queue(batch, meteredEnv(env)))
      .finally(() => recording.addTo(`queue ${batch.queue}`, batch.messages.length));
  },
  scheduled: backgroundHandlers.scheduled,
} satisfies ExportedHandler<Env, QueueMessage>;

/** One request under the meter: its calls, and those of the work it left to waitUntil, as one recording. */
async function meteredFetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const url = new URL(request.url);
  // Only for requests addressed to this machine, like the bench routes themselves.
  const benchIp = isLocalHostname(url.hostname) ? request.headers.get("x-bench-client-ip") : null;
  const headers = new Headers(request.headers);
  if (benchIp !== null) headers.set("cf-connecting-ip", benchIp);
  const forwarded = new Request(request, { headers });
  // The bench's own routes and the dev mailbox are tooling, not flows.
  if (url.pathname.startsWith("/__bench/") || url.pathname.startsWith("/dev/")) {
    return app.fetch(forwarded, env, ctx);
  }
  meterGlobalFetch();
  const recording = new Recording();
  const deferred: Promise<unknown>[] = [];
  const meteredCtx = intercept(ctx, {
    waitUntil: (promise: unknown) => {
      recording.deferred(promise);
      deferred.push(promise as Promise<unknown>);
      ctx.waitUntil(promise as Promise<unknown>);
    },
  });
  try {
    return await recording.run(() => app.fetch(forwarded, meteredEnv(env), meteredCtx));
  } finally {
    recording.responded();
    const flow = `${request.method} ${url.pathname}`;
    ctx.waitUntil(Promise.allSettled(deferred).then(() => recording.addTo(flow, 1)));
  }
}
