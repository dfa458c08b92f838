/**
 * GET /dev/shards: how many accounts each D1 shard holds, `{shards: [{name, users}]}`, so anyone running
 * `npm run dev:sharded` can see the spread. Local only, like the mailbox; the production bundle lacks it.
 */
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { localOnly } from "../http/local-only";
import { allShardDatabases } from "../storage/shard-databases";
import { countUsers } from "../storage/users";

export const devShardRoutes = new Hono<AppEnv>()
  .use(
    "/dev/shards",
    localOnly((config) => !config.production),
  )
  .get("/dev/shards", async (c) => {
    const shards = await Promise.all(
      allShardDatabases(c.env).map(async ({ name, db }) => ({ name, users: await countUsers(db) })),
    );
    return c.json({ shards });
  });
