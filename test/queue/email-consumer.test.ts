/**
 * The "email" queue consumer and the "email-dlq" consumer, driven through the Worker's real queue handler
 * (`worker.queue`) with hand-made batches. The Resend provider is the real ResendProvider; only the HTTP
 * boundary (globalThis.fetch) is replaced by a fake Resend that honours Idempotency-Key like the real one.
 * Invariant 8: an accepted request ends in exactly one delivered email or a dead letter with its reason.
 */

import { createExecutionContext, createMessageBatch, getQueueResult, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { emailKey, normalizeEmail } from "../../src/core/email-address";
import { parseResetToken, RESET_LINK_TTL_MS } from "../../src/core/password-reset-token";
import worker from "../../src/dev/worker";
import type { DeadLetter, EmailJob } from "../../src/domain/email-jobs";
import { linkFate } from "../../src/durable/password-reset-rules";
import type { SessionRegistry } from "../../src/durable/session-registry";
import { translator } from "../../src/i18n/catalogue";
import { formatMoment } from "../../src/i18n/format";
import { withJitter } from "../../src/queue/email-consumer";
import { resetTokenKey } from "../../src/storage/password-reset-tokens";
import { emailCandidateDatabases } from "../../src/storage/shard-databases";
import { auditTrail, BASE, resetJob, shardForEmail, signUp, uniqueEmail } from "../helpers";
import { tapD1, unreachableD1 } from "../support/d1";

const RESEND_URL = "https://api.resend.com/emails";
const MAIL_FROM = "Account Security <no-reply@localhost>"; // wrangler.toml [vars]

/** The same bindings, configured for the Resend provider (config is cached per env object, so a new object). */
const resendEnv = { ...env, EMAIL_PROVIDER: "resend", RESEND_API_KEY: "re_test" } as Env;

let warn: { mock: { calls: unknown[][] } };
let error: { mock: { calls: unknown[][] } };
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  error = vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
});

interface ResendCall {
  method: string | undefined;
  headers: Headers;
  body: { from: string; to: string[]; subject: string; text: string; html: string; tags: unknown };
  signal: AbortSignal | null | undefined;
}

type Scripted = Response | Error;

/**
 * A fake Resend at the fetch boundary: answers each call with the next scripted response (or throws the
 * scripted error), and like Resend delivers a given Idempotency-Key at most once.
 */
function fakeResend(script: Scripted[]) {
  const calls: ResendCall[] = [];
  const delivered = new Map<string, ResendCall["body"]>();
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== RESEND_URL) throw new Error(`unexpected fetch to ${url}`);
    const headers = new Headers(init?.headers);
    const body = JSON.parse(String(init?.body)) as ResendCall["body"];
    calls.push({ method: init?.method, headers, body, signal: init?.signal });
    const next = script.shift();
    if (next === undefined) throw new Error("fake Resend: no scripted response left");
    if (next instanceof Error) throw next;
    const key = headers.get("idempotency-key")!;
    if (next.ok && !delivered.has(key)) delivered.set(key, body);
    return next;
  });
  return { calls, delivered, spy };
}

const ok = (id = "re_msg_1") => Response.json({ id }, { status: 200 });
const resendError = (status: number, name: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ statusCode: status, name, message }, { status, headers });

/**
 * Delivers one message to the Worker's queue handler. Returns the queue's verdict plus the options of any
 * message.retry() call (getQueueResult does not report the delay).
 */
async function deliver(
  queue: "email" | "email-dlq",
  body: EmailJob | DeadLetter,
  attempts = 1,
  id = `msg-${crypto.randomUUID()}`,
  useEnv: Env = resendEnv,
) {
  const batch = createMessageBatch(queue, [{ id, timestamp: new Date(), attempts, body }]);
  const retry = vi.spyOn(batch.messages[0]!, "retry");
  const ctx = createExecutionContext();
  // No jitter while the consumer runs, so delays are exact; withJitter has its own test.
  const random = vi.spyOn(Math, "random").mockReturnValue(0);
  try {
    await worker.queue(batch as MessageBatch<any>, useEnv); // the handler takes no ctx; getQueueResult still needs one
  } finally {
    random.mockRestore();
  }
  const result = await getQueueResult(batch, ctx);
  return { id, result, retryOptions: retry.mock.calls.map((args) => args[0]) };
}

