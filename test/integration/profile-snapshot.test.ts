/**
 * GET /v3/user answers from the registry's copy of the profile (src/domain/profile-snapshot.ts): one call.
 * A copy must never outlive the change that made it stale: every change drops it, and a copy read from D1
 * before a change is refused when it comes back to be kept (docs/design.md, "Who am I in one step").
 */

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/core/config";
import { parseSessionToken } from "../../src/core/session-token";
import { profileOf } from "../../src/domain/profile-snapshot";
import { updateUserLanguage } from "../../src/storage/user-preferences";
import { findUserById } from "../../src/storage/users";
import {
  authtokenFor,
  json,
  page,
  resetPassword,
  resetTokenFor,
  STRONG_PASSWORD,
  shardForUser,
  signIn,
  signUp,
  uniqueEmail,
  whoAmI,
} from "../helpers";

/** A signed-in account, its registry, its session id, and the copy GET /v3/user has kept. */
async function signedInWithCopy(label: string) {
  const email = uniqueEmail(label);
  const { uid } = await signUp(email);
  const token = await authtokenFor(email, STRONG_PASSWORD);
  const registry = env.SESSION_REGISTRY.getByName(uid);
  const sessionId = parseSessionToken(token, readConfig(env).pepper)!.sessionId;
  const first = (await json(await whoAmI(token))).user;
  // The copy is kept after the first response.
  await expect.poll(async () => (await registry.whoAmI(sessionId, Date.now()))?.profile ?? null).not.toBeNull();
  return { email, uid, token, registry, sessionId, first };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("GET /v3/user's copy of the profile", () => {
  it("a language change on /account: the next GET shows D1's new updated_at", async () => {
    const { uid, token, first } = await signedInWithCopy("copy-language");
    await tick();
    expect((await page("/account/language", { cookie: token, form: { language: "fr" } })).status).toBeLessThan(400);
    expect((await findUserById(shardForUser(uid), uid))?.language).toBe("fr");
    const after = (await json(await whoAmI(token))).user;
    expect(after.updated_at > first.updated_at).toBe(true);
  });

  // Race: a GET read D1 before a change and brings its copy back after the change dropped the old one.
  it("a copy read before a change is refused after it: the stale copy never lands", async () => {
    const { uid, token, registry, sessionId } = await signedInWithCopy("copy-race");
    await registry.profileChanged();
    const before = await registry.whoAmI(sessionId, Date.now());
    expect(before?.profile).toBeNull();
    const stale = (await findUserById(shardForUser(uid), uid))!;
    // The change lands in D1 and drops the copy, while the stale read is in flight.
    await tick();
    await updateUserLanguage(shardForUser(uid), uid, "de", new Date().toISOString());
    await registry.profileChanged();
    expect(await registry.storeProfile(profileOf(stale, 0), before!.generation, stale.credentialVersion)).toBe(false);
    expect((await registry.whoAmI(sessionId, Date.now()))?.profile).toBeNull();
    const fresh = (await findUserById(shardForUser(uid), uid))!;
    expect((await json(await whoAmI(token))).user.updated_at).toBe(fresh.updatedAt);
  });

  // Race: a GET reads D1 between the reset's beginReset and its D1 write: the old password_updated_at.
  it("a copy of the row before a password change's D1 write is refused, whatever its generation", async () => {
    const { email, uid, registry, sessionId } = await signedInWithCopy("copy-reset");
    const stale = (await findUserById(shardForUser(uid), uid))!;
    const keeper = await authtokenFor(email, STRONG_PASSWORD);
    const keeperId = parseSessionToken(keeper, readConfig(env).pepper)!.sessionId;
    const begun = await registry.beginPasswordChange(keeperId, Date.now(), stale.credentialVersion);
    expect(begun.ok).toBe(true);
    const now = await registry.whoAmI(keeperId, Date.now());
    expect(now?.profile).toBeNull();
    expect(await registry.storeProfile(profileOf(stale, 0), now!.generation, stale.credentialVersion)).toBe(false);
    expect(await registry.whoAmI(sessionId, Date.now())).toBeNull(); // the other session ended
  });

  it("a reset by link: the new password_updated_at, and the old session refused", async () => {
    const { email, token, first } = await signedInWithCopy("copy-reset-link");
    await tick();
    expect((await resetPassword(await resetTokenFor(email))).status).toBe(200);
    expect((await whoAmI(token)).status).toBe(401);
    const after = (await json(await whoAmI(await authtokenFor(email, "quiet-orchard-compass-2026")))).user;
    expect(after.password_updated_at > first.password_updated_at).toBe(true);
  });

  it("a sign-in moves last_login_at in the copy and clears its failures, as D1 does", async () => {
    const { email, uid, token, registry, sessionId } = await signedInWithCopy("copy-sign-in");
    await tick();
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(200);
    const copy = (await registry.whoAmI(sessionId, Date.now()))?.profile;
    const row = (await findUserById(shardForUser(uid), uid))!;
    expect(copy?.lastLoginAt).toBe(row.lastLoginAt);
    expect(copy?.failedAttempts).toBe(0);
    expect((await json(await whoAmI(token))).user.last_login_at).toBe(row.lastLoginAt);
  });

  it("two-factor on or off drops the copy (D1's updated_at moved just before)", async () => {
    const { registry, sessionId } = await signedInWithCopy("copy-2fa");
    await registry.enableSecondFactor(1, [], Date.now());
    expect((await registry.whoAmI(sessionId, Date.now()))?.profile).toBeNull();
  });
});
