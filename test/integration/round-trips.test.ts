/**
 * Round trips per flow, counted by the benchmark's binding meter (src/dev/binding-meter.ts) through the
 * development Worker in bench mode: every D1, KV, Durable Object, queue, rate-limit and fetch call, and how
 * many of them the person waits for one after another. In production each is a network round trip and a
 * billed operation, so these counts are the targets of docs/design.md ("Round trips"), held here as
 * counts, never as times.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { readConfig } from "../../src/core/config";
import { emailKey, normalizeEmail } from "../../src/core/email-address";
import { newRecoveryCodes, normalizeRecoveryCode, recoveryCodeHash } from "../../src/core/recovery-codes";
import { seal } from "../../src/core/secret-box";
import { newTotpKey, totpAt } from "../../src/core/totp";
import { type FlowTotals, meterTotals, resetMeter } from "../../src/dev/binding-meter";
import worker from "../../src/dev/worker";
import { emailCandidateDatabases } from "../../src/storage/shard-databases";
import { setPasskeyFactor, setTotpSecret } from "../../src/storage/user-totp";
import {
  auditTrail,
  BASE,
  NEW_PASSWORD,
  resetTokenFor,
  STRONG_PASSWORD,
  shardForUser,
  signUp,
  uniqueEmail,
} from "../helpers";
import { PageBrowser } from "../page-browser";
import { SoftwareAuthenticator } from "../support/software-authenticator";

/** The same bindings with the bench's configuration (config is cached per env object, so a new object). */
const benchEnv = { ...env, BENCH_ROUTES: "true" } as unknown as Env;

beforeEach(() => resetMeter());

/** One request through the bench-mode Worker, background work included; returns the response and the flow's totals. */
async function metered(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`${BASE}${path}`, {
    method,
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, benchEnv, ctx);
  await waitOnExecutionContext(ctx);
  const totals = meterTotals()[`${method} ${path}`];
  if (totals === undefined) throw new Error(`nothing recorded for ${method} ${path}`);
  return { response, totals };
}

const sumCalls = (t: FlowTotals) => Object.values(t.calls).reduce((a, b) => a + (b ?? 0), 0);

