/**
 * Invariant 16: a KV miss is never final. On Cloudflare's network KV takes up to a minute to reach other
 * locations and caches misses, so a person who clicks a fresh link elsewhere than where it was issued finds
 * no record. The token names its user, so the user's registry (the authority) is asked instead. Simulated
 * here with a KV whose reset records lag (every read misses), fail, or refuse writes.
 */
import { createExecutionContext, createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { parseResetToken } from "../../src/core/password-reset-token";
import worker from "../../src/dev/worker";
import type { PasswordResetJob } from "../../src/domain/email-jobs";
import { resetTokenKey } from "../../src/storage/password-reset-tokens";
import {
  BASE,
  json,
  NEW_PASSWORD,
  randomIp,
  resetTokenFor,
  shardBindingForEmail,
  signIn,
  signUp,
  tokenFrom,
  uniqueEmail,
  waitForMail,
} from "../helpers";
import { unreachableD1 } from "../support/d1";

type Fault = "lag" | "fail";

/** The bindings with a KV whose `reset:` records misbehave; every other key (the dev mailbox) works. */
function envWithKv(fault: { get?: Fault; put?: "fail" }): Env {
  const kv = new Proxy(env.KV, {
    get(target, property) {
      const real = Reflect.get(target, property).bind(target);
      if (property === "get" && fault.get !== undefined) {
        return (key: string, ...rest: unknown[]) => {
          if (!key.startsWith("reset:")) return real(key, ...rest);
          if (fault.get === "lag") return Promise.resolve(null);
          return Promise.reject(new Error("KV GET failed: 500 (simulated)"));
        };
      }
      if (property === "put" && fault.put === "fail") {
        return (key: string, ...rest: unknown[]) =>
          key.startsWith("reset:") ? Promise.reject(new Error("KV PUT failed: 429 (simulated)")) : real(key, ...rest);
      }
      return real;
    },
  });
  return { ...env, KV: kv } as Env;
}

async function call(path: string, useEnv: Env, init: { body?: unknown } = {}): Promise<Response> {
  const headers = { "content-type": "application/json", "cf-connecting-ip": randomIp() };
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const request = new Request(`${BASE}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers,
    body,
    redirect: "manual",
  });
  return worker.fetch(request, useEnv, createExecutionContext());
}

const resetBody = (token: string, password = NEW_PASSWORD) => ({
  user: { reset_password_token: token, password, password_confirmation: password },
});

describe("invariant 16: a KV miss is never final", () => {
  it("KV lags (no record yet at this location): the link opens and the reset succeeds, through the registry", async () => {
    const email = uniqueEmail("kv-lag");
    await signUp(email);
    const token = await resetTokenFor(email);
    const lagging = envWithKv({ get: "lag" });
    const page = await call(`/reset-password?token=${token}`, lagging);
    expect(page.status).toBe(303);
    const reset = await call("/v3/user/reset_password", lagging, { body: resetBody(token) });
    expect(reset.status).toBe(200);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    // Still single-use when KV never shows the record: the registry refuses the used token.
    expect(
      (await call("/v3/user/reset_password", lagging, { body: resetBody(token, "another-new-passphrase-9") })).status,
    ).toBe(422);
  });

  it("KV fails on read: the reset succeeds through the registry", async () => {
    const email = uniqueEmail("kv-fail");
    await signUp(email);
    const token = await resetTokenFor(email);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const reset = await call("/v3/user/reset_password", envWithKv({ get: "fail" }), { body: resetBody(token) });
    expect(reset.status).toBe(200);
  });

  it("KV refuses the record's write: the email still goes out, and its link works", async () => {
    const email = uniqueEmail("kv-put");
    const { uid } = await signUp(email);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const job: PasswordResetJob = {
      kind: "password_reset",
      requestId: crypto.randomUUID(),
      email,
      requestedAt: Date.now(),
      ip: null,
      userAgent: null,
    };
    const batch = createMessageBatch("email", [{ id: "kv-put-1", timestamp: new Date(), attempts: 1, body: job }]);
    await worker.queue(batch as MessageBatch<any>, envWithKv({ put: "fail" }));
    const [message] = await waitForMail(email);
    const token = tokenFrom(message!);
    expect(token.startsWith(`${uid}.`)).toBe(true);
    expect(await env.KV.get(resetTokenKey(parseResetToken(token)!.tokenHash))).toBeNull(); // the write really failed
    expect((await call("/v3/user/reset_password", env, { body: resetBody(token) })).status).toBe(200);
  });

  // Attack: graft a valid secret onto another user's id, to reach that user's registry with it.
  it("a secret under another user's id is refused", async () => {
    const victim = uniqueEmail("kv-victim");
    const { uid: victimId } = await signUp(victim);
    const attacker = uniqueEmail("kv-attacker");
    await signUp(attacker);
    const secret = (await resetTokenFor(attacker)).split(".")[1]!;
    const grafted = await call("/v3/user/reset_password", env, { body: resetBody(`${victimId}.${secret}`) });
    expect(grafted.status).toBe(422);
    expect(await json(grafted)).toMatchObject({ error_code: 162 });
  });

  it("a token from before user ids (the bare secret) still works through KV; if KV fails for it, 503", async () => {
    const email = uniqueEmail("kv-legacy");
    await signUp(email);
    const legacy = (await resetTokenFor(email)).split(".")[1]!;
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = await call("/v3/user/reset_password", envWithKv({ get: "fail" }), { body: resetBody(legacy) });
    expect(failed.status).toBe(503);
    expect(await json(failed)).toMatchObject({ error_code: 503 });
    expect((await call("/v3/user/reset_password", env, { body: resetBody(legacy) })).status).toBe(200);
  });

  // The page reads D1's credential version before asking the registry: if D1 is down, the answer is the
  // retryable 503 page, not a 500 and not "link no longer valid".
  it("the reset page answers 503 and keeps the link when D1 cannot be read", async () => {
    const email = uniqueEmail("page-d1-down");
    await signUp(email);
    const token = await resetTokenFor(email);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const binding = shardBindingForEmail(email);
    const db = unreachableD1((env as unknown as Record<string, D1Database>)[binding]!);
    const request = new Request(`${BASE}/reset-password?token=${token}`, {
      headers: { accept: "text/html", "cf-connecting-ip": randomIp() },
      redirect: "manual",
    });
    const page = await worker.fetch(request, { ...env, [binding]: db } as Env, createExecutionContext());
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("Please try again in a moment with the same link.");
    expect((await call(`/reset-password?token=${token}`, env)).status).toBe(303);
  });
});
