// What the node:test tiers (test/e2e, test/production) share to run `wrangler dev`: where it is, the
// environment it runs in (the same Node 22 as the tests: npm scripts put node_modules/.bin first), a free
// port on 127.0.0.1, local migrations, and starting the server until it answers.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
export const wranglerJs = path.join(root, "node_modules/wrangler/bin/wrangler.js");
export const toolEnv = {
  ...process.env,
  PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH}`,
  WRANGLER_SEND_METRICS: "false",
};

/** A port on 127.0.0.1 that nothing listens on right now. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `wrangler d1 migrations apply <binding> --local` with these arguments added; throws with its output if it fails. */
export function applyLocalMigrations(args, binding = "DB") {
  const migrate = spawnSync(process.execPath, [wranglerJs, "d1", "migrations", "apply", binding, "--local", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...toolEnv, CI: "true" },
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
}

/**
 * Starts `wrangler dev` with these arguments in a process group of its own, and waits until `readyUrl`
 * answers 200 (60 s at most). Resolves to { log(), kill() }; if it never answers, kills it and throws with
 * its output.
 */
export async function startWranglerDev(args, readyUrl) {
  const child = spawn(process.execPath, [wranglerJs, "dev", ...args], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: toolEnv,
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const kill = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(readyUrl)).ok) return { log: () => log, kill };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  kill();
  throw new Error(`wrangler dev ${args.join(" ")} did not start:\n${log}`);
}
