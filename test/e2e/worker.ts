/**
 * The Worker as browser tests run it: the real one, plus one test-only route that ages a pending reset
 * token so the expired-link page can be shown without waiting an hour. This file is only ever used by
 * test/e2e (through the generated .wrangler.e2e-<port>.toml); production builds never include it.
 */

import { emailKey, normalizeEmail } from "../../src/core/email-address";
import worker from "../../src/dev/worker";
import { SessionRegistry as RealSessionRegistry } from "../../src/durable/session-registry";
import { findResetToken, storeResetToken } from "../../src/storage/password-reset-tokens";
import { emailCandidateDatabases } from "../../src/storage/shard-databases";
import { findUserByEmailIn } from "../../src/storage/users-by-email";

export { MailPacer } from "../../src/durable/mail-pacer";

export class SessionRegistry extends RealSessionRegistry {
  /** Test-only: moves the outstanding reset token's issue time `ms` into the past; returns its hash. */
  ageResetToken(ms: number): string | null {
    const state = this.store.state();
    if (state.reset_token_hash === null || state.reset_issued_at === null) return null;
    this.store.sql.exec("UPDATE state SET reset_issued_at = ?", state.reset_issued_at - ms);
    this.store.sql.exec(
      "UPDATE reset_links SET issued_at = issued_at - ? WHERE token_hash = ?",
      ms,
      state.reset_token_hash,
    );
    return state.reset_token_hash;
  }

  /** Test-only: moves the counted forgot-password requests `ms` into the past (past the one-a-minute limit). */
  ageResetRequests(ms: number): void {
    this.store.sql.exec("UPDATE reset_requests SET at = at - ?", ms);
  }
}

/** The account for an address, in whichever shard holds it. */
function userByEmail(env: Env, email: string) {
  const address = normalizeEmail(email);
  return findUserByEmailIn(env, emailCandidateDatabases(env, emailKey(address)), address);
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === "/__e2e/age-reset-token" && request.method === "POST") {
      const user = await userByEmail(env, url.searchParams.get("email") ?? "");
      const ms = Number(url.searchParams.get("ms"));
      if (user === null || !Number.isFinite(ms)) return new Response("unknown user", { status: 404 });
      const registry = env.SESSION_REGISTRY.getByName(user.id) as unknown as DurableObjectStub<SessionRegistry>;
      const tokenHash = await registry.ageResetToken(ms);
      if (tokenHash === null) return new Response("no token", { status: 404 });
      const record = await findResetToken(env.KV, tokenHash);
      if (record !== null) {
        const issuedAt = record.issuedAt - ms;
        await storeResetToken(env.KV, tokenHash, { ...record, issuedAt }, issuedAt + 3_600_000, Date.now());
      }
      return new Response("aged");
    }
    if (url.pathname === "/__e2e/age-reset-requests" && request.method === "POST") {
      const user = await userByEmail(env, url.searchParams.get("email") ?? "");
      if (user === null) return new Response("unknown user", { status: 404 });
      const registry = env.SESSION_REGISTRY.getByName(user.id) as unknown as DurableObjectStub<SessionRegistry>;
      await registry.ageResetRequests(Number(url.searchParams.get("ms")));
      return new Response("aged");
    }
    return worker.fetch(request, env, ctx);
  },
  queue: worker.queue,
} satisfies ExportedHandler<Env, any>;
