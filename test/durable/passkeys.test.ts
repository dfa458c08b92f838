/**
 * The registry's passkeys, through real stubs as the Worker calls them, with real registrations and
 * assertions from a software authenticator: each refusal names the attack it stops.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { decodeBase64urlIgnorePadding } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { newUserId } from "../../src/core/shards";
import type { SessionRegistry } from "../../src/durable/session-registry";
import { SoftwareAuthenticator } from "../support/software-authenticator";

const APP_URL = "https://accounts.example.test";
const rp = { rpId: "accounts.example.test", origin: "https://accounts.example.test" };
const meta = { ip: "192.0.2.10", userAgent: "vitest", location: null };
const FIVE_MINUTES = 5 * 60 * 1000;

function registry() {
  const userId = newUserId(0);
  return { userId, stub: env.SESSION_REGISTRY.getByName(userId) };
}

/** A registry with one passkey on a new software authenticator. */
async function withPasskey(now = Date.now(), options: { countsSignatures?: boolean } = {}) {
  const { userId, stub } = registry();
  const authenticator = await SoftwareAuthenticator.create(APP_URL, options);
  const challenge = await stub.beginPasskeyCeremony("register", now);
  const added = await stub.addPasskey(await authenticator.register(challenge), "Chrome on macOS", rp, now);
  expect(added).toEqual({ ok: true, id: authenticator.id });
  return { userId, stub, authenticator };
}

async function use(stub: DurableObjectStub<SessionRegistry>, a: SoftwareAuthenticator, userId: string, now: number) {
  const challenge = await stub.beginPasskeyCeremony("second_factor", now);
  return stub.usePasskey(await a.assert(challenge, userId), rp, "second_factor", now);
}

describe("adding a passkey", () => {
  it("lists it with its name, when it was added, and no use yet", async () => {
    const t0 = 1_800_000_000_000;
    const { stub, authenticator } = await withPasskey(t0);
    expect(await stub.listPasskeys()).toEqual([
      { id: authenticator.id, name: "Chrome on macOS", createdAt: t0, lastUsedAt: null },
    ]);
  });

  it("refuses an eleventh passkey", async () => {
    const { stub } = registry();
    const now = Date.now();
    for (let i = 0; i < 11; i++) {
      const authenticator = await SoftwareAuthenticator.create(APP_URL);
      const challenge = await stub.beginPasskeyCeremony("register", now);
      const added = await stub.addPasskey(await authenticator.register(challenge), `key ${i}`, rp, now);
      expect(added.ok).toBe(i < 10);
      if (!added.ok) expect(added.reason).toBe("too_many");
    }
    expect(await stub.listPasskeys()).toHaveLength(10);
  });

  it("refuses a registration answering a challenge this object never issued, or one issued for a sign-in step", async () => {
    const { stub } = registry();
    const now = Date.now();
    const authenticator = await SoftwareAuthenticator.create(APP_URL);
    await stub.beginPasskeyCeremony("register", now);
    expect(await stub.addPasskey(await authenticator.register("bm90LWlzc3VlZA"), "x", rp, now)).toEqual({
      ok: false,
      reason: "challenge",
    });
    const other = await stub.beginPasskeyCeremony("second_factor", now);
    expect(await stub.addPasskey(await authenticator.register(other), "x", rp, now)).toEqual({
      ok: false,
      reason: "challenge",
    });
  });
});

