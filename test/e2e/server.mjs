// Starts the Worker under `wrangler dev` on 127.0.0.1 for browser tests, with fresh local state and the
// test-only worker (test/e2e/worker.ts). APP_URL points at the server itself, so emailed links are clickable.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { shardBindings, withShards } from "../../scripts/sharded-config.mjs";
import { applyLocalMigrations, freePort, root, startWranglerDev } from "../support/wrangler.mjs";

/**
 * Starts wrangler dev; resolves to { origin, stop() } once it answers. With `shardLayout` (e.g. "4"), users
 * go to that many local D1 shards, as `npm run dev:sharded` serves them.
 */
export async function startServer({ shardLayout = null } = {}) {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const state = mkdtempSync(path.join(tmpdir(), "e2e-state-"));
  const config = path.join(root, `.wrangler.e2e-${port}.toml`);
  const toml = readFileSync(path.join(root, "wrangler.toml"), "utf8");
  const base = shardLayout === null ? toml : withShards(toml, shardLayout);
  writeFileSync(
    config,
    base.replace(/^main = .*$/m, 'main = "test/e2e/worker.ts"').replace(/^APP_URL = .*$/m, `APP_URL = "${origin}"`),
  );
  const bindings = shardLayout === null ? ["DB"] : shardBindings(Number(shardLayout.split(",").at(-1)));
  let server;
  const stop = () => {
    server?.kill();
    rmSync(state, { recursive: true, force: true });
    rmSync(config, { force: true });
  };
  try {
    for (const binding of bindings) applyLocalMigrations(["--config", config, "--persist-to", state], binding);
    const args = ["--config", config, "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state];
    server = await startWranglerDev(args, `http://127.0.0.1:${port}/login`);
  } catch (error) {
    stop();
    throw error;
  }
  return { origin, stop, log: server.log };
}
