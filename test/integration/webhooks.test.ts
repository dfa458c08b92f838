/**
 * Signed outbound events, end to end: the flows run through the Worker's fetch with WEBHOOK_URLS pointing at
 * a local receiver (test/support/webhook-receiver-stand-in.mjs), the events go through the real "webhooks"
 * queue (or the user's registry's outbox first) to the real consumer, which POSTs them over HTTP with the
 * real global fetch. The test verifies every request with the standardwebhooks library, as a receiver would.
 */
import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { describe, expect, it, vi } from "vitest";
import { type WebhookDelivery, withRevokedCount } from "../../src/core/webhook-events";
import worker from "../../src/dev/worker";
import type { FlowContext } from "../../src/domain/context";
import { twoFactorNotice } from "../../src/domain/two-factor";
import {
  BASE,
  json,
  NEW_PASSWORD,
  randomIp,
  resetJob,
  STRONG_PASSWORD,
  tokenFrom,
  uniqueEmail,
  waitForMail,
} from "../helpers";

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  status: number;
}

/** An endpoint of the receiver of this test's own, and the Worker's bindings that send events to it. */
function endpoint(label: string) {
  const path = `/hooks/${label}-${crypto.randomUUID()}`;
  const url = `${env.TEST_WEBHOOK_URL}${path}`;
  return { path, url, hookEnv: { ...env, WEBHOOK_URLS: url } as Env };
}

async function call(useEnv: Env, path: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": randomIp(), ...headers },
    body: JSON.stringify(body),
  });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, useEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

function signUp(useEnv: Env, email: string) {
  const user = { email, password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD, first_name: "Ada" };
  return call(useEnv, "/v3/user", { user });
}

/** The requests the receiver got at `path`, once there are at least `count`. */
function received(path: string, count: number, timeout = 10_000): Promise<Received[]> {
  return vi.waitFor(
    async () => {
      const response = await fetch(`${env.TEST_WEBHOOK_URL}/__stand-in/requests?path=${encodeURIComponent(path)}`);
      const requests = (await response.json()) as Received[];
      if (requests.length < count) throw new Error(`${requests.length} of ${count} requests at ${path}`);
      return requests;
    },
    { timeout, interval: 100 },
  );
}

/** Verifies a request as a receiver does (signature, and a timestamp within five minutes); returns the event. */
function verified(request: Received): { type: string; timestamp: string; data: Record<string, unknown> } {
  return new Webhook(env.WEBHOOK_SECRET).verify(request.body, request.headers) as never;
}

