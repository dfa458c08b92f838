// Starts the Worker under `wrangler dev` on 127.0.0.1 for browser tests, with fresh local state and the
// test-only worker (test/e2e/worker.ts). APP_URL points at the server itself, so emailed links are clickable.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, root, toolEnv, wranglerJs } from "../support/wrangler.mjs";

/** Starts wrangler dev; resolves to { origin, stop() } once it answers. */
export async function startServer() {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const state = mkdtempSync(path.join(tmpdir(), "e2e-state-"));
  const config = path.join(root, `.wrangler.e2e-${port}.toml`);
  const base = readFileSync(path.join(root, "wrangler.toml"), "utf8");
  writeFileSync(
    config,
    base.replace(/^main = .*$/m, 'main = "test/e2e/worker.ts"').replace(/^APP_URL = .*$/m, `APP_URL = "${origin}"`),
  );
  const migrate = spawnSync(
    process.execPath,
    [wranglerJs, "d1", "migrations", "apply", "DB", "--local", "--config", config, "--persist-to", state],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...toolEnv, CI: "true" },
    },
  );
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);

  const child = spawn(
    process.execPath,
    [wranglerJs, "dev", "--config", config, "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state],
    {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: toolEnv,
    },
  );
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));

  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    rmSync(state, { recursive: true, force: true });
    rmSync(config, { force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/login`);
      if (response.ok) return { origin, stop, log: () => log };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`wrangler dev did not start:\n${log}`);
}