describe("round trips the person waits for", () => {
  it("sign-in: two steps (the attempt's D1 round trip; the session beside the success's batch)", async () => {
    const email = uniqueEmail("rt-sign-in");
    const { uid } = await signUp(email);
    resetMeter();
    const { response, totals } = await metered("POST", "/v3/user-session", {
      body: { user: { email, password: STRONG_PASSWORD } },
      headers: { "x-bench-client-ip": "198.51.100.23" },
    });
    expect(response.status).toBe(200);
    expect(totals.sequential).toBe(2);
    expect(totals.calls.durable_object).toBe(1);
    // The sign_in event rides in the success's batch: nothing is left for after the response. (The attempt's
    // lookup asks every shard that may hold the email, side by side: one step.)
    const lookups = emailCandidateDatabases(env, emailKey(normalizeEmail(email))).length;
    expect(totals.calls.d1).toBe(lookups + 1);
    expect(totals.background).toBe(0);
    expect(await auditTrail(uid, "sign_in")).toEqual(["sign_in"]);
  });

  // Issue 30 item 7: a failed sign-in on a known email must not wait for any storage call an unknown one
  // does not (on the real network each is milliseconds, which times the difference): the same calls, in the
  // same order, on the same steps, nothing left behind for after the response.
  it("a failed sign-in: the same storage calls, order and steps for a known and an unknown email", async () => {
    const known = uniqueEmail("rt-failed");
    await signUp(known);
    // Under a grown shard layout an email may also be looked for in older shards: compare like with like.
    const places = (email: string) => emailCandidateDatabases(env, emailKey(normalizeEmail(email))).length;
    let ghost = uniqueEmail("rt-failed-ghost");
    while (places(ghost) !== places(known)) ghost = uniqueEmail("rt-failed-ghost");
    const sequences: string[][] = [];
    for (const [i, email] of [known, ghost].entries()) {
      resetMeter();
      const { response, totals } = await metered("POST", "/v3/user-session", {
        body: { user: { email, password: "not-the-password-at-all-42" } },
        headers: { "x-bench-client-ip": `198.51.100.${90 + i}` },
      });
      expect(response.status).toBe(422);
      expect(totals.sequential).toBe(2); // the attempt's batch; the failure's batch with its audit row
      expect(totals.background).toBe(0);
      sequences.push(totals.sequence);
    }
    const olderShards = Array.from({ length: places(known) - 1 }, () => "d1 step 1");
    expect(sequences[0]).toEqual(["rate_limit", "d1 step 1", ...olderShards, "d1 step 2"]);
    expect(sequences[1]).toEqual(sequences[0]);
  });

  it("sign-in with two-factor on: three steps (the attempt; the code beside the throttle's clearing; the session)", async () => {
    const email = uniqueEmail("rt-2fa");
    const { uid } = await signUp(email);
    const key = newTotpKey();
    const step = Math.floor(Date.now() / 30_000);
    const sealed = await seal(readConfig(env).sealingKey!, key, uid);
    await setTotpSecret(shardForUser(uid), uid, sealed, new Date().toISOString());
    await env.SESSION_REGISTRY.getByName(uid).enableSecondFactor(step - 1, [], Date.now());
    resetMeter();
    const { response, totals } = await metered("POST", "/v3/user-session", {
      body: { user: { email, password: STRONG_PASSWORD, tfa_token: totpAt(key, step) } },
      headers: { "x-bench-client-ip": "198.51.100.71" },
    });
    expect(response.status).toBe(200);
    expect(totals.sequential).toBe(3);
    expect(totals.calls.durable_object).toBe(2);
  });

  it("sign-in with a passkey as the only second factor, by recovery code: the same three steps as with an app", async () => {
    const email = uniqueEmail("rt-2fa-passkey");
    const { uid } = await signUp(email);
    const [code] = newRecoveryCodes() as [string];
    const hash = recoveryCodeHash(readConfig(env).pepper, uid, normalizeRecoveryCode(code)!);
    expect(await setPasskeyFactor(shardForUser(uid), uid, new Date().toISOString())).toBe(true);
    await env.SESSION_REGISTRY.getByName(uid).enableSecondFactor(null, [hash], Date.now());
    resetMeter();
    const { response, totals } = await metered("POST", "/v3/user-session", {
      body: { user: { email, password: STRONG_PASSWORD, tfa_token: code } },
      headers: { "x-bench-client-ip": "198.51.100.72" },
    });
    expect(response.status).toBe(200);
    expect(totals.sequential).toBe(3);
    expect(totals.calls.durable_object).toBe(2);
  });

  it("GET /v3/user: one call (the registry answers the session and its copy of the profile)", async () => {
    const email = uniqueEmail("rt-user");
    await signUp(email);
    const signedIn = await metered("POST", "/v3/user-session", {
      body: { user: { email, password: STRONG_PASSWORD } },
    });
    const { authtoken } = (await signedIn.response.json<{ user: { authtoken: string } }>()).user;
    // The first request after the sign-up has no copy yet: the registry, then D1's primary; the copy is kept
    // after the response.
    resetMeter();
    const first = await metered("GET", "/v3/user", { headers: { authtoken } });
    expect(first.response.status).toBe(200);
    expect(first.totals.sequential).toBe(2);
    expect(first.totals.calls).toEqual({ durable_object: 2, d1: 1 });
    expect(first.totals.background).toBe(1);
    resetMeter();
    const { response, totals } = await metered("GET", "/v3/user", { headers: { authtoken } });
    expect(response.status).toBe(200);
    expect(totals.sequential).toBe(1);
    expect(totals.maxSequential).toBe(1);
    expect(totals.calls).toEqual({ durable_object: 1 });
    expect(totals.background).toBe(0);
  });

  it("forgot-password: the flood check and one queue send, the same for a known and an unknown address", async () => {
    const known = uniqueEmail("rt-forgot");
    await signUp(known);
    const counts: Partial<FlowTotals["calls"]>[] = [];
    for (const email of [known, uniqueEmail("rt-forgot-ghost")]) {
      resetMeter();
      const { response, totals } = await metered("POST", "/v3/user/forgot_password", { body: { user: { email } } });
      expect(response.status).toBe(200);
      expect(totals.calls).toEqual({ rate_limit: 1, queue: 1 });
      expect(totals.queueMessages).toBe(1);
      counts.push(totals.calls);
    }
    expect(counts[1]).toEqual(counts[0]);
  });

  it("reset: three steps (D1 and the registry at once, beginReset, the D1 write); the rest after the response", async () => {
    const email = uniqueEmail("rt-reset");
    const { uid } = await signUp(email);
    const token = await resetTokenFor(email);
    resetMeter();
    const { response, totals } = await metered("POST", "/v3/user/reset_password", {
      body: { user: { reset_password_token: token, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD } },
    });
    expect(response.status).toBe(200);
    expect(totals.sequential).toBe(3);
    expect(totals.calls.kv_read ?? 0).toBe(0);
    // The audit rows and the cleared throttle ride in the D1 write's batch; after the response only
    // completeCredentialChange with the notice.
    expect(totals.background).toBe(1);
    expect(sumCalls(totals)).toBe(1 + 4 + 1); // the flood check, four calls in three steps, one after
    expect(await auditTrail(uid, /password_reset_completed|sessions_revoked/)).toEqual([
      "password_reset_completed",
      "sessions_revoked",
    ]);
  });

  it("sign-in with a passkey: two steps (the challenge used beside the network's count; the registry's one call), no PBKDF2", async () => {
    const email = uniqueEmail("rt-passkey");
    await signUp(email);
    const browser = new PageBrowser();
    expect((await browser.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
    const authenticator = await SoftwareAuthenticator.create(BASE);
    const creation = await (await browser.request("/account/passkeys/options", {})).json<{
      challenge: string;
      userId: string;
    }>();
    const credential = JSON.stringify(await authenticator.register(creation.challenge));
    expect((await browser.request("/account/passkeys/add", { password: STRONG_PASSWORD, credential })).status).toBe(
      303,
    );
    const signer = new PageBrowser();
    const options = await (await signer.request("/login/passkey/options", {})).json<{ challenge: string }>();
    const assertion = await authenticator.assert(options.challenge, creation.userId);
    const pbkdf2 = vi.spyOn(crypto.subtle, "deriveBits");
    resetMeter();
    const request = new Request(`${BASE}/login/passkey`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: BASE,
        cookie: [...signer.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        "x-bench-client-ip": "198.51.100.77",
      },
      body: new URLSearchParams({ credential: JSON.stringify(assertion) }),
      redirect: "manual",
    });
    const ctx = createExecutionContext();
    const response = await worker.fetch(request, benchEnv, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.headers.get("location")).toBe("/account");
    const totals = meterTotals()["POST /login/passkey"]!;
    expect(totals.sequential).toBe(2);
    expect(totals.calls.durable_object).toBe(1);
    // Two D1 calls on the path (the challenge, the network's count), one after it (last sign-in and audit row).
    expect(totals.calls.d1).toBe(3);
    expect(totals.background).toBe(1);
    expect(pbkdf2).not.toHaveBeenCalled();
  });
});
