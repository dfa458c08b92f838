// Starts the Worker as production configures it: `wrangler dev --env production` (src/index.ts, no dev
// routes; EMAIL_PROVIDER=resend; HIBP on; a pepper; ENVIRONMENT=production), on local resources, with the
// Resend and Have I Been Pwned stand-ins in place of the real services. Only what cannot be real locally is
// overridden: APP_URL (this server), the services' URLs (the stand-ins, loopback), and the secrets.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BREACHED_PASSWORDS, startHibpStandIn } from "../support/hibp-stand-in.mjs";
import { startResendStandIn } from "../support/resend-stand-in.mjs";
import { applyLocalMigrations, freePort, startWranglerDev } from "../support/wrangler.mjs";

export { BREACHED_PASSWORDS as BREACHED } from "../support/hibp-stand-in.mjs";

/**
 * Resolves to { origin, resend, hibp, log(), stop() } once the production Worker answers. `secrets`: more
 * secrets to set (the admin CLI's test sets ADMIN_API_KEYS).
 * @param {{ secrets?: Record<string, string> }} [options]
 */
export async function startProductionServer({ secrets = {} } = {}) {
  const resend = await startResendStandIn();
  const hibp = await startHibpStandIn({ breached: BREACHED_PASSWORDS });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const state = mkdtempSync(path.join(tmpdir(), "production-state-"));
  const common = ["--env", "production", "--persist-to", state];
  const vars = {
    APP_URL: origin,
    RESEND_API_URL: resend.url,
    RESEND_API_KEY: resend.apiKey,
    HIBP_API_URL: hibp.url,
    HIBP_FAIL_OPEN: "false",
    PASSWORD_PEPPER: "production-tier-pepper-0123456789",
    TOTP_ENCRYPTION_KEY: Buffer.from("production-tier-totp-key-0123456").toString("base64"),
    MAIL_FROM: "Account Security <no-reply@example.com>",
    ...secrets,
  };
  const args = [...common, "--ip", "127.0.0.1", "--port", String(port)];
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  let server;
  const stop = async () => {
    server?.kill();
    await resend.close();
    await hibp.close();
    rmSync(state, { recursive: true, force: true });
  };
  try {
    applyLocalMigrations(common);
    server = await startWranglerDev(args, `${origin}/login`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, resend, hibp, log: server.log, stop };
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
  return /\/reset-password\?token=(blt(?:[0-9a-f]{4})?[0-9a-f]{24}\.[A-Za-z0-9_-]{43})/.exec(email.body.text)[1];
}
