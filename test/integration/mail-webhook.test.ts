/**
 * POST /webhooks/resend: delivery events signed as Svix signs them, with the svix library itself making
 * the signatures (an independent implementation of the scheme, not our own idea of it). Valid, forged,
 * stale, replayed, unknown address; a bounce suppresses the address and shows on its owner's /account.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { emailKey } from "../../src/core/email-address";
import worker from "../../src/dev/worker";
import {
  auditTrail,
  authtokenFor,
  BASE,
  mailbox,
  requestReset,
  STRONG_PASSWORD,
  shardForEmail,
  signUp,
  uniqueEmail,
  waitForMail,
} from "../helpers";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const webhookEnv = { ...env, RESEND_WEBHOOK_SECRET: SECRET } as Env;
const svix = new Webhook(SECRET);

function event(type: string, to: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    type,
    created_at: new Date().toISOString(),
    data: {
      email_id: crypto.randomUUID(),
      from: "Account Security <no-reply@example.com>",
      to: [to],
      subject: "Reset your password",
      tags: { type: "password_reset", request_id: "req-abc" },
      ...extra,
    },
  });
}

async function deliver(body: string, options: { id?: string; at?: Date; signature?: string; useEnv?: Env } = {}) {
  const id = options.id ?? `msg_${crypto.randomUUID()}`;
  const at = options.at ?? new Date();
  const signature = options.signature ?? svix.sign(id, at, body);
  const request = new Request(`${BASE}/webhooks/resend`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    },
  });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, options.useEnv ?? webhookEnv, ctx);
  await waitOnExecutionContext(ctx);
  return { id, response };
}

async function eventsFor(email: string) {
  const { results } = await shardForEmail(email)
    .prepare("SELECT * FROM mail_events WHERE email_key = ?")
    .bind(emailKey(email))
    .all();
  return results;
}

describe("POST /webhooks/resend", () => {
  it("is off (404) until RESEND_WEBHOOK_SECRET is set", async () => {
    const { response } = await deliver(event("email.delivered", uniqueEmail("off")), { useEnv: env });
    expect(response.status).toBe(404);
  });

  it("a bounce is recorded against the idempotency key, suppresses the address and shows on /account", async () => {
    const email = uniqueEmail("bounce");
    const { uid } = await signUp(email);
    const body = event("email.bounced", email, { bounce: { type: "Permanent", message: "Mailbox does not exist" } });
    const { id, response } = await deliver(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, recorded: true });
    // The provider's retry of the same message adds no second audit row.
    expect((await deliver(body, { id })).response.status).toBe(200);
    expect(await auditTrail(uid, "reset_email_bounced")).toEqual(["reset_email_bounced"]);
    expect(await eventsFor(email)).toMatchObject([
      {
        type: "bounced",
        idempotency_key: "password-reset/req-abc",
        detail: "password_reset: Permanent: Mailbox does not exist",
      },
    ]);

    const authtoken = await authtokenFor(email, STRONG_PASSWORD);
    const page = await worker.fetch(
      new Request(`${BASE}/account`, { headers: { accept: "text/html", cookie: `__Host-session=${authtoken}` } }),
      webhookEnv,
      createExecutionContext(),
    );
    const html = await page.text();
    expect(html).toContain("Reset email bounced");
    expect(html).toContain("We could not deliver email to");

    // The next reset email is not sent to a suppressed address (and the request still answers as always).
    expect((await requestReset(email)).status).toBe(200);
    const sentinel = uniqueEmail("bounce-sentinel");
    await signUp(sentinel);
    expect((await requestReset(sentinel)).status).toBe(200);
    await waitForMail(sentinel); // queued after the suppressed one: once it is out, the other was handled
    expect(await mailbox(email)).toEqual([]);
  });

  // Attack: replaying a captured event (or the provider's own retry) must not record it twice.
  it("the same message again is acknowledged and not recorded twice", async () => {
    const email = uniqueEmail("replay");
    const body = event("email.delivered", email);
    const first = await deliver(body);
    const again = await deliver(body, { id: first.id });
    expect(again.response.status).toBe(200);
    expect(await again.response.json()).toEqual({ received: true, recorded: false });
    expect(await eventsFor(email)).toHaveLength(1);
  });

  // Attack: a forged bounce to stop someone's reset emails.
  it("a forged signature is refused and nothing is recorded or suppressed", async () => {
    const email = uniqueEmail("forged");
    const body = event("email.bounced", email);
    const forged = new Webhook(`whsec_${btoa("another-secret-32-bytes-long!!!!")}`);
    const { response } = await deliver(body, { signature: forged.sign("msg_x", new Date(), body) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "forged" });
    expect(await eventsFor(email)).toHaveLength(0);
    const tampered = await deliver(body.replace("bounced", "delivered"), {
      signature: svix.sign("msg_y", new Date(), body),
    });
    expect(tampered.response.status).toBe(400);
  });

  // Fault: a correctly signed body that is JSON but no event object (null read `.type` and threw: a 500).
  it("a signed body that is not a JSON object is 400 bad_payload, not a 500", async () => {
    for (const body of ["null", "[]", "42", '"email.bounced"', "true", "{not json"]) {
      const { response } = await deliver(body);
      expect(response.status, body).toBe(400);
      expect(await response.json()).toEqual({ error: "bad_payload" });
    }
  });

  it("a request signed ten minutes ago is refused as stale", async () => {
    const email = uniqueEmail("stale");
    const { response } = await deliver(event("email.bounced", email), { at: new Date(Date.now() - 10 * 60_000) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "stale" });
    expect(await eventsFor(email)).toHaveLength(0);
  });

  it("an address without an account is recorded and suppressed, with no one to tell", async () => {
    const email = uniqueEmail("nobody");
    const { response } = await deliver(
      event("email.complained", email, { tags: [{ name: "type", value: "password_changed" }] }),
    );
    expect(response.status).toBe(200);
    expect(await eventsFor(email)).toMatchObject([{ type: "complained", user_id: null, idempotency_key: null }]);
    const suppression = await shardForEmail(email)
      .prepare("SELECT reason FROM mail_suppressions WHERE email_key = ?")
      .bind(emailKey(email))
      .first();
    expect(suppression).toEqual({ reason: "complained" });
  });

  // Each kind of email the service sends is recorded against the idempotency key it was sent with.
  it.each([
    ["password_changed", "password-changed/req-n1"],
    ["two_factor_changed", "two-factor/req-n1"],
    ["constructor", null],
  ])("a delivery event of a %s email names its key (%s)", async (kind, key) => {
    const email = uniqueEmail("kinds");
    await deliver(event("email.delivered", email, { tags: { type: kind, request_id: "req-n1" } }));
    expect(await eventsFor(email)).toMatchObject([{ type: "delivered", idempotency_key: key }]);
  });

  it("a delivery suppresses nothing, and a transient bounce is only recorded", async () => {
    const email = uniqueEmail("soft");
    await deliver(event("email.delivered", email));
    await deliver(event("email.bounced", email, { bounce: { type: "Transient", message: "Mailbox full" } }));
    expect(await eventsFor(email)).toHaveLength(2);
    const suppression = await shardForEmail(email)
      .prepare("SELECT 1 FROM mail_suppressions WHERE email_key = ?")
      .bind(emailKey(email))
      .first();
    expect(suppression).toBeNull();
  });
});
