/**
 * The admin API's "must change at next sign-in" (issue 27): `send-reset-link` with
 * `must_change_at_next_sign_in: true` ends every session and sets the lock-down's hold, so the password
 * alone signs in no more (the page says to choose a new password; /v3 keeps Contentstack's 422/104) until
 * the emailed reset completes. The look-up shows the hold, the audit keeps the call with its reason.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import worker from "../../src/dev/worker";
import {
  authtokenFor,
  BASE,
  homeIp,
  INVALID_CREDENTIALS,
  json,
  NEW_PASSWORD,
  page,
  randomIp,
  resetPassword,
  STRONG_PASSWORD,
  signIn,
  signUp,
  tokenFrom,
  uniqueEmail,
  waitForMail,
  whoAmI,
} from "../helpers";

const REASON = "ticket 4712: password seen in a paste";

/** An operator with the scopes these calls need, and a call with its key. */
function operator() {
  const key = {
    name: `hold-${crypto.randomUUID().slice(0, 8)}`,
    key: `k_${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, ""),
    scopes: ["read", "recovery"],
  };
  const keyEnv = { ...env, ADMIN_API_KEYS: JSON.stringify([key]) } as Env;
  return {
    name: key.name,
    async call(path: string, body?: unknown): Promise<Response> {
      const headers: Record<string, string> = { "cf-connecting-ip": randomIp(), authorization: `Bearer ${key.key}` };
      const init: RequestInit = { headers };
      if (body !== undefined) {
        init.method = "POST";
        init.body = JSON.stringify(body);
        headers["content-type"] = "application/json";
      }
      const ctx = createExecutionContext();
      const response = await worker.fetch(new Request(`${BASE}${path}`, init), keyEnv, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    },
  };
}

async function lookedUpHold(admin: ReturnType<typeof operator>, uid: string): Promise<boolean> {
  return (await json(await admin.call(`/admin/v1/accounts/${uid}`))).account.password_reset_required;
}

describe("send-reset-link with must_change_at_next_sign_in", () => {
  it("ends every session, refuses sign-in on the page and the API, and the emailed reset lifts it", async () => {
    const admin = operator();
    const email = uniqueEmail("admin-hold");
    const { uid } = await signUp(email);
    const here = await authtokenFor(email, STRONG_PASSWORD);
    expect(await lookedUpHold(admin, uid)).toBe(false);

    const held = await admin.call(`/admin/v1/accounts/${uid}/send-reset-link`, {
      reason: REASON,
      must_change_at_next_sign_in: true,
    });
    expect(held.status).toBe(200);
    expect(await json(held)).toEqual({
      uid,
      action: "send_reset_link",
      must_change_at_next_sign_in: true,
      sessions_ended: 1,
    });
    expect((await whoAmI(here)).status).toBe(401);
    expect(await lookedUpHold(admin, uid)).toBe(true);

    // The right password alone: /v3 answers Contentstack's 422/104, the page says to choose a new one.
    const api = await signIn(email, STRONG_PASSWORD);
    expect(api.status).toBe(422);
    expect(await json(api)).toEqual(INVALID_CREDENTIALS);
    const login = await page("/login", { form: { email, password: STRONG_PASSWORD }, ip: homeIp(email) });
    expect(login.status).toBe(422);
    expect(await login.text()).toContain("Choose a new password");

    // The admin audit keeps the call as the hold, with the reason.
    const { results } = await env.DB.prepare(
      "SELECT action, user_id, reason, status FROM admin_actions WHERE key_name = ?",
    )
      .bind(admin.name)
      .all();
    expect(results).toContainEqual({
      action: "send_reset_link_must_change",
      user_id: uid,
      reason: REASON,
      status: 200,
    });

    // The link it sent completes a reset, which lifts the hold.
    const [message] = await waitForMail(email);
    expect((await resetPassword(tokenFrom(message!), NEW_PASSWORD)).status).toBe(200);
    await vi.waitFor(async () => expect((await signIn(email, NEW_PASSWORD)).status).toBe(200));
    expect(await lookedUpHold(admin, uid)).toBe(false);
  });

  it("without the flag, sessions stay and the password still signs in (the link alone is sent)", async () => {
    const admin = operator();
    const email = uniqueEmail("admin-nohold");
    const { uid } = await signUp(email);
    const here = await authtokenFor(email, STRONG_PASSWORD);
    const sent = await admin.call(`/admin/v1/accounts/${uid}/send-reset-link`, {
      reason: REASON,
      must_change_at_next_sign_in: false,
    });
    expect(await json(sent)).toEqual({ uid, action: "send_reset_link" });
    await waitForMail(email);
    expect((await whoAmI(here)).status).toBe(200);
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(200);
    expect(await lookedUpHold(admin, uid)).toBe(false);
  });

  it("refuses a body with an unknown field or a flag that is not a boolean (nothing done)", async () => {
    const admin = operator();
    const email = uniqueEmail("admin-holdbad");
    const { uid } = await signUp(email);
    for (const body of [
      { reason: REASON, must_change_at_next_sign_in: "yes" },
      { reason: REASON, must_change: true },
    ]) {
      const response = await admin.call(`/admin/v1/accounts/${uid}/send-reset-link`, body);
      expect(response.status).toBe(400);
    }
    expect(await lookedUpHold(admin, uid)).toBe(false);
  });
});
