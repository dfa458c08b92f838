/**
 * SessionRegistry, the per-user Durable Object that is the authority on sessions, the credential version
 * and reset tokens. Called through real stubs (`getByName(userId)`, RPC) like the Worker does; storage is
 * inspected with runInDurableObject and the cleanup alarm is run with runDurableObjectAlarm.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { hashSecret } from "../../src/core/secrets";
import { newUserId } from "../../src/core/shards";
import { linkFate } from "../../src/durable/password-reset-rules";
import type { SessionRegistry } from "../../src/durable/session-registry";

const DAY = 86_400_000;
const SIXTY_MINUTES = 60 * 60 * 1000; // a reset link's lifetime (invariant 3)
const IDLE_MS = 30 * DAY; // SESSION_IDLE_DAYS = 30 (wrangler.toml)
const MAX_AGE_MS = 30 * DAY; // a session's overall limit (docs/design.md, "Session lifetime")
const MAX_SESSIONS = 20; // MAX_SESSIONS_PER_USER = 20 (wrangler.toml)
const meta = { ip: "192.0.2.10", userAgent: "vitest", location: null };

function registry() {
  const userId = newUserId(0);
  return { userId, stub: env.SESSION_REGISTRY.getByName(userId) };
}

async function create(stub: DurableObjectStub<SessionRegistry>, userId: string, now: number, version = 0) {
  const result = await stub.createSession(userId, version, meta, now);
  if (!("token" in result)) throw new Error(`session refused: ${JSON.stringify(result)}`);
  return result;
}

/**
 * Would beginReset accept this token now, with D1 at `d1Version`? Asked inside the object: its read-only
 * status, judged by the same rule the reset uses (linkFate).
 */
function usable(stub: DurableObjectStub<SessionRegistry>, tokenHash: string, now: number, d1Version = 0) {
  return runInDurableObject(
    stub,
    (instance: SessionRegistry) =>
      linkFate(instance.resetTokenStatus(tokenHash, now), d1Version, SIXTY_MINUTES).fate === "usable",
  );
}

/** Issues the token of a request, failing the test if the registry refuses. */
async function issue(stub: DurableObjectStub<SessionRegistry>, requestId: string, issuedAt: number) {
  const result = await stub.issueResetToken(requestId, issuedAt);
  if (!result.ok) throw new Error(`token refused: ${JSON.stringify(result)}`);
  return result;
}

async function storedSessionIds(stub: DurableObjectStub<SessionRegistry>): Promise<string[]> {
  return runInDurableObject(stub, (_instance, state) =>
    state.storage.sql
      .exec<{ id: string }>("SELECT id FROM sessions ORDER BY created_at")
      .toArray()
      .map((r) => r.id),
  );
}

