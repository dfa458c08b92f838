// `npm run dev:sharded`: the Worker `npm run dev` serves, with users spread over four local D1 shards
// (D1_SHARD_LAYOUT="4"). Its state is kept apart from `npm run dev`'s (.wrangler/sharded-state), so the
// two never share a database. GET /dev/shards shows how many accounts each shard holds.
// Extra arguments go to `wrangler dev` (e.g. --port 8788).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { shardBindings, withShards } from "./sharded-config.mjs";

const root = path.resolve(import.meta.dirname, "..");
const layout = process.env.D1_SHARD_LAYOUT ?? "4";
const config = path.join(root, ".wrangler.sharded.toml");
const state = path.join(root, ".wrangler/sharded-state");
writeFileSync(config, withShards(readFileSync(path.join(root, "wrangler.toml"), "utf8"), layout));

const wrangler = path.join(root, "node_modules/wrangler/bin/wrangler.js");
const run = (/** @type {string[]} */ args, /** @type {Record<string, string>} */ env = {}) => {
  const result = spawnSync(process.execPath, [wrangler, ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
for (const binding of shardBindings(Number(layout.split(",").at(-1)))) {
  run(["d1", "migrations", "apply", binding, "--local", "--config", config, "--persist-to", state], { CI: "true" });
}
run(["dev", "--config", config, "--persist-to", state, ...process.argv.slice(2)]);
