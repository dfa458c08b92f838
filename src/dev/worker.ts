/**
 * The development Worker (`npm run dev`, the tests, the benchmark): the production Worker plus the dev
 * mailbox and the benchmark's baselines. wrangler.toml's top-level `main` points here; the production
 * environment's `main` is src/index.ts, so none of this is in the production bundle.
 */
import { Hono } from "hono";
import { createApp } from "../app";
import { backgroundHandlers } from "../background";
import type { DeadLetter, EmailJob } from "../domain/email-jobs";
import type { AppEnv } from "../http/app-env";
import { benchRoutes } from "./bench-routes";
import { devMailboxRoutes } from "./mailbox-routes";

export { MailPacer, RateLimiter, SessionRegistry } from "../index";

const app = createApp({ api: new Hono<AppEnv>().route("/", benchRoutes), pages: devMailboxRoutes });

export default { fetch: app.fetch, ...backgroundHandlers } satisfies ExportedHandler<Env, EmailJob | DeadLetter>;
