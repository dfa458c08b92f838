/**
 * Outbound calls made for real: the Worker's own code calls the real global fetch, over HTTP, against
 * local stand-ins that enforce what Resend and Have I Been Pwned document (test/support/*-stand-in.mjs).
 * A test that replaces fetch checks our idea of the other side; these check the call itself, which is how
 * a breach check that could never run in workerd ("Illegal invocation") went unseen.
 */
import { createExecutionContext, createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import worker from "../../src/dev/worker";
import type { PasswordResetJob } from "../../src/domain/email-jobs";
import { ResendProvider } from "../../src/mail/resend";
import { BASE, json, randomIp, resetPassword, resetTokenFor, STRONG_PASSWORD, signUp, uniqueEmail } from "../helpers";
import { BREACHED_PASSWORDS } from "../support/global-setup";

const [BREACHED] = BREACHED_PASSWORDS as [string];

/** The bindings with the breach check on, against the stand-in (a new object: config is cached per env). */
const hibpEnv = {
  ...env,
  HIBP_ENABLED: "true",
  HIBP_FAIL_OPEN: "false",
  HIBP_API_URL: env.TEST_HIBP_URL,
} as unknown as Env;
/** The bindings with Resend as the provider, against the stand-in. */
const resendEnv = {
  ...env,
  EMAIL_PROVIDER: "resend",
  RESEND_API_KEY: env.TEST_RESEND_API_KEY,
  RESEND_API_URL: env.TEST_RESEND_URL,
} as Env;

async function post(path: string, body: unknown, useEnv: Env): Promise<Response> {
  const request = new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": randomIp() },
    body: JSON.stringify(body),
  });
  return worker.fetch(request, useEnv, createExecutionContext());
}

async function standIn<T>(path: string): Promise<T> {
  return (await (await fetch(`${env.TEST_RESEND_URL}${path}`)).json()) as T;
}

describe("Have I Been Pwned through the real fetch (HIBP_ENABLED=true)", () => {
  it("sign-up: a listed password is 422/142 with the breach reason, an unlisted one is 201", async () => {
    const body = (email: string, password: string) => ({
      user: { email, password, password_confirmation: password },
    });
    const refused = await post("/v3/user", body(uniqueEmail("hibp"), BREACHED), hibpEnv);
    expect(refused.status).toBe(422);
    expect(await json(refused)).toMatchObject({
      error_code: 142,
      errors: { password: ["has appeared in a data breach. Please choose a different one."] },
    });
    expect((await post("/v3/user", body(uniqueEmail("hibp"), STRONG_PASSWORD), hibpEnv)).status).toBe(201);
  });

  it("reset: a listed password is refused (and the link still works), an unlisted one is accepted", async () => {
    const email = uniqueEmail("hibp-reset");
    await signUp(email);
    const token = await resetTokenFor(email);
    const reset = (password: string) =>
      post(
        "/v3/user/reset_password",
        { user: { reset_password_token: token, password, password_confirmation: password } },
        hibpEnv,
      );
    const refused = await reset(BREACHED);
    expect(refused.status).toBe(422);
    expect(await json(refused)).toMatchObject({ error_code: 142 });
    expect((await reset("quiet-orchard-compass-2026")).status).toBe(200);
  });

  it("the live hint says a listed password was breached", async () => {
    const hint = await post("/password-check", { password: BREACHED, email: "" }, hibpEnv);
    expect(await json(hint)).toEqual({
      ok: false,
      problem: "breached",
      message: "Password has appeared in a data breach. Please choose a different one.",
    });
    expect(await json(await post("/password-check", { password: STRONG_PASSWORD }, hibpEnv))).toEqual({ ok: true });
  });
});

