/**
 * The registry's lock-down and email change (durable/registry-recovery.ts), called directly: one atomic step
 * ends every session, voids reset links, drops or reverts an email change and holds sign-in until a reset.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newUserId } from "../../src/core/shards";
import { linkFate } from "../../src/durable/password-reset-rules";
import type { SessionRegistry } from "../../src/durable/session-registry";

const DAY = 86_400_000;
const SIXTY_MINUTES = 60 * 60 * 1000; // the confirmation link's lifetime, as issue 26 states it
const SEVEN_DAYS = 7 * DAY; // the revert link's and the "this wasn't me" link's lifetime
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

function usable(stub: DurableObjectStub<SessionRegistry>, tokenHash: string, now: number) {
  return runInDurableObject(
    stub,
    (instance: SessionRegistry) =>
      linkFate(instance.resetTokenStatus(tokenHash, now), 0, SIXTY_MINUTES).fate === "usable",
  );
}

const change = (changeId: string) => ({ changeId, oldEmail: "old@example.com", newEmail: "new@example.com" });

describe("lock-down", () => {
  it("ends every session, voids the reset link, and refuses sign-in until a reset by link completes", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const a = await create(stub, userId, now);
    const b = await create(stub, userId, now);
    const issued = await stub.issueResetToken("req-1", now);
    if (!issued.ok) throw new Error("token refused");

    const result = await stub.lockDown({ issuedAt: now }, now + 1);
    expect(result).toEqual({ ok: true, sessionsEnded: 2, reverted: null, droppedPending: false });
    expect(await stub.validateSession(a.sessionId, now + 2)).toBeNull();
    expect(await stub.validateSession(b.sessionId, now + 2)).toBeNull();
    expect(await usable(stub, issued.tokenHash, now + 2)).toBe(false);
    // Whoever knows the password cannot sign in, at any version.
    expect(await stub.createSession(userId, 0, meta, now + 3)).toEqual({ ok: false, reason: "reset_required" });
    expect(await stub.createSession(userId, 4, meta, now + 3)).toEqual({ ok: false, reason: "reset_required" });

    // A link asked for after the lock-down works, and its completed reset lifts the hold.
    const fresh = await stub.issueResetToken("req-2", now + 4);
    if (!fresh.ok) throw new Error("token refused");
    expect(await stub.beginReset(fresh.tokenHash, now + 5, 0)).toEqual({ ok: true, credentialVersion: 1 });
    expect(await stub.resetRequired()).toBe(true);
    await stub.completeCredentialChange(now + 6, 1);
    expect(await stub.resetRequired()).toBe(false);
    await create(stub, userId, now + 7, 1);
  });

  it("a password change on /account does not lift the hold (only a reset by link proves the mailbox)", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const kept = await create(stub, userId, now);
    expect((await stub.beginPasswordChange(kept.sessionId, now + 1, 0)).ok).toBe(true);
    expect((await stub.lockDown({ issuedAt: now }, now + 2)).ok).toBe(true);
    await stub.completeCredentialChange(now + 3, 1);
    expect(await stub.resetRequired()).toBe(true);
  });

  it("a link works once, and not after 7 days", async () => {
    const { stub } = registry();
    const now = Date.now();
    expect((await stub.lockDown({ issuedAt: now }, now + 1)).ok).toBe(true);
    expect(await stub.lockDown({ issuedAt: now }, now + 2)).toEqual({ ok: false, reason: "used" });
    // A link of an older notice is spent too: the lock-down has done what it would do.
    expect(await stub.lockDown({ issuedAt: now - 1 }, now + 2)).toEqual({ ok: false, reason: "used" });
    // A newer notice's link works again.
    expect((await stub.lockDown({ issuedAt: now + 3 }, now + 4)).ok).toBe(true);
    expect(await stub.lockDown({ issuedAt: now + 5 }, now + 5 + SEVEN_DAYS + 1)).toEqual({
      ok: false,
      reason: "expired",
    });
  });
});

describe("email change", () => {
  it("is asked from a live session only, and confirmed once within 60 minutes", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    expect(await stub.askEmailChange(change("c-0"), "no-such-session", now, [])).toBe(false);
    const session = await create(stub, userId, now);
    expect(await stub.askEmailChange(change("c-1"), session.sessionId, now, [])).toBe(true);
    expect(await stub.confirmEmailChange("c-1", now + SIXTY_MINUTES + 1)).toEqual({ ok: false });
    expect(await stub.askEmailChange(change("c-2"), session.sessionId, now, [])).toBe(true);
    // Asking again replaces the older link.
    expect(await stub.confirmEmailChange("c-1", now + 1)).toEqual({ ok: false });
    expect(await stub.confirmEmailChange("c-2", now + SIXTY_MINUTES)).toEqual({ ok: true, change: change("c-2") });
    expect(await stub.confirmEmailChange("c-2", now + 2)).toEqual({ ok: false });
  });

  it("once D1 made it, every other session ends; the one that asked stays", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const asking = await create(stub, userId, now);
    const other = await create(stub, userId, now);
    await stub.askEmailChange(change("c-1"), asking.sessionId, now, []);
    expect((await stub.confirmEmailChange("c-1", now + 1)).ok).toBe(true);
    expect(await stub.settleEmailChange("c-1", true, now + 2)).toBe(1);
    expect(await stub.validateSession(asking.sessionId, now + 3)).not.toBeNull();
    expect(await stub.validateSession(other.sessionId, now + 3)).toBeNull();
  });

  it("a revert link reverts its change once: a second use is refused", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const session = await create(stub, userId, now);
    await stub.askEmailChange(change("c-1"), session.sessionId, now, []);
    await stub.confirmEmailChange("c-1", now + 1);
    await stub.settleEmailChange("c-1", true, now + 1);
    const link = { issuedAt: now + 1, revertChangeId: "c-1" };
    expect(await stub.lockDown(link, now + 2)).toEqual({
      ok: true,
      sessionsEnded: 1,
      reverted: change("c-1"),
      droppedPending: false,
    });
    expect(await stub.lockDown(link, now + 3)).toEqual({ ok: false, reason: "used" });
  });

  it("a lock-down drops a pending change: its confirmation link stops working", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const session = await create(stub, userId, now);
    await stub.askEmailChange(change("c-1"), session.sessionId, now, []);
    expect(await stub.lockDown({ issuedAt: now }, now + 1)).toMatchObject({ ok: true, droppedPending: true });
    expect(await stub.confirmEmailChange("c-1", now + 2)).toEqual({ ok: false });
  });

  it("a change D1 refused (the address was taken first) is forgotten", async () => {
    const { userId, stub } = registry();
    const now = Date.now();
    const session = await create(stub, userId, now);
    await stub.askEmailChange(change("c-1"), session.sessionId, now, []);
    await stub.confirmEmailChange("c-1", now + 1);
    expect(await stub.settleEmailChange("c-1", false, now + 2)).toBe(0);
    expect(await stub.validateSession(session.sessionId, now + 3)).not.toBeNull();
    expect(await stub.lockDown({ issuedAt: now + 1, revertChangeId: "c-1" }, now + 4)).toEqual({
      ok: false,
      reason: "used",
    });
  });
});