describe("sessions", () => {
  // Abuse: unbounded session growth per account (storage exhaustion, a stolen password farming sessions).
  it(`the ${MAX_SESSIONS + 1}st session evicts the oldest`, async () => {
    const { userId, stub } = registry();
    const t0 = Date.now();
    const sessions = [];
    for (let i = 0; i <= MAX_SESSIONS; i++) sessions.push(await create(stub, userId, t0 + i * 1000));

    const stored = await storedSessionIds(stub);
    expect(stored).toHaveLength(MAX_SESSIONS);
    expect(stored).toEqual(sessions.slice(1).map((s) => s.sessionId));
    const now = t0 + MAX_SESSIONS * 1000;
    expect(await stub.validateSession(sessions[0]!.sessionId, now)).toBeNull();
    expect(await stub.validateSession(sessions[1]!.sessionId, now)).toMatchObject({
      id: sessions[1]!.sessionId,
      createdAt: t0 + 1000,
    });
    expect((await stub.listSessions(now)).map((s) => s.id)).toEqual(
      sessions
        .slice(1)
        .reverse()
        .map((s) => s.sessionId),
    );
  });

  // "Sign out everywhere" after a suspected compromise must end every session at once.
  it("revokeAllSessions removes every session and returns the count", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const sessions = [
      await create(stub, userId, now),
      await create(stub, userId, now + 1),
      await create(stub, userId, now + 2),
    ];
    expect(await stub.revokeAllSessions("signed_out_everywhere", Date.now())).toBe(3);
    expect(await stub.listSessions(now + 3)).toEqual([]);
    // Revocation is one epoch bump; the dead rows are deleted by the alarm right after.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await storedSessionIds(stub)).toEqual([]);
    for (const s of sessions) expect(await stub.validateSession(s.sessionId, now + 3)).toBeNull();
    expect(await stub.revokeAllSessions("signed_out_everywhere", Date.now())).toBe(0);
  });

  it("revokeOtherSessions keeps only the given session and returns how many ended", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const sessions = [];
    for (let i = 0; i < 4; i++) sessions.push(await create(stub, userId, now + i));
    const keep = sessions[2]!.sessionId;
    expect(await stub.revokeOtherSessions(keep, Date.now())).toBe(3);
    expect((await stub.listSessions(now + 10)).map((x) => x.id)).toEqual([keep]);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await storedSessionIds(stub)).toEqual([keep]);
    expect(await stub.validateSession(keep, now + 10)).not.toBeNull();
  });

  // Abuse: a session token left on a shared or lost device must not work forever.
  it("validateSession returns null after the idle period and deletes the row; activity slides the window", async () => {
    const { userId, stub } = registry();
    const t0 = Date.now();
    const idle = await create(stub, userId, t0);
    const active = await create(stub, userId, t0);

    // Just inside the window: still valid, and the touch moves last-seen forward.
    expect(await stub.validateSession(active.sessionId, t0 + IDLE_MS - 1)).toMatchObject({
      lastSeenAt: t0 + IDLE_MS - 1,
    });
    // 30 days without use: gone, and removed from storage.
    expect(await stub.validateSession(idle.sessionId, t0 + IDLE_MS)).toBeNull();
    expect(await storedSessionIds(stub)).toEqual([active.sessionId]);
    // Still valid on its last day; SESSION_IDLE_DAYS equals the overall limit, so the overall limit ends it.
    expect(await stub.validateSession(active.sessionId, t0 + MAX_AGE_MS - 1)).not.toBeNull();
  });

  // Abuse: a stolen session kept alive by use (a script that calls the API daily) must still end. NIST SP
  // 800-63B section 2.1.3: a definite overall timeout, 30 days at AAL1, whatever the activity.
  it("validateSession ends a session 30 days after its creation however often it is used, saying so once", async () => {
    const { userId, stub } = registry();
    const t0 = Date.now();
    const session = await create(stub, userId, t0);
    for (let day = 1; day < 30; day++)
      expect(await stub.validateSession(session.sessionId, t0 + day * DAY)).not.toBeNull();
    expect(await stub.validateSession(session.sessionId, t0 + MAX_AGE_MS - 1)).not.toBeNull();
    expect(await stub.listSessions(t0 + MAX_AGE_MS - 1)).toHaveLength(1);
    expect(await stub.listSessions(t0 + MAX_AGE_MS)).toEqual([]);
    expect(await stub.validateSession(session.sessionId, t0 + MAX_AGE_MS)).toEqual({ ended: "too_old" });
    expect(await storedSessionIds(stub)).toEqual([]);
    expect(await stub.validateSession(session.sessionId, t0 + MAX_AGE_MS + 1)).toBeNull();
  });

  it("the alarm deletes sessions past the overall limit though used, and comes back at the next one's", async () => {
    const { userId, stub } = registry();
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    const old = await create(stub, userId, t0);
    const recent = await create(stub, userId, t0 + 10 * DAY);
    for (const day of [10, 20, 29]) expect(await stub.validateSession(old.sessionId, t0 + day * DAY)).not.toBeNull();
    vi.setSystemTime(t0 + MAX_AGE_MS + 1000);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await storedSessionIds(stub)).toEqual([recent.sessionId]);
    expect(await runInDurableObject(stub, (_i, state) => state.storage.getAlarm())).toBe(t0 + 10 * DAY + MAX_AGE_MS);
  });

  it("the alarm deletes idle sessions and reschedules itself for the remaining ones", async () => {
    const { userId, stub } = registry();
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    const old = await create(stub, userId, t0);
    const recent = await create(stub, userId, t0 + 10 * DAY);
    const alarmAt = await runInDurableObject(stub, (_i, state) => state.storage.getAlarm());
    expect(alarmAt).toBe(t0 + IDLE_MS);

    vi.setSystemTime(t0 + IDLE_MS + 1000); // Date.now() inside the object follows the fake clock
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await storedSessionIds(stub)).toEqual([recent.sessionId]);
    expect(await stub.validateSession(old.sessionId, Date.now())).toBeNull();
    expect(await runInDurableObject(stub, (_i, state) => state.storage.getAlarm())).toBe(t0 + 10 * DAY + IDLE_MS);
  });
});

