// Starts the Worker as production configures it: `wrangler dev --env production` (src/index.ts, no dev
// routes; EMAIL_PROVIDER=resend; HIBP on; a pepper; ENVIRONMENT=production), on local resources, with the
// Resend and Have I Been Pwned stand-ins in place of the real services. Only what cannot be real locally is
// overridden: APP_URL (this server), the services' URLs (the stand-ins, loopback), and the secrets.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startHibpStandIn } from "../support/hibp-stand-in.mjs";
import { startResendStandIn } from "../support/resend-stand-in.mjs";
import { freePort, root, toolEnv, wranglerJs } from "../support/wrangler.mjs";

/** Passwords the HIBP stand-in lists (otherwise valid under the policy). */
export const BREACHED = ["correct-horse-battery-staple-1", "tangerine-violin-harbour-88"];

/** Resolves to { origin, resend, hibp, log(), stop() } once the production Worker answers. */
export async function startProductionServer() {
  const resend = await startResendStandIn();
  const hibp = await startHibpStandIn({ breached: BREACHED });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const state = mkdtempSync(path.join(tmpdir(), "production-state-"));
  const common = ["--env", "production", "--persist-to", state];
  const migrate = spawnSync(process.execPath, [wranglerJs, "d1", "migrations", "apply", "DB", "--local", ...common], {
    cwd: root,
    encoding: "utf8",
    env: { ...toolEnv, CI: "true" },
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
  const vars = {
    APP_URL: origin,
    RESEND_API_URL: resend.url,
    RESEND_API_KEY: resend.apiKey,
    HIBP_API_URL: hibp.url,
    HIBP_FAIL_OPEN: "false",
    PASSWORD_PEPPER: "production-tier-pepper-0123456789",
    MAIL_FROM: "Account Security <no-reply@example.com>",
  };
  const args = [wranglerJs, "dev", ...common, "--ip", "127.0.0.1", "--port", String(port)];
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: toolEnv,
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));

  const stop = async () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    await resend.close();
    await hibp.close();
    rmSync(state, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${origin}/login`)).ok) return { origin, resend, hibp, log: () => log, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev --env production did not start:\n${log}`);
}

/** The reset emails the Resend stand-in accepted for `email`, newest first; waits for at least `count`. */
export async function resetEmailsTo(resend, email, count = 1, subject = "Reset your password") {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = resend.emails.filter((e) => e.body.to[0] === email && e.body.subject === subject).reverse();
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`${found.length} of ${count} "${subject}" emails to ${email} arrived`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The token in a reset email's link. */
export function tokenIn(email) {
  return /\/reset-password\?token=(blt[0-9a-f]{24}\.[A-Za-z0-9_-]{43})/.exec(email.body.text)[1];
}