function loggedEvents(spy: { mock: { calls: unknown[][] } }, event: string): Record<string, unknown>[] {
  return spy.mock.calls
    .map((args) => {
      try {
        return JSON.parse(String(args[0])) as Record<string, unknown>;
      } catch {
        return null;
      }
    })
    .filter((e): e is Record<string, unknown> => e !== null && e.event === event);
}

async function newUser(label: string): Promise<{ email: string; id: string }> {
  const email = uniqueEmail(label);
  const user = await signUp(email);
  return { email, id: user.uid };
}

const linkPattern = new RegExp(
  `${BASE.replace(/[.]/g, "\\.")}/reset-password\\?token=(blt(?:[0-9a-f]{4})?[0-9a-f]{24}\\.[A-Za-z0-9_-]{43})`,
);
function linkToken(text: string): string {
  const match = linkPattern.exec(text);
  if (match === null) throw new Error(`no reset link in ${text}`);
  return match[1]!;
}

describe("retries against a failing provider", () => {
  // Fault: Resend has a bad moment. The message must be retried (not lost), and the retry must not produce a
  // second email (the same Idempotency-Key makes Resend deduplicate).
  it("500 then 200: one delivery, same Idempotency-Key on both attempts, first attempt retried with backoff", async () => {
    const { email, id: userId } = await newUser("resend-500");
    const resend = fakeResend([resendError(500, "internal_server_error", "try later"), ok("re_delivered")]);
    const dlq = vi.spyOn(env.EMAIL_DLQ, "send");
    const job = resetJob(email);

    const first = await deliver("email", job, 1, "m-500");
    expect(first.result.retryMessages).toEqual([{ msgId: "m-500" }]);
    expect(first.retryOptions).toEqual([{ delaySeconds: 2 }]);
    expect(first.result.explicitAcks).toEqual([]);
    expect(loggedEvents(warn, "email_retry")).toEqual([
      expect.objectContaining({
        messageId: "m-500",
        attempts: 1,
        delaySeconds: 2,
        reason: expect.stringContaining("resend 500 internal_server_error"),
      }),
    ]);

    const second = await deliver("email", job, 2, "m-500");
    expect(second.result.explicitAcks).toEqual(["m-500"]);
    expect(second.result.retryMessages).toEqual([]);

    expect(resend.calls).toHaveLength(2);
    const keys = resend.calls.map((c) => c.headers.get("idempotency-key"));
    expect(keys).toEqual([`password-reset/${job.requestId}`, `password-reset/${job.requestId}`]);
    expect(resend.delivered.size).toBe(1);
    for (const call of resend.calls) {
      expect(call.method).toBe("POST");
      expect(call.headers.get("authorization")).toBe("Bearer re_test");
      expect(call.headers.get("content-type")).toBe("application/json");
      // Resend refuses requests without a User-Agent (403); each reset email is its own thread in Gmail.
      expect(call.headers.get("user-agent")).toBe("edge-password-reset/1.1 (+https://github.com/)");
      expect((call.body as unknown as { headers: Record<string, string> }).headers).toEqual({
        "X-Entity-Ref-ID": job.requestId,
      });
      expect(call.body.tags).toEqual([
        { name: "type", value: "password_reset" },
        { name: "request_id", value: job.requestId },
      ]);
      expect(call.body).toMatchObject({ from: MAIL_FROM, to: [email], subject: "Reset your password" });
      expect(call.body.text).toMatch(linkPattern);
      expect(call.body.html).toMatch(linkPattern);
    }
    // The retry carries the very same email (same link), so deduplication by key is correct.
    expect(resend.calls[1]!.body).toEqual(resend.calls[0]!.body);
    expect(dlq).not.toHaveBeenCalled();

    // Exactly one "reset requested" audit event: the failed attempt did not count as sent.
    expect(await auditTrail(userId, "password_reset_requested")).toEqual(["password_reset_requested"]);
  });

  it("429 with Retry-After: retried after that many seconds", async () => {
    const { email } = await newUser("resend-429");
    fakeResend([resendError(429, "rate_limit_exceeded", "Too many requests", { "retry-after": "17" })]);
    const { id, result, retryOptions } = await deliver("email", resetJob(email), 1);
    expect(result.retryMessages).toEqual([{ msgId: id }]);
    expect(retryOptions).toEqual([{ delaySeconds: 17 }]);
    expect(result.explicitAcks).toEqual([]);
  });

  it("429 with an absurd Retry-After: the delay is capped at 300 s", async () => {
    const { email } = await newUser("resend-429-cap");
    fakeResend([resendError(429, "rate_limit_exceeded", "Too many requests", { "retry-after": "86400" })]);
    const { retryOptions } = await deliver("email", resetJob(email), 1);
    expect(retryOptions).toEqual([{ delaySeconds: 300 }]);
  });

  it("409 concurrent_idempotent_requests: retried (the same message is in flight), not dead-lettered", async () => {
    const { email } = await newUser("resend-409");
    fakeResend([resendError(409, "concurrent_idempotent_requests", "Same idempotency key in flight")]);
    const { id, result } = await deliver("email", resetJob(email), 1);
    expect(result.retryMessages).toEqual([{ msgId: id }]);
  });

  // Same key, another body: Resend accepted an earlier attempt of this email (e.g. before a deploy changed its
  // words). Probably delivered: not an undeliverable email, and retrying cannot help.
  it("409 invalid_idempotent_request: acked as possibly delivered, not dead-lettered, logged", async () => {
    const { email } = await newUser("resend-409-invalid");
    const dlq = vi.spyOn(env.EMAIL_DLQ, "send");
    fakeResend([resendError(409, "invalid_idempotent_request", "Key reused with another body")]);
    const job = resetJob(email);
    const { id, result } = await deliver("email", job, 1);
    expect(result.explicitAcks).toEqual([id]);
    expect(result.retryMessages).toEqual([]);
    expect(dlq).not.toHaveBeenCalled();
    expect(loggedEvents(warn, "email_possibly_delivered")).toEqual([
      { event: "email_possibly_delivered", kind: "password_reset", reference: job.requestId },
    ]);
  });

  it("jitter adds up to a quarter to a delay, and never passes the 300 s cap", () => {
    expect(withJitter(8, 0)).toBe(8);
    expect(withJitter(8, 0.999)).toBe(10);
    expect(withJitter(17, 0.5)).toBe(20);
    expect(withJitter(300, 0.999)).toBe(300);
  });

  it("network error and timeout: retried with exponential backoff; the request carries a timeout signal", async () => {
    const { email } = await newUser("resend-network");
    const resend = fakeResend([
      new TypeError("fetch failed: connection reset"),
      new DOMException("The operation was aborted due to timeout", "TimeoutError"),
    ]);
    const job = resetJob(email);
    const a = await deliver("email", job, 1, "m-net");
    expect(a.result.retryMessages).toEqual([{ msgId: "m-net" }]);
    expect(a.retryOptions).toEqual([{ delaySeconds: 2 }]);
    const b = await deliver("email", job, 3, "m-net");
    expect(b.result.retryMessages).toEqual([{ msgId: "m-net" }]);
    expect(b.retryOptions).toEqual([{ delaySeconds: 8 }]);
    expect(loggedEvents(warn, "email_retry").map((e) => e.reason)).toEqual([
      expect.stringContaining("network: TypeError"),
      expect.stringContaining("TimeoutError"),
    ]);
    // A hung provider cannot hold the consumer forever: every call has an abort signal (10 s timeout).
    for (const call of resend.calls) expect(call.signal).toBeInstanceOf(AbortSignal);
  });
});

