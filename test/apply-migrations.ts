import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

import { allShardDatabases } from "../src/storage/shard-databases";

// Setup files run outside per-file storage isolation; applying is idempotent. Every shard of the layout
// (one, unless TEST_SHARD_LAYOUT says more) gets the same schema.
for (const { db } of allShardDatabases(env)) await applyD1Migrations(db, env.TEST_MIGRATIONS);