describe("reset-token authority", () => {
  // Fault: at-least-once queue delivery runs issueResetToken twice for one request; both runs must yield the same
  // token, or the user could get two different links from one request.
  it("issueResetToken is idempotent per requestId", async () => {
    const { stub } = registry();
    const now = Date.now();
    const a = await issue(stub, "req-a", now);
    const again = await issue(stub, "req-a", now);
    expect(again).toEqual(a);
    expect(a.tokenHash).toBe(hashSecret(a.secret));
    expect(a.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  // Attack: an older link (leaked mailbox, forwarded mail) used after the owner asked for a fresh one.
  it("the newest request supersedes older ones; an older request processed after a newer one is refused", async () => {
    const { stub } = registry();
    const now = Date.now();
    const older = await issue(stub, "req-1", now);
    const newer = await issue(stub, "req-2", now + 1000);
    expect(newer.secret).not.toBe(older.secret);
    expect(await usable(stub, older.tokenHash, now + 2000)).toBe(false);
    expect(await usable(stub, newer.tokenHash, now + 2000)).toBe(true);
    expect(await stub.beginReset(older.tokenHash, now + 2000)).toEqual({ ok: false, reason: "invalid" });

    // A request made before req-2 but whose job runs late gets no token, and does not displace req-2.
    expect(await stub.issueResetToken("req-0", now - 1000)).toEqual({ ok: false, reason: "superseded" });
    expect(await usable(stub, newer.tokenHash, now + 2000)).toBe(true);
    // A retry of the superseded req-1 gets nothing either.
    expect(await stub.issueResetToken("req-1", now)).toEqual({ ok: false, reason: "superseded" });
  });

  // Fault: D1 fails after beginReset. Retrying must be possible with the same token, at the same version, and
  // completeCredentialChange must make the token single-use.
  // Abuse: mail-bombing one account through forgot-password. The limit is exact and lives in the account's
  // registry; a retried job (same request id) is never refused by its own count, and a refused one is not counted.
  it("issueResetToken with limits: one a minute, five an hour, retries counted once", async () => {
    const { stub } = registry();
    const limits = [
      { ms: 60_000, max: 1 },
      { ms: 3_600_000, max: 5 },
    ];
    const t0 = Date.now();
    expect((await stub.issueResetToken("r0", t0, limits)).ok).toBe(true);
    expect(await stub.issueResetToken("r0-again", t0 + 30_000, limits)).toEqual({ ok: false, reason: "limited" });
    expect((await stub.issueResetToken("r0", t0, limits)).ok).toBe(true); // the retry of r0
    for (let i = 1; i <= 4; i++) expect((await stub.issueResetToken(`r${i}`, t0 + i * 61_000, limits)).ok).toBe(true);
    // Five in the hour: the sixth is refused until the first is an hour old.
    expect(await stub.issueResetToken("r5", t0 + 5 * 61_000, limits)).toEqual({ ok: false, reason: "limited" });
    expect((await stub.issueResetToken("r6", t0 + 3_600_000, limits)).ok).toBe(true);
    // Old rows are pruned: the table holds what the windows still need.
    const rows = await runInDurableObject(
      stub,
      (_i, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM reset_requests").one().n,
    );
    expect(rows).toBe(5);
  });

  it("beginPasswordChange keeps the given session, ends the others, and needs that session live", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const kept = await create(stub, userId, now);
    const other = await create(stub, userId, now);
    expect(await stub.beginPasswordChange("no-such-session", now, 0)).toEqual({ ok: false, reason: "not_signed_in" });
    expect(await stub.beginPasswordChange(kept.sessionId, now + 1, 0)).toEqual({ ok: true, credentialVersion: 1 });
    expect(await stub.validateSession(kept.sessionId, now + 2)).not.toBeNull();
    expect(await stub.validateSession(other.sessionId, now + 2)).toBeNull();
    // Repeatable until completed (its D1 write failed): the same version, nothing more ended.
    expect(await stub.beginPasswordChange(kept.sessionId, now + 3, 0)).toEqual({ ok: true, credentialVersion: 1 });
    expect(await stub.validateSession(kept.sessionId, now + 4)).not.toBeNull();
    // A sign-in that verified the old password cannot get a session any more.
    expect(await stub.createSession(userId, 0, meta, now + 5)).toEqual({ ok: false, reason: "stale_credentials" });
  });

  // Attack: someone holding a session and the password starts a change on /account whose D1 write fails (or
  // is slow). The owner's reset by link must still end that session.
  it("a reset by link ends the session a pending /account change kept", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const attacker = await create(stub, userId, now);
    const { tokenHash } = await issue(stub, "req-1", now);
    expect((await stub.beginPasswordChange(attacker.sessionId, now + 1, 0)).ok).toBe(true);
    expect(await stub.validateSession(attacker.sessionId, now + 2)).not.toBeNull();
    expect(await stub.beginReset(tokenHash, now + 3, 0)).toEqual({ ok: true, credentialVersion: 1 });
    expect(await stub.validateSession(attacker.sessionId, now + 4)).toBeNull();
  });

  // Fault: the completion after the response is dropped (the isolate went away). The held notice goes out when
  // the next sign-in brings D1's version, which shows the change committed.
  it("a change whose completion was lost is finished, and its notice sent, by the next sign-in", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const send = await runInDurableObject(stub, (instance) =>
      vi.spyOn((instance as unknown as { env: Env }).env.EMAIL_QUEUE, "send").mockResolvedValue(undefined as never),
    );
    const { tokenHash } = await issue(stub, "req-1", now);
    const notice = { kind: "password_changed", requestId: "n-1", userId, changedAt: now, ip: null, userAgent: null };
    expect((await stub.beginReset(tokenHash, now + 1, 0, notice)).ok).toBe(true);
    // D1 now holds version 1; nobody calls completeCredentialChange. A sign-in with the new password reads version 1.
    await create(stub, userId, now + 2, 1);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith(notice, { contentType: "json" }), { timeout: 5000 });
    expect(await usable(stub, tokenHash, now + 3, 1)).toBe(false);
  });

  it("beginReset is repeatable until completeCredentialChange; completeCredentialChange voids the token", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const session = await create(stub, userId, now);
    const { tokenHash } = await issue(stub, "req-1", now);

    expect(await stub.beginReset(tokenHash, now + 1)).toEqual({ ok: true, credentialVersion: 1 });
    expect(await stub.validateSession(session.sessionId, now + 1)).toBeNull(); // revoked at begin
    expect(await stub.beginReset(tokenHash, now + 2)).toEqual({ ok: true, credentialVersion: 1 }); // same version, not 2
    expect(await stub.credentialVersion()).toBe(1);

    await stub.completeCredentialChange(now + 3, 0); // not the pending version: a late call finishes nothing
    expect(await stub.beginReset(tokenHash, now + 3)).toEqual({ ok: true, credentialVersion: 1 });
    await stub.completeCredentialChange(now + 3, 1);
    expect(await stub.beginReset(tokenHash, now + 4)).toEqual({ ok: false, reason: "invalid" });
    expect(await usable(stub, tokenHash, now + 4)).toBe(false);
    expect(await stub.credentialVersion()).toBe(1);

    // The next reset moves to the next version.
    const next = await issue(stub, "req-2", now + 5);
    expect(await stub.beginReset(next.tokenHash, now + 6)).toEqual({ ok: true, credentialVersion: 2 });
  });

  // Attack: a link requested before a password change (e.g. the attacker's own request, mailed to a mailbox they
  // read) must not survive the change made by the owner.
  it("a token issued before the last password change is refused", async () => {
    const { stub } = registry();
    const t0 = Date.now();
    const first = await issue(stub, "req-1", t0);
    expect((await stub.beginReset(first.tokenHash, t0 + 1000)).ok).toBe(true);
    await stub.completeCredentialChange(t0 + 1000, 1);

    // A request made before the change, processed after it (late queue job): no token.
    expect(await stub.issueResetToken("req-late", t0 + 500)).toEqual({ ok: false, reason: "superseded" });
    expect(await stub.issueResetToken("req-1", t0)).toEqual({ ok: false, reason: "superseded" });

    // Defence in depth: even if a stored token predates the recorded password change, it is refused.
    const second = await issue(stub, "req-2", t0 + 2000);
    expect(await usable(stub, second.tokenHash, t0 + 3000)).toBe(true);
    await runInDurableObject(stub, (_i, state) => {
      state.storage.sql.exec("UPDATE state SET password_changed_at = ?", t0 + 2500);
    });
    expect(await usable(stub, second.tokenHash, t0 + 3000)).toBe(false);
    expect(await stub.beginReset(second.tokenHash, t0 + 3000)).toEqual({ ok: false, reason: "invalid" });
  });

  // Attack: an old link used after its hour, whatever KV says (the registry keeps its own issuedAt).
  it("a token is refused 60 minutes after its request, accepted just before", async () => {
    const { stub } = registry();
    const t0 = Date.now();
    const { tokenHash } = await issue(stub, "req-1", t0);
    expect(await stub.beginReset(tokenHash, t0 + SIXTY_MINUTES)).toEqual({ ok: false, reason: "expired" });
    expect(await usable(stub, tokenHash, t0 + SIXTY_MINUTES - 1)).toBe(true);
    expect((await stub.beginReset(tokenHash, t0 + SIXTY_MINUTES - 1)).ok).toBe(true);
  });

  // Invariant 4 at the source: once a reset has begun, no sign-in that verified the old password gets a session.
  it("createSession at the old credential version is refused once a reset has begun", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const { tokenHash } = await issue(stub, "req-1", now);
    await stub.beginReset(tokenHash, now);
    expect(await stub.createSession(userId, 0, meta, now)).toEqual({ ok: false, reason: "stale_credentials" });
    expect(await storedSessionIds(stub)).toEqual([]);
    const fresh = await create(stub, userId, now, 1);
    expect(await stub.validateSession(fresh.sessionId, now)).not.toBeNull();
  });
});