describe("dead letters", () => {
  // Fault: a permanent refusal (bad address, unverified domain). Retrying cannot help; the message must not be
  // silently dropped either: dead-lettered at once, with the reason, logged, and recorded for an operator.
  it("Resend 422 validation_error: sent to EMAIL_DLQ with the reason, acked, logged as email_dead_letter, recorded in D1", async () => {
    const { email } = await newUser("resend-422");
    const marker = crypto.randomUUID();
    const resend = fakeResend([resendError(422, "validation_error", `Invalid \`to\` field ${marker}`)]);
    const dlq = vi.spyOn(env.EMAIL_DLQ, "send"); // calls through: the real dead-letter consumer runs too
    const job = resetJob(email);

    const { id, result } = await deliver("email", job, 1);
    expect(resend.calls).toHaveLength(1); // not retried
    expect(result.explicitAcks).toEqual([id]);
    expect(result.retryMessages).toEqual([]);
    expect(dlq).toHaveBeenCalledTimes(1);
    const [letter, options] = dlq.mock.calls[0]!;
    expect(letter).toEqual({
      job,
      reason: expect.stringMatching(/^resend 422 validation_error: Invalid `to` field /),
      attempts: 1,
    });
    expect((letter as DeadLetter).reason).toContain(marker);
    expect(options).toEqual({ contentType: "json" });
    expect(loggedEvents(error, "email_dead_letter")).toEqual([
      expect.objectContaining({
        messageId: id,
        kind: "password_reset",
        attempts: 1,
        reason: (letter as DeadLetter).reason,
      }),
    ]);

    // End to end: the "email-dlq" consumer stores it where an operator will see it.
    const row = await vi.waitFor(
      async () => {
        const found = await env.DB.prepare("SELECT kind, reason, attempts FROM mail_dead_letters WHERE reason LIKE ?")
          .bind(`%${marker}%`)
          .first();
        if (found === null) throw new Error("dead letter not recorded yet");
        return found;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(row).toEqual({ kind: "password_reset", reason: (letter as DeadLetter).reason, attempts: 1 });
  });

  it(`last attempt (101: the first and max_retries = 100) with a 500: dead-lettered with "retries exhausted: …"`, async () => {
    const { email } = await newUser("resend-exhausted");
    fakeResend([resendError(500, "application_error", "still down")]);
    const dlq = vi.spyOn(env.EMAIL_DLQ, "send").mockResolvedValue(undefined as never);
    const job = resetJob(email);
    const { id, result } = await deliver("email", job, 101);
    expect(result.explicitAcks).toEqual([id]);
    expect(result.retryMessages).toEqual([]);
    expect(dlq).toHaveBeenCalledWith(
      {
        job,
        reason: expect.stringMatching(/^retries exhausted: resend 500 application_error: still down/),
        attempts: 101,
      },
      { contentType: "json" },
    );
    expect(loggedEvents(error, "email_dead_letter")).toHaveLength(1);
  });

  it("one attempt before the last, a 500 is still retried (the boundary is exact)", async () => {
    const { email } = await newUser("resend-penultimate");
    fakeResend([resendError(503, "internal_server_error", "down")]);
    const dlq = vi.spyOn(env.EMAIL_DLQ, "send").mockResolvedValue(undefined as never);
    const { id, result, retryOptions } = await deliver("email", resetJob(email), 100);
    expect(result.retryMessages).toEqual([{ msgId: id }]);
    expect(retryOptions).toEqual([{ delaySeconds: 300 }]);
    expect(dlq).not.toHaveBeenCalled();
  });

  // Abuse: a job that sat in the queue past the link's lifetime would mail a link that is already dead.
  it("a job older than 60 minutes is dead-lettered, nothing sent", async () => {
    const { email } = await newUser("stale-job");
    const resend = fakeResend([]);
    const dlq = vi.spyOn(env.EMAIL_DLQ, "send").mockResolvedValue(undefined as never);
    const job = resetJob(email, { requestedAt: Date.now() - 61 * 60_000 });
    const { id, result } = await deliver("email", job, 2);
    expect(result.explicitAcks).toEqual([id]);
    expect(resend.calls).toHaveLength(0);
    expect(dlq).toHaveBeenCalledWith(
      { job, reason: "request older than the link lifetime", attempts: 2 },
      { contentType: "json" },
    );
  });

  // The provider account itself is at fault: every later email would fail the same way. Retrying only burns
  // the link's hour; an operator must act, so these are dead-lettered at once with a line to alert on.
  it.each([
    [429, "daily_quota_exceeded", "email_quota_exceeded", /^quota exceeded: resend 429 daily_quota_exceeded/],
    [429, "monthly_quota_exceeded", "email_quota_exceeded", /^quota exceeded: resend 429 monthly_quota_exceeded/],
    [403, "invalid_api_key", "email_provider_misconfigured", /^provider refused the key or sender: resend 403/],
    [401, "missing_api_key", "email_provider_misconfigured", /^provider refused the key or sender: resend 401/],
  ])("%i %s: dead-lettered at once, with the alert line %s", async (status, name, alert, reason) => {
    const { email } = await newUser(`resend-${name}`);
    const resend = fakeResend([resendError(status, name, "refused")]);
    const dlq = vi.spyOn(env.EMAIL_DLQ, "send").mockResolvedValue(undefined as never);
    const job = resetJob(email);
    const { id, result } = await deliver("email", job, 1);
    expect(resend.calls).toHaveLength(1);
    expect(result.explicitAcks).toEqual([id]);
    expect(result.retryMessages).toEqual([]);
    expect(dlq).toHaveBeenCalledWith(
      { job, reason: expect.stringMatching(reason), attempts: 1 },
      { contentType: "json" },
    );
    expect(loggedEvents(error, alert)).toEqual([expect.objectContaining({ messageId: id, kind: "password_reset" })]);
  });

  // Every retry of one notice must render the same email (one idempotency key, one body at the provider),
  // whatever the account's language has become since: the job carries the language of when it changed.
  it("a notice is written in the language its job carries, else in the account's", async () => {
    const { id: userId } = await newUser("notice-language");
    const resend = fakeResend([]);
    const notice = (language?: string): EmailJob => ({
      kind: "two_factor_changed",
      requestId: crypto.randomUUID(),
      userId,
      change: "enabled",
      changedAt: Date.now(),
      ip: null,
      userAgent: null,
      ...(language === undefined ? {} : { language }),
    });
    await deliver("email", notice("fr"), 1);
    await deliver("email", notice(), 1);
    await deliver("email", notice("tlh"), 1);
    expect(resend.calls.map((call) => call.body.subject)).toEqual([
      translator("fr")("email.twoFactor.enabled.subject"),
      "Two-factor sign-in is on",
      "Two-factor sign-in is on",
    ]);
  });

  // A redelivery days after a reset would send a second, confusing "password changed" notice.
  it("a password-changed notice older than 23 hours is dead-lettered, nothing sent", async () => {
    const { id: userId } = await newUser("stale-notice");
    const resend = fakeResend([]);
    const dlq = vi.spyOn(env.EMAIL_DLQ, "send").mockResolvedValue(undefined as never);
    const job: EmailJob = {
      kind: "password_changed",
      requestId: crypto.randomUUID(),
      userId,
      changedAt: Date.now() - 23 * 60 * 60_000 - 1000,
      ip: null,
      userAgent: null,
    };
    const { result } = await deliver("email", job, 1);
    expect(result.explicitAcks).toHaveLength(1);
    expect(resend.calls).toHaveLength(0);
    expect(dlq).toHaveBeenCalledWith(
      { job, reason: "notice older than 23 hours", attempts: 1 },
      { contentType: "json" },
    );
  });

  it("the dead-letter consumer writes each letter into mail_dead_letters and acks it", async () => {
    const job = resetJob(uniqueEmail("dl"));
    const ours: DeadLetter = {
      job,
      reason: `resend 403 validation_error: domain not verified ${crypto.randomUUID()}`,
      attempts: 1,
    };
    const a = await deliver("email-dlq", ours, 1, `dl-${crypto.randomUUID()}`, env);
    expect(a.result.explicitAcks).toEqual([a.id]);
    // A job moved here by the queue itself (its own max_retries) arrives bare, without a reason.
    const b = await deliver("email-dlq", job, 2, `dl-${crypto.randomUUID()}`, env);
    expect(b.result.explicitAcks).toEqual([b.id]);

    const rows = await env.DB.prepare(
      "SELECT message_id, kind, reason, attempts, created_at FROM mail_dead_letters WHERE message_id IN (?, ?) ORDER BY id",
    )
      .bind(a.id, b.id)
      .all();
    expect(rows.results).toEqual([
      {
        message_id: a.id,
        kind: "password_reset",
        reason: ours.reason,
        attempts: 1,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      {
        message_id: b.id,
        kind: "password_reset",
        reason: "retries exhausted",
        attempts: 2,
        created_at: expect.any(String),
      },
    ]);
    expect(loggedEvents(error, "email_undeliverable").map((e) => e.messageId)).toEqual([a.id, b.id]);
  });
});

describe("what gets sent", () => {
  // Fault: at-least-once delivery runs a job twice (lost ack, retry after a send that did go out). The second run
  // must carry the same link (one email at Resend, one valid token), and the per-email limit must not mistake
  // the retry for a second request and drop it.
  it("a retried reset job re-sends the very same link, and is not blocked by the per-email limit", async () => {
    const { email, id: userId } = await newUser("redelivery");
    const resend = fakeResend([ok("re_a"), ok("re_b"), ok("re_c")]);
    const job = resetJob(email);

    const first = await deliver("email", job, 1, "m-dup");
    const second = await deliver("email", job, 2, "m-dup");
    expect(first.result.explicitAcks).toEqual(["m-dup"]);
    expect(second.result.explicitAcks).toEqual(["m-dup"]);
    expect(resend.calls).toHaveLength(2);
    const [t1, t2] = resend.calls.map((c) => linkToken(c.body.text));
    expect(t2).toBe(t1);
    expect(resend.calls[1]!.headers.get("idempotency-key")).toBe(resend.calls[0]!.headers.get("idempotency-key"));
    expect(resend.delivered.size).toBe(1);

    // The link in it is the live one.
    expect(await env.KV.get(resetTokenKey(parseResetToken(t1!)!.tokenHash), "json")).toMatchObject({
      userId,
      issuedAt: job.requestedAt,
    });
    const registry = env.SESSION_REGISTRY.getByName(userId);
    const fate = await runInDurableObject(registry, (instance: SessionRegistry) =>
      linkFate(instance.resetTokenStatus(parseResetToken(t1!)!.tokenHash, Date.now()), 0, RESET_LINK_TTL_MS),
    );
    expect(fate).toEqual({ fate: "usable" });

    // A different request for the same address within the minute IS limited: the retry passed because of its id.
    const other = await deliver("email", resetJob(email), 1, "m-other");
    expect(other.result.explicitAcks).toEqual(["m-other"]);
    expect(resend.calls).toHaveLength(2);
  });

  // Attack: enumeration through side effects — an unknown address must not cause any provider call.
  it("an unknown-email job is acked and nothing is sent", async () => {
    const resend = fakeResend([]);
    const dlq = vi.spyOn(env.EMAIL_DLQ, "send");
    const { id, result } = await deliver("email", resetJob(uniqueEmail("ghost")), 1);
    expect(result.explicitAcks).toEqual([id]);
    expect(result.retryMessages).toEqual([]);
    expect(resend.calls).toHaveLength(0);
    expect(dlq).not.toHaveBeenCalled();
  });

  // Cost: a batch of jobs is one D1 lookup for all its accounts and one audit batch (per shard they touch), and
  // an address without an account touches no Durable Object (nothing is created for addresses only ever typed).
  it("a batch: one account lookup, one audit batch, no registry for unknown addresses", async () => {
    const known = await Promise.all([newUser("batch-a"), newUser("batch-b"), newUser("batch-c")]);
    const ghosts = [uniqueEmail("batch-ghost"), uniqueEmail("batch-ghost")];
    const resend = fakeResend([ok("re_1"), ok("re_2"), ok("re_3")]);
    const jobs = [...known.map((u) => resetJob(u.email)), ...ghosts.map((g) => resetJob(g))];
    const { prepared, batches } = tapD1();
    // With one shard, one of each; with more, one per shard the batch's addresses may live in.
    const lookedIn = new Set([...known.map((u) => u.email), ...ghosts].flatMap(candidateShardsOf));
    const wroteIn = new Set(known.map((u) => shardForEmail(u.email)));
    const registries = vi.spyOn(resendEnv.SESSION_REGISTRY, "getByName");
    const batch = createMessageBatch(
      "email",
      jobs.map((body, i) => ({ id: `b-${i}`, timestamp: new Date(), attempts: 1, body })),
    );
    await worker.queue(batch as MessageBatch<any>, resendEnv);
    const result = await getQueueResult(batch, createExecutionContext());
    expect(result.explicitAcks.sort()).toEqual(jobs.map((_, i) => `b-${i}`).sort());
    expect(resend.delivered.size).toBe(3);
    expect(prepared.filter((sql) => sql.includes("FROM users"))).toHaveLength(lookedIn.size);
    expect(batches).toHaveLength(wroteIn.size);
    // Per email sent: its audit row, and its address's wrong-code counts cleared (per address and per network: a new code starts over).
    expect(batches.flat().filter((sql) => sql.startsWith("INSERT INTO audit_events"))).toHaveLength(3);
    expect(batches.flat()).toHaveLength(9);
    expect(registries.mock.calls.map(([name]) => name).sort()).toEqual(known.map((u) => u.id).sort());
    for (const user of known) {
      expect(await auditTrail(user.id, "password_reset_requested")).toEqual(["password_reset_requested"]);
    }
  });

  // Fault: the audit batch fails after the emails went out. The jobs are retried; the retry sends under the same
  // idempotency keys (no second email) and writes the rows.
  it("an audit batch that fails retries its jobs, and the retry sends no second email", async () => {
    const user = await newUser("audit-fault");
    const resend = fakeResend([ok("re_1"), ok("re_2")]);
    const job = resetJob(user.email);
    vi.spyOn(shardForEmail(user.email), "batch").mockRejectedValueOnce(new Error("D1_ERROR: network connection lost"));
    const first = await deliver("email", job, 1, "m-audit");
    expect(first.result.retryMessages.map((m) => m.msgId)).toEqual(["m-audit"]);
    const second = await deliver("email", job, 2, "m-audit");
    expect(second.result.explicitAcks).toEqual(["m-audit"]);
    expect(resend.calls).toHaveLength(2);
    expect(resend.delivered.size).toBe(1);
    expect(await auditTrail(user.id, "password_reset_requested")).toEqual(["password_reset_requested"]);
  });

  // Attack: HTML injection into the email through the User-Agent the attacker controls when requesting a reset
  // for the victim's address (phishing content or script in the victim's mail client).
  it("text and HTML carry the link, '60 minutes', the request time, IP and device; a hostile user agent is never quoted", async () => {
    const { email, id: userId } = await newUser("content");
    const resend = fakeResend([ok()]);
    const requestedAt = Date.now() - 5 * 60_000;
    const job = resetJob(email, {
      requestedAt,
      ip: "198.51.100.23",
      userAgent: "<script>alert(1)</script> call +1-555-0100 https://evil.example",
    });
    const { id, result } = await deliver("email", job, 1);
    expect(result.explicitAcks).toEqual([id]);

    const { text, html } = resend.calls[0]!.body;
    const token = linkToken(text);
    const link = `${BASE}/reset-password?token=${token}`;
    const when = formatMoment("en", requestedAt);
    for (const part of [link, "60 minutes", when, "198.51.100.23"]) {
      expect(text).toContain(part);
      expect(html).toContain(part);
    }
    // The requester chooses the User-Agent, so it is described, never quoted: no attacker text in a genuine email.
    expect(text).not.toContain("alert(1)");
    expect(text).not.toContain("evil.example");
    expect(html).not.toContain("alert(1)");
    // The address is isolated for bidi (U+2068 … U+2069), so it reads in order inside Arabic text too.
    expect(text).toContain("\u2068198.51.100.23\u2069 (Unknown browser)");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`href="${link}"`);
    expect(await env.KV.get(resetTokenKey(parseResetToken(token)!.tokenHash), "json")).toEqual({
      userId,
      issuedAt: requestedAt,
    });
  });
});

/** The shards that may hold an account for `email` (the consumer asks each once per batch). */
function candidateShardsOf(email: string): D1Database[] {
  return emailCandidateDatabases(env, emailKey(normalizeEmail(email)));
}

describe("the dead-letter consumer under faults", () => {
  // Fault: D1 is briefly down. The dead-letter queue is the last place an undeliverable email is remembered,
  // so a record that cannot be written is retried later, never acked away.
  it("retries with a growing delay when the record cannot be written", async () => {
    const failingDb = unreachableD1(env.DB);
    const letter: DeadLetter = { job: resetJob(uniqueEmail("dl-fault")), reason: "resend 422 x", attempts: 1 };
    const first = await deliver("email-dlq", letter, 1, `dl-${crypto.randomUUID()}`, { ...env, DB: failingDb });
    expect(first.result.explicitAcks).toEqual([]);
    expect(first.retryOptions).toEqual([{ delaySeconds: 10 }]);
    const third = await deliver("email-dlq", letter, 3, `dl-${crypto.randomUUID()}`, { ...env, DB: failingDb });
    expect(third.retryOptions).toEqual([{ delaySeconds: 40 }]);
    expect(loggedEvents(error, "dead_letter_record_failed")).toHaveLength(2);
  });

  it("a body of no known shape is still recorded (kind unknown), not thrown back at the queue", async () => {
    const id = `dl-${crypto.randomUUID()}`;
    const { result } = await deliver("email-dlq", "garbage" as unknown as DeadLetter, 2, id, env);
    expect(result.explicitAcks).toEqual([id]);
    const row = await env.DB.prepare("SELECT kind, reason, attempts FROM mail_dead_letters WHERE message_id = ?")
      .bind(id)
      .first();
    expect(row).toEqual({ kind: "unknown", reason: "retries exhausted", attempts: 2 });
  });
});