describe("Resend through the real fetch", () => {
  const provider = new ResendProvider({
    apiUrl: env.TEST_RESEND_URL,
    apiKey: env.TEST_RESEND_API_KEY,
    from: "Account Security <no-reply@example.com>",
    replyTo: "support@example.com",
  });
  const email = (key: string, subject = "Reset your password") => ({
    to: "ada@example.com",
    subject,
    text: "text",
    html: "<p>html</p>",
    idempotencyKey: key,
    reference: key.replace("/", "-"),
    kind: "password_reset",
  });

  // What production does to us: workerd's fetch adds no User-Agent, and Resend refuses such requests.
  it("the platform fact: a request without a User-Agent is refused with 403 (1010); ours carries one", async () => {
    const bare = await fetch(`${env.TEST_RESEND_URL}/emails`, { method: "POST", body: "{}" });
    expect(bare.status).toBe(403);
    expect(await bare.text()).toBe("error code: 1010");
    const sent = await provider.send(email(`ua/${crypto.randomUUID()}`));
    expect(sent.ok).toBe(true);
    const emails =
      await standIn<{ headers: Record<string, string>; body: Record<string, unknown> }[]>("/__stand-in/emails");
    const last = emails.at(-1)!;
    expect(last.headers["user-agent"]).toBe("edge-password-reset/1.1 (+https://github.com/)");
    expect(last.body).toMatchObject({
      reply_to: "support@example.com",
      headers: { "X-Entity-Ref-ID": expect.any(String) },
    });
  });

  // Fault: the reply to an accepted send is lost, so the queue retries. The same key must bring the same id
  // back, and Resend must not send a second email.
  it("a retry after a lost reply gets the same id and no second email; a changed body is 'possibly delivered'", async () => {
    const key = `lost-reply/${crypto.randomUUID()}`;
    const before = (await standIn<{ accepted: number }>("/__stand-in/stats")).accepted;
    const first = await provider.send(email(key));
    const retry = await provider.send(email(key));
    expect(first).toEqual({ ok: true, id: expect.any(String) });
    expect(retry).toEqual(first);
    expect((await standIn<{ accepted: number }>("/__stand-in/stats")).accepted).toBe(before + 1);
    expect(await provider.send(email(key, "Reset your password (new words)"))).toMatchObject({
      ok: false,
      reason: "possibly_delivered",
    });
  });

  it("a wrong key is 'misconfigured', at once", async () => {
    const wrong = new ResendProvider({
      apiUrl: env.TEST_RESEND_URL,
      apiKey: "re_wrong",
      from: "a@example.com",
      replyTo: null,
    });
    expect(await wrong.send(email(`key/${crypto.randomUUID()}`))).toMatchObject({ ok: false, reason: "misconfigured" });
  });

  // A backlog: three consumer invocations at once, ten reset jobs each. The shared pacer keeps the sends at
  // the team's 5 per second, so Resend answers no 429 and every job is acked on its first attempt.
  it("30 reset jobs in 3 concurrent invocations: 30 emails, one per address, paced under the limit", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    const accounts = await Promise.all(
      Array.from({ length: 30 }, async () => (await signUp(uniqueEmail("paced"))).email as string),
    );
    const stats0 = await standIn<{ accepted: number; rateLimited: number; withoutUserAgent: number }>(
      "/__stand-in/stats",
    );
    const jobs: PasswordResetJob[] = accounts.map((address) => ({
      kind: "password_reset",
      requestId: crypto.randomUUID(),
      email: address,
      requestedAt: Date.now(),
      ip: "203.0.113.5",
      userAgent: "vitest",
    }));
    const batches = [0, 1, 2].map((b) =>
      createMessageBatch(
        "email",
        jobs
          .slice(b * 10, b * 10 + 10)
          .map((body, i) => ({ id: `paced-${b}-${i}`, timestamp: new Date(), attempts: 1, body })),
      ),
    );
    const started = Date.now();
    let pending = batches;
    let deliveries = 0;
    // Whatever a consumer invocation retried is delivered again, as the queue would (without its delay).
    while (pending.length > 0 && deliveries < 5) {
      deliveries++;
      const retried = pending.map((batch) => batch.messages.map((m) => ({ message: m, retry: vi.spyOn(m, "retry") })));
      await Promise.all(pending.map((batch) => worker.queue(batch as MessageBatch<any>, resendEnv)));
      const again = retried.flat().filter((r) => r.retry.mock.calls.length > 0);
      pending =
        again.length === 0
          ? []
          : [
              createMessageBatch(
                "email",
                again.map((r) => ({ ...r.message, attempts: r.message.attempts + 1 })),
              ),
            ];
    }
    const elapsedMs = Date.now() - started;

    type Stats = { accepted: number; rateLimited: number; requests: number; withoutUserAgent: number };
    const stats = await standIn<Stats>("/__stand-in/stats");
    expect(pending).toEqual([]);
    expect(stats.accepted - stats0.accepted).toBe(30);
    // At most 10 % of the requests answered 429 (the pacer's margin keeps it at 0 here).
    expect(stats.rateLimited - stats0.rateLimited).toBeLessThanOrEqual(3);
    // 30 sends at 5/s cannot take less than 29 intervals of 200 ms.
    expect(elapsedMs).toBeGreaterThanOrEqual(29 * 200);
    expect(stats.withoutUserAgent - stats0.withoutUserAgent).toBe(0);
    const emails = await standIn<{ body: { to: string[]; text: string } }[]>("/__stand-in/emails");
    const recipients = emails
      .slice(-30)
      .map((e) => e.body.to[0])
      .sort();
    expect(recipients).toEqual([...accounts].sort());
    // And the links work: one of them resets its account's password.
    const token = /\/reset-password\?token=(blt(?:[0-9a-f]{4})?[0-9a-f]{24}\.[A-Za-z0-9_-]{43})/.exec(
      emails.at(-1)!.body.text,
    )![1]!;
    expect((await resetPassword(token)).status).toBe(200);
  }, 60_000);
});