describe("sign out other sessions racing a reset (invariant 15)", () => {
  // Attack: with a stolen cookie, spam "sign out other sessions" so that one call lands right after the
  // victim's reset revoked everything; carrying the (revoked) kept session into the new epoch would revive it.
  it("a reset and a sign-out of the others sent at once, in many rounds: nothing revoked comes back", async () => {
    const ROUNDS = 24;
    const orders = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const { userId, stub } = registry();
      const now = Date.now();
      const stolen = await create(stub, userId, now);
      const victim = await create(stub, userId, now);
      const { tokenHash } = await issue(stub, `req-${round}`, now);
      // Both calls in flight together, neither awaited before the other is sent; which is sent first alternates,
      // and a random pause of 0–2 ms before each lets the runtime deliver them either way.
      const pause = () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));
      const reset = async () => {
        await pause();
        return stub.beginReset(tokenHash, now + 1, 0);
      };
      const signOut = async () => {
        await pause();
        return stub.revokeOtherSessions(stolen.sessionId, now + 1);
      };
      // Properties are evaluated in source order: this is what is sent first.
      const inFlight =
        round % 2 === 0 ? { reset: reset(), signOut: signOut() } : { signOut: signOut(), reset: reset() };
      const [began, ended] = await Promise.all([inFlight.reset, inFlight.signOut]);
      expect(began).toEqual({ ok: true, credentialVersion: 1 });
      // 1: the sign-out landed first (it ended the victim's session); 0: after the reset (nothing was live).
      expect([0, 1]).toContain(ended);
      orders.add(ended === 1 ? "sign-out first" : "reset first");

      for (const session of [stolen, victim]) expect(await stub.validateSession(session.sessionId, now + 2)).toBeNull();
      expect(await stub.listSessions(now + 2)).toEqual([]);
      // A later sign-out of the others from the stolen cookie revives nothing either.
      expect(await stub.revokeOtherSessions(stolen.sessionId, now + 3)).toBe(0);
      expect(await stub.validateSession(stolen.sessionId, now + 3)).toBeNull();
    }
    // Both interleavings happened, so the rounds tested the race and not one fixed order.
    expect([...orders].sort()).toEqual(["reset first", "sign-out first"]);
  });
});