describe("outbound events", () => {
  it("a two-factor change's events ride in the outbox row of its notice; the registry fills in the count", () => {
    const { hookEnv } = endpoint("two-factor");
    const ctx = { env: hookEnv, now: Date.now(), client: { ip: null, userAgent: null }, defer: () => {} };
    const notice = twoFactorNotice(ctx as unknown as FlowContext, { id: "blt0123", language: null }, "enabled");
    const [job, ...deliveries] = withRevokedCount(notice.message, 3) as [{ kind: string }, ...WebhookDelivery[]];
    expect(job.kind).toBe("two_factor_changed");
    expect(deliveries.map((d) => JSON.parse(d.body).data)).toEqual([
      { user_id: "blt0123" },
      { user_id: "blt0123", count: 3, reason: "two_factor_changed" },
    ]);
    expect(deliveries.map((d) => JSON.parse(d.body).type)).toEqual(["two_factor.enabled", "sessions.revoked"]);
  });

  it("every event is signed (the standardwebhooks library verifies each), and no secret is in any payload", async () => {
    const { path, hookEnv } = endpoint("story");
    const email = uniqueEmail("hooks");
    const created = await signUp(hookEnv, email);
    expect(created.status).toBe(201);
    const userId = (await json(created)).user.uid as string;
    const session = await call(hookEnv, "/v3/user-session", { user: { email, password: STRONG_PASSWORD } });
    expect(session.status).toBe(200);
    const authtoken = (await json(session)).user.authtoken as string;

    // Forgot password: the email queue's consumer issues the link (and the event) for the account.
    const job = resetJob(email);
    const batch = createMessageBatch("email", [{ id: "hooks-reset-1", timestamp: new Date(), attempts: 1, body: job }]);
    await worker.queue(batch as MessageBatch<never>, hookEnv);
    const [mail] = await waitForMail(email);
    const token = tokenFrom(mail!);
    const code = /\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/.exec(mail!.text)?.[0];

    // The reset: its events wait in the user's registry with the notice until D1 has the new password.
    const reset = await call(hookEnv, "/v3/user/reset_password", {
      user: { reset_password_token: token, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
    });
    expect(reset.status).toBe(200);

    const requests = await received(path, 4);
    const events = requests.map(verified);
    expect(events.map((e) => e.type).sort()).toEqual([
      "password.reset_completed",
      "password.reset_requested",
      "sessions.revoked",
      "user.created",
    ]);
    for (const event of events) {
      expect(event.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(event.data.user_id).toBe(userId);
    }
    expect(events.find((e) => e.type === "user.created")?.data).toEqual({ user_id: userId, email });
    // The registry counted the sessions the reset ended: the one signed in above.
    expect(events.find((e) => e.type === "sessions.revoked")?.data).toEqual({
      user_id: userId,
      count: 1,
      reason: "password_reset",
    });
    expect(new Set(requests.map((r) => r.headers["webhook-id"])).size).toBe(4);

    const everything = requests.map((r) => `${JSON.stringify(r.headers)}\n${r.body}`).join("\n");
    const secrets = [STRONG_PASSWORD, NEW_PASSWORD, token, token.split(".").at(-1)!, authtoken, env.WEBHOOK_SECRET];
    secrets.push(...authtoken.split(".").slice(1));
    for (const secret of [...secrets, env.WEBHOOK_SECRET.slice("whsec_".length)])
      expect(everything).not.toContain(secret);
    if (code !== undefined) expect(everything).not.toContain(code);
    // No hash of any kind: the stored password's format, and no long hex or base64 run besides the signature.
    expect(everything).not.toMatch(/pbkdf2|\$[a-z0-9-]+\$/i);
    for (const request of requests) expect(request.body).not.toMatch(/[A-Za-z0-9+/_-]{40,}/);
  });

  it("the failed sign-in that locks a scope sends sign_in.locked (with the lock's end), the four before it none", async () => {
    const { path, hookEnv } = endpoint("locked");
    const email = uniqueEmail("hooks-locked");
    expect((await signUp(hookEnv, email)).status).toBe(201);
    const ip = randomIp();
    for (let i = 1; i <= 5; i++) {
      const started = Date.now();
      const user = { email, password: `not-the-password-${i}-at-all` };
      const response = await call(hookEnv, "/v3/user-session", { user }, { "cf-connecting-ip": ip });
      expect(response.status).toBe(422);
      if (i < 5) continue;
      const requests = await received(path, 2);
      const locked = requests.map(verified).filter((e) => e.type === "sign_in.locked");
      expect(locked).toHaveLength(1);
      expect(locked[0]!.data).toMatchObject({ factor: "password" });
      // The fifth distinct failure locks the network's scope for 5 minutes.
      const until = Date.parse(String(locked[0]!.data.until));
      expect(until).toBeGreaterThanOrEqual(started + 5 * 60 * 1000);
      expect(until).toBeLessThanOrEqual(Date.now() + 5 * 60 * 1000);
    }
    expect((await received(path, 2)).map((r) => verified(r).type)).toEqual(["user.created", "sign_in.locked"]);
  });

  it("an operator's revoke sends sessions.revoked (reason admin, the count) and admin.action; a read sends none", async () => {
    const { path, hookEnv } = endpoint("admin");
    const key = {
      name: "hooks-operator",
      key: `k_${crypto.randomUUID()}`.replace(/-/g, ""),
      scopes: ["read", "sessions"],
    };
    const adminEnv = { ...hookEnv, ADMIN_API_KEYS: JSON.stringify([key]) } as Env;
    const email = uniqueEmail("hooks-admin");
    const created = await signUp(adminEnv, email);
    const uid = ((await json(created)) as { user: { uid: string } }).user.uid;
    expect((await call(adminEnv, "/v3/user-session", { user: { email, password: STRONG_PASSWORD } })).status).toBe(200);
    const admin = async (path: string, body?: unknown) => {
      const init: RequestInit = { headers: { authorization: `Bearer ${key.key}`, "cf-connecting-ip": randomIp() } };
      if (body !== undefined) {
        init.method = "POST";
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)["content-type"] = "application/json";
      }
      const ctx = createExecutionContext();
      const response = await worker.fetch(new Request(`${BASE}${path}`, init), adminEnv, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    };
    expect((await admin(`/admin/v1/accounts/${uid}`)).status).toBe(200);
    const revoked = await admin(`/admin/v1/accounts/${uid}/revoke-sessions`, { reason: "stolen laptop, ticket 42" });
    expect(revoked.status).toBe(200);
    const events = (await received(path, 3)).map(verified);
    expect(events.map((e) => e.type).sort()).toEqual(["admin.action", "sessions.revoked", "user.created"]);
    const of = (type: string) => events.find((e) => e.type === type)!.data;
    expect(of("sessions.revoked")).toEqual({ user_id: uid, count: 1, reason: "admin" });
    expect(of("admin.action")).toEqual({
      action: "revoke_sessions",
      key_name: "hooks-operator",
      user_id: uid,
      reason: "stolen laptop, ticket 42",
    });
  });

  it("a bounce the provider reports twice sends email.bounced twice under one webhook-id", async () => {
    const { path, hookEnv } = endpoint("bounced");
    const resendSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const bounceEnv = { ...hookEnv, RESEND_WEBHOOK_SECRET: resendSecret } as Env;
    const email = uniqueEmail("hooks-bounced");
    expect((await signUp(bounceEnv, email)).status).toBe(201);
    const body = JSON.stringify({
      type: "email.bounced",
      data: {
        email_id: crypto.randomUUID(),
        to: [email],
        tags: { type: "password_reset" },
        bounce: { type: "Permanent" },
      },
    });
    // Resend signs as Svix does, the Standard Webhooks scheme under svix-* header names.
    const providerId = `msg_${crypto.randomUUID()}`;
    for (let i = 0; i < 2; i++) {
      const at = new Date();
      const headers = {
        "svix-id": providerId,
        "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
        "svix-signature": new Webhook(resendSecret).sign(providerId, at, body),
      };
      expect((await call(bounceEnv, "/webhooks/resend", JSON.parse(body), headers)).status).toBe(200);
    }
    const requests = (await received(path, 3)).filter((r) => verified(r).type === "email.bounced");
    expect(requests).toHaveLength(2);
    expect(requests[1]!.headers["webhook-id"]).toBe(requests[0]!.headers["webhook-id"]);
    expect(verified(requests[0]!).data).toMatchObject({ email, kind: "bounced" });
  });

  it("a delivery answered 500 is retried with the same webhook-id and bytes, signed again", async () => {
    const { path, hookEnv } = endpoint("retry");
    await fetch(`${env.TEST_WEBHOOK_URL}/__stand-in/plan`, {
      method: "POST",
      body: JSON.stringify({ path, statuses: [500] }),
    });
    expect((await signUp(hookEnv, uniqueEmail("hooks-retry"))).status).toBe(201);
    // The first retry waits 5 s (up to 10 % more).
    const [first, second] = await received(path, 2, 15_000);
    expect([first!.status, second!.status]).toEqual([500, 204]);
    expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect(second!.body).toBe(first!.body);
    expect(verified(first!).type).toBe("user.created");
    expect(verified(second!).type).toBe("user.created");
  }, 20_000);

  it("endpoints without a secret send nothing and never fail the flow: webhook_emit_failed is logged", async () => {
    const { path, hookEnv } = endpoint("no-secret");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await signUp({ ...hookEnv, WEBHOOK_SECRET: "" } as Env, uniqueEmail("hooks-no-secret"));
    expect(response.status).toBe(201);
    const logged = error.mock.calls.map(([line]) => JSON.parse(String(line)) as { event: string; error: string });
    expect(logged).toContainEqual(expect.objectContaining({ event: "webhook_emit_failed", type: "user.created" }));
    const requests = await fetch(`${env.TEST_WEBHOOK_URL}/__stand-in/requests?path=${encodeURIComponent(path)}`);
    expect(await requests.json()).toEqual([]);
  });

  it("is never sent unsigned: without WEBHOOK_SECRET the delivery goes to the dead-letter queue", async () => {
    const { path, url } = endpoint("unsigned");
    const send = vi.fn(async (_letter: unknown, _options: unknown) => {});
    const unsignedEnv = { ...env, WEBHOOK_SECRET: "", WEBHOOK_DLQ: { send } } as unknown as Env;
    const delivery: WebhookDelivery = { kind: "webhook", id: "msg_1", url, body: "{}", occurredAt: Date.now() };
    const batch = createMessageBatch("webhooks", [
      { id: "unsigned-1", timestamp: new Date(), attempts: 1, body: delivery },
    ]);
    const ctx = createExecutionContext();
    vi.spyOn(console, "error").mockImplementation(() => {});
    await worker.queue(batch as MessageBatch<never>, unsignedEnv); // the handler takes no ctx
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["unsigned-1"]);
    expect(send).toHaveBeenCalledWith(
      { delivery, reason: "WEBHOOK_SECRET is not set", attempts: 1 },
      { contentType: "json" },
    );
    const response = await fetch(`${env.TEST_WEBHOOK_URL}/__stand-in/requests?path=${encodeURIComponent(path)}`);
    expect(await response.json()).toEqual([]);
  });

  it("an endpoint that answers 410 Gone gets no retry: dead letter; a 24-hour-old event is not retried", async () => {
    const { path, url } = endpoint("gone");
    await fetch(`${env.TEST_WEBHOOK_URL}/__stand-in/plan`, {
      method: "POST",
      body: JSON.stringify({ path, statuses: [410, 503] }),
    });
    const send = vi.fn(async (_letter: { reason: string }, _options: unknown) => {});
    const dlqEnv = { ...env, WEBHOOK_DLQ: { send } } as unknown as Env;
    vi.spyOn(console, "error").mockImplementation(() => {});
    const now = Date.now();
    const fresh: WebhookDelivery = { kind: "webhook", id: "msg_2", url, body: "{}", occurredAt: now };
    const old: WebhookDelivery = { ...fresh, id: "msg_3", occurredAt: now - 24 * 60 * 60 * 1000 };
    for (const [id, body] of [
      ["gone-1", fresh],
      ["old-1", old],
    ] as const) {
      const batch = createMessageBatch("webhooks", [{ id, timestamp: new Date(), attempts: 7, body }]);
      const ctx = createExecutionContext();
      await worker.queue(batch as MessageBatch<never>, dlqEnv);
      expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual([id]);
    }
    expect(send.mock.calls.map(([letter]) => letter.reason)).toEqual(["410 Gone", "status 503"]);
    expect((await received(path, 2)).map((r) => r.status)).toEqual([410, 503]);
  });
});
