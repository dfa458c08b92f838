/**
 * docs/design.md ("Invariants"), one test (or a small group) per invariant of the forgot/reset flow, all through the
 * Worker's real fetch, the real "email" queue and consumer, D1, KV and the user's SessionRegistry.
 * Faults and interleavings are forced with spies on the bindings the Worker itself uses (the test
 * isolate shares `env` and the module graph with the Worker and its Durable Objects).
 */

import { env, exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { readConfig } from "../../src/core/config";
import { emailKey } from "../../src/core/email-address";
import { verifyPassword } from "../../src/core/password-hash";
import { parseResetToken } from "../../src/core/password-reset-token";
import { newUserId } from "../../src/core/shards";
import worker from "../../src/dev/worker";
import type { EmailJob } from "../../src/domain/email-jobs";
import { resetTokenKey } from "../../src/storage/password-reset-tokens";
import { findUserByEmailIn } from "../../src/storage/users-by-email";
import {
  api,
  auditTrail,
  authtokenFor,
  BASE,
  json,
  mailbox,
  NEW_PASSWORD,
  randomIp,
  requestReset,
  resetPassword,
  resetTokenFor,
  STRONG_PASSWORD,
  shardForEmail,
  signIn,
  signUp,
  tokenFrom,
  uniqueEmail,
  waitForMail,
  whoAmI,
} from "../helpers";
import { tapD1 } from "../support/d1";

const MINUTE = 60_000;
const LINK_LIFETIME_MS = 60 * MINUTE;

/** Watches the Worker's queue handler (calls through) so a test can wait until given jobs were fully processed. */
function watchQueue() {
  const spy = vi.spyOn(worker, "queue");
  return {
    /** Resolves once `count` deliveries of jobs matching `match` were handed to the consumer and those batches finished. */
    async settled(match: (job: EmailJob) => boolean, count = 1): Promise<void> {
      const batchesWithMatch = () =>
        spy.mock.calls.flatMap(([batch], i) => (batch.messages.some((m) => match(m.body as EmailJob)) ? [i] : []));
      await vi.waitFor(
        () => {
          const seen = spy.mock.calls
            .flatMap(([batch]) => batch.messages)
            .filter((m) => match(m.body as EmailJob)).length;
          if (seen < count) throw new Error(`${seen} of ${count} jobs consumed`);
        },
        { timeout: 10_000, interval: 20 },
      );
      await Promise.all(batchesWithMatch().map((i) => spy.mock.results[i]?.value));
    },
  };
}

const forEmail = (email: string) => (job: EmailJob) => job.kind === "password_reset" && job.email === email;

/** The KV record behind a token, as the Worker stores it. */
async function kvRecord(token: string): Promise<{ userId: string; issuedAt: number } | null> {
  return env.KV.get(resetTokenKey(parseResetToken(token)!.tokenHash), "json");
}

/** The UPDATE writing a new password hash goes through `hook` first, in every shard. */
function interceptPasswordWrite(hook: () => Promise<void> | void) {
  return tapD1({
    match: (sql) => sql.includes("UPDATE users SET password_hash"),
    intercept: async (_call, proceed) => {
      await hook();
      return proceed();
    },
  });
}

/**
 * A flag that code running inside the Worker can wait on. Waiting polls with timers in the waiter's own
 * request context: resolving a promise across request contexts is not allowed in workerd.
 */
function flag() {
  let raised = false;
  return {
    raise: () => {
      raised = true;
    },
    get raised() {
      return raised;
    },
    async wait(): Promise<void> {
      const deadline = Date.now() + 10_000;
      while (!raised) {
        if (Date.now() > deadline) throw new Error("flag never raised");
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}

describe("invariant 1: a reset token works at most once", () => {
  // Attack: replaying one leaked/intercepted link in a burst of parallel requests, hoping two of them pass the
  // "unused" check before either marks the token used (classic TOCTOU double-spend).
  it("20 concurrent resets with one token: exactly one 200, nineteen 422/162, and the stored password is the winner's", async () => {
    const email = uniqueEmail("burst");
    await signUp(email);
    const token = await resetTokenFor(email);
    const record = (await kvRecord(token))!;
    const passwords = Array.from({ length: 20 }, (_, i) => `burst-passphrase-${i}-${crypto.randomUUID().slice(0, 8)}`);

    const responses = await Promise.all(passwords.map((password) => resetPassword(token, password)));
    const bodies = await Promise.all(responses.map((r) => json(r)));

    const winners = responses.flatMap((r, i) => (r.status === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    const losers = responses.map((r, i) => ({ status: r.status, body: bodies[i] })).filter((_, i) => i !== winners[0]);
    for (const loser of losers) {
      expect(loser.status).toBe(422);
      expect(loser.body).toMatchObject({
        error_code: 162,
        errors: { reset_password_token: ["is invalid or has expired."] },
      });
    }

    // Exactly one of the 20 passwords matches the stored hash, and it is the one the 200 answered.
    const user = (await findUserByEmailIn(env, [shardForEmail(email)], email))!;
    const pepper = readConfig(env).pepper;
    const matches = await Promise.all(
      passwords.map(async (p) => (await verifyPassword(p, user.passwordHash, pepper)).valid),
    );
    expect(matches.filter(Boolean)).toHaveLength(1);
    expect(matches.indexOf(true)).toBe(winners[0]);
    // Every loser's write batch carried audit rows too: only the winner's hash lets them land.
    expect(await auditTrail(user.id, /password_reset_completed|sessions_revoked/)).toEqual([
      "password_reset_completed",
      "sessions_revoked",
    ]);
    expect((await signIn(email, passwords[winners[0]!]!)).status).toBe(200);
    expect((await signIn(email, passwords[(winners[0]! + 1) % 20]!)).status).toBe(422);
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(422);

    // Later replay, with KV still serving the record (it is left to its TTL, as a lagging KV location would
    // also serve it): the registry alone must refuse the used token.
    expect(await kvRecord(token)).toEqual(record);
    const replay = await resetPassword(token, "replayed-later-passphrase");
    expect(replay.status).toBe(422);
    expect(await json(replay)).toMatchObject({ error_code: 162 });
    expect((await signIn(email, "replayed-later-passphrase")).status).toBe(422);
  });
});

describe("invariant 2: only the newest link works; a successful reset voids every outstanding link", () => {
  // Attack: an attacker who got hold of an older email (forwarded, in a compromised mailbox, in logs) uses it
  // after the owner asked for a fresh link.
  it("of two links the older is refused (162) and the newer works", async () => {
    const email = uniqueEmail("two-links");
    await signUp(email);
    // The first request two minutes ago (so the per-email limit of one a minute lets the second through).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() - 2 * MINUTE);
    const older = await resetTokenFor(email);
    vi.useRealTimers();
    const newer = await resetTokenFor(email);
    expect(newer).not.toBe(older);
    const records = [(await kvRecord(older))!, (await kvRecord(newer))!];
    expect(records[0]).not.toBeNull(); // KV still has the older one: the registry is what refuses it

    const refused = await resetPassword(older, "older-link-passphrase-1");
    expect(refused.status).toBe(422);
    expect(await json(refused)).toMatchObject({ error_code: 162 });
    expect((await resetPassword(newer)).status).toBe(200);
    // After the reset, neither link works any more, even where KV still serves their records.
    for (const [i, token] of [older, newer].entries()) {
      await env.KV.put(resetTokenKey(parseResetToken(token)!.tokenHash), JSON.stringify(records[i]), {
        expirationTtl: 3600,
      });
      const again = await resetPassword(token, "after-reset-passphrase-2");
      expect(again.status).toBe(422);
      expect(await json(again)).toMatchObject({ error_code: 162 });
    }
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });

  // Attack: while the owner is resetting, a second link is requested (by the attacker who knows the address, or
  // by the owner on another device); if it survived the reset, a link mailed before the change would still
  // open the account afterwards.
  it("a link issued while a reset is in progress is void once that reset succeeds", async () => {
    const email = uniqueEmail("concurrent-link");
    await signUp(email);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() - 2 * MINUTE);
    const first = await resetTokenFor(email);
    vi.useRealTimers();

    // Hold the reset between "registry began the reset" and "D1 written".
    const atWrite = flag();
    const release = flag();
    interceptPasswordWrite(async () => {
      atWrite.raise();
      await release.wait();
    });
    const resetting = resetPassword(first);
    await atWrite.wait();

    // A new link is requested and mailed while the first reset is still in flight.
    const second = await resetTokenFor(email);
    expect(second).not.toBe(first);
    release.raise();
    expect((await resetting).status).toBe(200);
    vi.restoreAllMocks();

    const late = await resetPassword(second, "late-link-passphrase-3");
    expect(late.status).toBe(422);
    expect(await json(late)).toMatchObject({ error_code: 162 });
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });
});

describe("invariant 3: a link older than 60 minutes never works, whatever KV says", () => {
  // Attack: using an old link found later (mail archive, shared computer); KV's TTL is lazy and eventually
  // consistent, so a record can outlive the hour — the server must check issuedAt itself.
  it("refused at 60 min + 1 s (KV still holding the record, even one claiming a fresh issuedAt), accepted at 59 min", async () => {
    const email = uniqueEmail("expiry");
    await signUp(email);
    const token = await resetTokenFor(email);
    // The same link as mailed before tokens named their user (invariant 16): the only form KV is read for.
    const legacy = token.slice(token.indexOf(".") + 1);
    const record = (await kvRecord(token))!;
    const issuedAt = record.issuedAt;

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(issuedAt + LINK_LIFETIME_MS + 1000);
    expect(await kvRecord(token)).toEqual(record); // KV has not expired it
    for (const form of [token, legacy]) {
      const late = await resetPassword(form, "late-passphrase-expired-1");
      expect(late.status).toBe(422);
      expect(await json(late)).toMatchObject({ error_code: 162 });
    }

    // A stale or tampered KV record claiming the token was issued just now must not revive the legacy form,
    // the one whose user KV names: the SessionRegistry's own issuedAt is the authority.
    const reads = vi.spyOn(env.KV, "get");
    await env.KV.put(
      resetTokenKey(parseResetToken(token)!.tokenHash),
      JSON.stringify({ userId: record.userId, issuedAt: Date.now() }),
      { expirationTtl: 3600 },
    );
    const lying = await resetPassword(legacy, "late-passphrase-expired-2");
    expect(lying.status).toBe(422);
    expect(await json(lying)).toMatchObject({ error_code: 162 });
    expect(reads.mock.calls.map(([key]) => key)).toContain(resetTokenKey(parseResetToken(legacy)!.tokenHash));
    expect((await signIn(email, "late-passphrase-expired-2")).status).toBe(422);

    // The same link within the hour still works, in its legacy form through KV: the refusals above were about
    // time and did not use it up.
    vi.setSystemTime(issuedAt + 59 * MINUTE);
    expect((await resetPassword(legacy)).status).toBe(200);
    vi.useRealTimers();
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });
});

describe("invariant 4: no session from before the reset survives it", () => {
  // Attack: an attacker already signed in with a stolen password keeps their session after the owner resets.
  it("sessions created before the reset are rejected after it", async () => {
    const email = uniqueEmail("sessions");
    await signUp(email);
    const tokens = [
      await authtokenFor(email, STRONG_PASSWORD, "laptop"),
      await authtokenFor(email, STRONG_PASSWORD, "phone"),
    ];
    for (const t of tokens) expect((await whoAmI(t)).status).toBe(200);
    expect((await resetPassword(await resetTokenFor(email))).status).toBe(200);
    for (const t of tokens) {
      const response = await whoAmI(t);
      expect(response.status).toBe(401);
      expect(await json(response)).toMatchObject({ error_code: 105 });
    }
    const fresh = await authtokenFor(email, NEW_PASSWORD);
    expect((await whoAmI(fresh)).status).toBe(200);
  });

  // Attack: an attacker holding the old password signs in at the very moment the owner resets, so that the
  // password check passes before the change and the session is created after the revocation.
  it("a sign-in that verified the old password cannot create a session after the reset (forced interleaving)", async () => {
    const email = uniqueEmail("forced-race");
    await signUp(email);
    const token = await resetTokenFor(email);

    // Hold every createSession until the reset has answered.
    const atCreate = flag();
    const resetDone = flag();
    const realGetByName = env.SESSION_REGISTRY.getByName.bind(env.SESSION_REGISTRY);
    vi.spyOn(env.SESSION_REGISTRY, "getByName").mockImplementation((name: string) => {
      const stub = realGetByName(name);
      return new Proxy(stub, {
        get(target, prop) {
          if (prop === "createSession") {
            return async (...args: Parameters<typeof stub.createSession>) => {
              atCreate.raise();
              await resetDone.wait();
              return target.createSession(...args);
            };
          }
          return Reflect.get(target, prop);
        },
      });
    });

    const racingSignIn = signIn(email, STRONG_PASSWORD); // the password check passes: D1 still has the old hash
    await atCreate.wait();
    expect((await resetPassword(token)).status).toBe(200);
    resetDone.raise();
    const response = await racingSignIn;
    expect(response.status).toBe(422);
    expect(await json(response)).toMatchObject({ error_code: 104 });
  });

  // Same attack as above, without forcing the order: many rounds of old-password sign-ins started at staggered
  // moments around a reset. Whatever interleaving happens, no token they return may work afterwards.
  it("old-password sign-ins racing a reset: no session they got survives it (many rounds)", async () => {
    const ROUNDS = 16;
    const users = await Promise.all(
      Array.from({ length: ROUNDS }, async (_, i) => {
        const email = uniqueEmail(`race${i}`);
        await signUp(email);
        return email;
      }),
    );
    const tokens = await Promise.all(users.map((email) => resetTokenFor(email)));
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    let signInsThatGotASession = 0;
    let signInsRefused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const email = users[round]!;
      // Four sign-ins per round (a fifth failure would lock the address and answer 429), started between
      // 35 ms before and ~25 ms after the reset, shifted a little every round.
      const offsets = [-35, -12 + (round % 6) * 2, (round % 8) * 2, 6 + (round % 10) * 2];
      const signIns = offsets.map(async (offset) => {
        await sleep(offset + 40); // the reset starts at t=40 ms on this scale
        return signIn(email, STRONG_PASSWORD);
      });
      const reset = sleep(40).then(() => resetPassword(tokens[round]!, `race-round-passphrase-${round}`));
      const [resetResponse, ...signInResponses] = await Promise.all([reset, ...signIns]);
      expect(resetResponse.status).toBe(200);
      for (const response of signInResponses) {
        // 429: another attempt on the same email was still being checked (one attempt per email at a time).
        expect([200, 422, 429]).toContain(response.status);
        if (response.status !== 200) {
          signInsRefused++;
          continue;
        }
        signInsThatGotASession++;
        const { authtoken } = (await json(response)).user;
        const check = await whoAmI(authtoken);
        expect(check.status, `round ${round}: a session from the old password survived the reset`).toBe(401);
      }
    }
    // The rounds must have exercised both sides, or the check above proved nothing.
    expect(signInsThatGotASession).toBeGreaterThan(0);
    expect(signInsRefused).toBeGreaterThan(0);
  }, 60_000);

  // The registry's own rule, without the Worker around it.
  it("the registry refuses createSession at a stale credential version once a reset has begun", async () => {
    const userId = newUserId(0);
    const registry = env.SESSION_REGISTRY.getByName(userId);
    const now = Date.now();
    const meta = { ip: "203.0.113.1", userAgent: "test", location: null };
    const before = await registry.createSession(userId, 0, meta, now);
    expect("token" in before).toBe(true);
    const issued = await registry.issueResetToken("req-1", now);
    if (!issued.ok) throw new Error("token refused");
    const begun = await registry.beginReset(issued.tokenHash, now);
    expect(begun).toEqual({ ok: true, credentialVersion: 1 });
    expect(await registry.createSession(userId, 0, meta, now)).toEqual({ ok: false, reason: "stale_credentials" });
    expect(await registry.validateSession((before as { sessionId: string }).sessionId, now)).toBeNull();
    expect("token" in (await registry.createSession(userId, 1, meta, now))).toBe(true);
  });
});

describe("invariant 5: forgot-password does not reveal whether an account exists", () => {
  // Attack: account enumeration — probing addresses and telling registered ones apart by status, headers or body.
  it("known and unknown emails: same status, headers and body, no account lookup in the request path, no email for the unknown one", async () => {
    const known = uniqueEmail("known");
    const unknown = uniqueEmail("nobody");
    await signUp(known);

    // Phase 1: the requests. Hold their queue jobs, and record every D1 statement bound meanwhile.
    const realSend = env.EMAIL_QUEUE.send.bind(env.EMAIL_QUEUE);
    const held: EmailJob[] = [];
    vi.spyOn(env.EMAIL_QUEUE, "send").mockImplementation(async (job: unknown) => {
      held.push(job as EmailJob);
      return undefined as unknown as QueueSendResponse;
    });
    const d1 = tapD1();
    const registries = vi.spyOn(env.SESSION_REGISTRY, "getByName");

    const [a, b] = await Promise.all([requestReset(known), requestReset(unknown)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(a.status);
    expect([...b.headers].sort()).toEqual([...a.headers].sort());
    expect(a.headers.get("set-cookie")).toBeNull();
    const [bodyA, bodyB] = [await a.text(), await b.text()];
    expect(bodyB).toBe(bodyA);
    expect(JSON.parse(bodyA)).toEqual({
      notice: "If this email address exists, we will send you an email with instructions for resetting your password.",
    });
    // Same work for both: one job each, of the same shape, and nothing that depends on the account (no user
    // lookup, no registry) before the answer — the timing cannot differ by existence.
    expect(held.map((job) => job.kind)).toEqual(["password_reset", "password_reset"]);
    expect(Object.keys(held[0]!).sort()).toEqual(Object.keys(held[1]!).sort());
    expect(held.map((job) => (job as { email: string }).email).sort()).toEqual([known, unknown].sort());
    // No D1 statement with either address or its key among its values (JSON arrays of addresses included;
    // statements of other tests' queue jobs may run meanwhile).
    const secrets = [known, unknown, emailKey(known), emailKey(unknown)];
    const aboutThem = d1.bound.filter(({ values }) =>
      secrets.some((secret) => JSON.stringify(values).includes(secret)),
    );
    expect(aboutThem).toEqual([]);
    expect(registries).not.toHaveBeenCalled();

    // Phase 2: hand exactly those jobs to the real queue; only the known address gets mail.
    vi.restoreAllMocks();
    const queue = watchQueue();
    for (const job of held) await realSend(job, { contentType: "json" });
    await queue.settled(forEmail(known));
    await queue.settled(forEmail(unknown));
    expect(await mailbox(known)).toHaveLength(1);
    expect(await mailbox(unknown)).toEqual([]);
  });
});

describe("invariant 6: the link's origin is APP_URL, never the request's Host", () => {
  // Attack: reset-link poisoning — the attacker submits the victim's address with Host / X-Forwarded-Host set to
  // their own domain; if the link were built from the request, the victim's click would send the token to them.
  it("a forgot request to evil.example with X-Forwarded-Host still mails an https://accounts.example.test link", async () => {
    const email = uniqueEmail("host");
    await signUp(email);
    const request = new Request("https://evil.example/v3/user/forgot_password", {
      method: "POST",
      headers: {
        host: "evil.example",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "http",
        forwarded: "host=evil.example;proto=http",
        "content-type": "application/json",
        "cf-connecting-ip": randomIp(),
      },
      body: JSON.stringify({ user: { email } }),
    });
    expect(request.headers.get("host")).toBe("evil.example");
    expect((await exports.default.fetch(request)).status).toBe(200);

    const [message] = await waitForMail(email);
    expect(BASE).toBe("https://accounts.example.test");
    expect(message!.text).toContain(`${BASE}/reset-password?token=${tokenFrom(message!)}`);
    const links = [...message!.text.matchAll(/https?:\/\/\S+/g), ...message!.html.matchAll(/href="([^"]+)"/g)].map(
      (m) => m[1] ?? m[0],
    );
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) expect(link.startsWith(`${BASE}/`)).toBe(true);
    expect(message!.text + message!.html).not.toContain("evil.example");
  });
});

describe("invariant 11: a refused reset attempt does not use up the token", () => {
  // Attack/abuse: a typo or a rejected password must not burn the link (which would let anyone who can make one
  // bad submission deny the owner their reset), and bad input must get the envelope, never a 500.
  it("mismatch, then too short, then the email itself as password, then the right one -> 200", async () => {
    const email = uniqueEmail("refusals");
    await signUp(email);
    const token = await resetTokenFor(email);

    const mismatch = await resetPassword(token, NEW_PASSWORD, `${NEW_PASSWORD}x`);
    expect(mismatch.status).toBe(422);
    expect(await json(mismatch)).toMatchObject({
      error_code: 141,
      errors: { password_confirmation: ["doesn't match password."] },
    });

    const short = await resetPassword(token, "short-pass");
    expect(short.status).toBe(422);
    expect(await json(short)).toMatchObject({
      error_code: 142,
      errors: { password: ["must be at least 15 characters long."] },
    });

    const same = await resetPassword(token, email);
    expect(same.status).toBe(422);
    expect(await json(same)).toMatchObject({ error_code: 142 });

    const ok = await resetPassword(token);
    expect(ok.status).toBe(200);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });
});

describe("invariant 10: a reset that fails midway leaves no live old session and can be retried", () => {
  // Attack/fault: D1 fails right after the registry revoked sessions. If the order were the other way round, or
  // the failure rolled the revocation back, an attacker's session (or the stolen old password) would live on.
  it("D1 password write fails once: 503 envelope, old sessions revoked, old password refused; retry succeeds", async () => {
    const email = uniqueEmail("d1-down");
    await signUp(email);
    const oldSession = await authtokenFor(email, STRONG_PASSWORD);
    const token = await resetTokenFor(email);

    let failures = 0;
    interceptPasswordWrite(() => {
      if (failures++ === 0) throw new Error("D1_ERROR: simulated outage");
    });
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = await resetPassword(token);
    expect(failed.status).toBe(503);
    expect(await json(failed)).toEqual({
      error_message: "Your password could not be changed right now. Please try again in a moment with the same link.",
      error_code: 503,
      errors: {},
    });
    expect(failures).toBe(1);
    expect(errorLog).toHaveBeenCalled();

    // Midway state: the password in D1 is still the old one, yet nothing can use it.
    const oldCheck = await whoAmI(oldSession);
    expect(oldCheck.status).toBe(401);
    const oldSignIn = await signIn(email, STRONG_PASSWORD);
    expect(oldSignIn.status).toBe(422);
    expect(await json(oldSignIn)).toMatchObject({ error_code: 104 });
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(422);

    // Retrying with the same link completes the reset.
    const retried = await resetPassword(token);
    expect(retried.status).toBe(200);
    // The retry went through the same (now healthy) write.
    expect(failures).toBe(2);
    const fresh = await authtokenFor(email, NEW_PASSWORD);
    expect((await whoAmI(fresh)).status).toBe(200);
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(422);
    expect((await resetPassword(token, "third-time-passphrase-9")).status).toBe(422);
  });
});

describe("invariant 10: the session registry unreachable", () => {
  // Fault: the user's Durable Object cannot be reached. Nothing may change: the password stays, the token stays
  // usable, and the answer is the retryable 503 envelope rather than a 500.
  it("beginReset throws: 503 envelope, password unchanged, the same link works afterwards", async () => {
    const email = uniqueEmail("do-down");
    await signUp(email);
    const token = await resetTokenFor(email);
    const realGetByName = env.SESSION_REGISTRY.getByName.bind(env.SESSION_REGISTRY);
    const getByName = vi.spyOn(env.SESSION_REGISTRY, "getByName").mockImplementation((name: string) => {
      const stub = realGetByName(name);
      return new Proxy(stub, {
        get(target, property) {
          if (property === "beginReset")
            return () => Promise.reject(new Error("Durable Object unreachable (simulated)"));
          // RPC stubs hand out callable method stubs; binding them would itself be sent as an RPC ("bind").
          return Reflect.get(target, property);
        },
      });
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = await resetPassword(token);
    expect(failed.status).toBe(503);
    expect(await json(failed)).toMatchObject({ error_code: 503, errors: {} });
    getByName.mockRestore();

    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(200);
    expect((await resetPassword(token)).status).toBe(200);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });
});

describe("per-email limit on reset emails", () => {
  // Attack: mail bombing — flooding one address with reset emails; and enumeration/spam through unknown addresses.
  it("two requests within 60 s for one email: both 200, one email; an unknown email is never mailed", async () => {
    const email = uniqueEmail("limit");
    const unknown = uniqueEmail("limit-nobody");
    await signUp(email);
    const queue = watchQueue();

    const responses = await Promise.all([
      requestReset(email),
      requestReset(email),
      requestReset(unknown),
      requestReset(unknown),
    ]);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    for (const r of responses) expect(r.status).toBe(200);
    expect(new Set(bodies).size).toBe(1);

    await queue.settled(forEmail(email), 2);
    await queue.settled(forEmail(unknown), 2);
    expect(await mailbox(email)).toHaveLength(1);
    expect(await mailbox(unknown)).toEqual([]);
    // And the single email carries a working link.
    expect((await resetPassword(tokenFrom((await mailbox(email))[0]!))).status).toBe(200);
  });
});

/** Sanity check of this file's own machinery: the API answers with the envelope for a malformed token. */
describe("envelope for a malformed token", () => {
  it("a token of the wrong shape is 422/162, not a 500", async () => {
    const response = await api("/v3/user/reset_password", {
      body: {
        user: { reset_password_token: "../../etc/passwd", password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
      },
    });
    expect(response.status).toBe(422);
    expect(await json(response)).toMatchObject({ error_code: 162 });
  });
});