describe("live sign-out sockets", () => {
  // Cost: every open tab pings every 30 s; answering in webSocketMessage would wake the object and bill
  // duration each time. The runtime's auto-response answers without waking it.
  it("pings are answered by the runtime's auto-response", async () => {
    const { stub } = registry();
    const pair = await runInDurableObject(stub, (_instance, state) => state.getWebSocketAutoResponse());
    expect(pair?.request).toBe("ping");
    expect(pair?.response).toBe("pong");
  });
});

describe("the outbox (invariant 8)", () => {
  // Fault: the queue refuses the "password changed" notice just after a reset. The owner must still hear of it.
  it("keeps a message until the queue accepts it, retrying after a refusal", async () => {
    const { userId, stub } = registry();
    await create(stub, userId, Date.now());
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const send = await runInDurableObject(stub, (instance) => {
      const queue = (instance as unknown as { env: Env }).env.EMAIL_QUEUE;
      return vi.spyOn(queue, "send").mockRejectedValueOnce(new Error("Queue send failed (simulated)"));
    });
    const message = {
      kind: "password_changed",
      requestId: `outbox-${userId}`,
      userId,
      changedAt: Date.now(),
      ip: null,
      userAgent: null,
    };
    const { tokenHash } = await issue(stub, "req-outbox", Date.now());
    // Held from the moment the change begins, sent once it completes; a repeated begin keeps one copy (its own).
    expect((await stub.beginReset(tokenHash, Date.now(), 0, message)).ok).toBe(true);
    const latest = { ...message, requestId: "another" };
    expect((await stub.beginReset(tokenHash, Date.now(), 0, latest)).ok).toBe(true);
    const outbox = () =>
      runInDurableObject(stub, (_i, state) =>
        state.storage.sql.exec("SELECT body, held_version FROM outbox").toArray(),
      );
    // Held: the alarm, the only thing that sends, runs now and sends nothing; one row, the latest attempt's.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(send).not.toHaveBeenCalled();
    expect(await outbox()).toEqual([{ body: JSON.stringify(latest), held_version: 1 }]);
    await stub.completeCredentialChange(Date.now(), 1);
    await vi.waitFor(async () => expect(await outbox()).toEqual([]), { timeout: 10_000, interval: 100 });
    // One copy, the latest attempt's; the queue refused it once, so it was sent twice.
    expect(send.mock.calls.map(([body]) => body)).toEqual([latest, latest]);
    expect(errors.mock.calls.map(([line]) => JSON.parse(String(line)).event)).toContain("outbox_send_failed");
  });
});