describe("using a passkey", () => {
  it("passes, and records when and the counter", async () => {
    const now = Date.now();
    const { userId, stub, authenticator } = await withPasskey(now);
    expect(await use(stub, authenticator, userId, now + 1000)).toMatchObject({ ok: true, id: authenticator.id });
    expect((await stub.listPasskeys())[0]!.lastUsedAt).toBe(now + 1000);
  });

  it("refuses a replayed assertion (its challenge was used)", async () => {
    const now = Date.now();
    const { userId, stub, authenticator } = await withPasskey(now);
    const challenge = await stub.beginPasskeyCeremony("second_factor", now);
    const assertion = await authenticator.assert(challenge, userId);
    expect(await stub.usePasskey(assertion, rp, "second_factor", now)).toMatchObject({ ok: true });
    expect(await stub.usePasskey(assertion, rp, "second_factor", now)).toEqual({ ok: false, reason: "challenge" });
  });

  it("refuses a challenge used twice even by two fresh assertions sent at once", async () => {
    const now = Date.now();
    const { userId, stub, authenticator } = await withPasskey(now, { countsSignatures: false });
    const challenge = await stub.beginPasskeyCeremony("second_factor", now);
    const [a, b] = [await authenticator.assert(challenge, userId), await authenticator.assert(challenge, userId)];
    const results = await Promise.all([
      stub.usePasskey(a, rp, "second_factor", now),
      stub.usePasskey(b, rp, "second_factor", now),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "challenge" }]);
  });

  it("refuses an expired challenge (5 minutes)", async () => {
    const now = Date.now();
    const { userId, stub, authenticator } = await withPasskey(now);
    const challenge = await stub.beginPasskeyCeremony("second_factor", now);
    const assertion = await authenticator.assert(challenge, userId);
    expect(await stub.usePasskey(assertion, rp, "second_factor", now + FIVE_MINUTES)).toEqual({
      ok: false,
      reason: "challenge",
    });
  });

  it("refuses a credential that belongs to another account", async () => {
    const now = Date.now();
    const mine = await withPasskey(now);
    const theirs = await withPasskey(now);
    const challenge = await mine.stub.beginPasskeyCeremony("second_factor", now);
    const assertion = await theirs.authenticator.assert(challenge, theirs.userId);
    expect(await mine.stub.usePasskey(assertion, rp, "second_factor", now)).toEqual({
      ok: false,
      reason: "unknown_credential",
    });
  });

  it("refuses a signature counter that goes backwards (a cloned credential)", async () => {
    const now = Date.now();
    const { userId, stub, authenticator } = await withPasskey(now);
    expect(await use(stub, authenticator, userId, now)).toMatchObject({ ok: true }); // counter 1
    expect(await use(stub, authenticator, userId, now)).toMatchObject({ ok: true }); // counter 2
    const challenge = await stub.beginPasskeyCeremony("second_factor", now);
    const clone = await authenticator.assert(challenge, userId, { counter: 2 });
    expect(await stub.usePasskey(clone, rp, "second_factor", now)).toEqual({ ok: false, reason: "counter" });
  });

  it("refuses an assertion without user verification", async () => {
    const now = Date.now();
    const { userId, stub, authenticator } = await withPasskey(now);
    const challenge = await stub.beginPasskeyCeremony("second_factor", now);
    const assertion = await authenticator.assert(challenge, userId, { userVerified: false });
    expect(await stub.usePasskey(assertion, rp, "second_factor", now)).toEqual({
      ok: false,
      reason: "user_not_verified",
    });
  });
});

describe("signing in with a passkey", () => {
  it("creates a session recorded as a passkey sign-in, in the same call as the check", async () => {
    const now = Date.now();
    const { userId, stub, authenticator } = await withPasskey(now);
    const challenge = "c2lnbi1pbi1jaGFsbGVuZ2UtMzItYnl0ZXMtbG9uZy14eHg";
    const assertion = await authenticator.assert(challenge, userId);
    const bytes = decodeBase64urlIgnorePadding(challenge);
    const result = await stub.signInWithPasskey(userId, assertion, bytes, rp, meta, now);
    expect(result).toMatchObject({ ok: true });
    const sessions = await stub.listSessions(now);
    expect(sessions.map((s) => s.method)).toEqual(["passkey"]);
  });

  it("refuses, and creates nothing, in an object that has no passkeys (a forged user handle)", async () => {
    const now = Date.now();
    const { userId, authenticator } = await withPasskey(now);
    const { stub } = registry();
    const assertion = await authenticator.assert("YWJj", userId);
    const result = await stub.signInWithPasskey(userId, assertion, decodeBase64urlIgnorePadding("YWJj"), rp, meta, now);
    expect(result).toEqual({ ok: false, reason: "unknown_credential" });
    const tables = await runInDurableObject(stub, (_i, state) =>
      state.storage.sql
        .exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'")
        .toArray(),
    );
    expect(tables).toEqual([]);
  });
});

describe("renaming and removing", () => {
  it("renames and removes a passkey", async () => {
    const { stub, authenticator } = await withPasskey();
    expect(await stub.renamePasskey(authenticator.id, "Work laptop")).toBe(true);
    expect((await stub.listPasskeys())[0]!.name).toBe("Work laptop");
    expect(await stub.removePasskey(authenticator.id, Date.now())).toEqual({ ok: true, name: "Work laptop" });
    expect(await stub.listPasskeys()).toEqual([]);
    expect(await stub.removePasskey(authenticator.id, Date.now())).toEqual({ ok: false, reason: "not_found" });
  });

  // A passkey-only second factor: two removals racing cannot both pass, and a turn-on after the last removal fails.
  it("keepLast keeps the last passkey; a passkey-only turn-on needs one", async () => {
    const { stub, authenticator } = await withPasskey();
    const keepLast = { keepLast: true };
    expect(await stub.removePasskey(authenticator.id, Date.now(), undefined, keepLast)).toEqual({
      ok: false,
      reason: "last_passkey",
    });
    expect(await stub.enablePasskeyFactor(["hash-a"], Date.now())).toBe(true);
    expect(await stub.recoveryCodesLeft()).toBe(1);
    expect((await stub.removePasskey(authenticator.id, Date.now())).ok).toBe(true);
    expect(await stub.enablePasskeyFactor(["hash-b"], Date.now())).toBe(false);
  });
});
