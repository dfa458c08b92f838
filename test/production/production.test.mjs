// The production configuration, run: `wrangler dev --env production` with local resources and the Resend
// and Have I Been Pwned stand-ins (test/production/server.mjs). It proves that what production turns on
// (Resend, the breach check, a pepper, ENVIRONMENT=production, the production entry) breaks no flow, that
// outbound calls leave through the real fetch as the services require, and that dev-only routes are absent.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import contentstack from "@contentstack/management";
import { BREACHED, resetEmailsTo, startProductionServer, tokenIn } from "./server.mjs";

const PASSWORD = "violet-harbour-lantern-47";
const NEW_PASSWORD = "quiet-orchard-compass-2026";

describe("the production configuration", () => {
  let server;
  before(async () => {
    server = await startProductionServer();
  });
  after(async () => {
    await server?.stop();
  });

  const api = (path, { method = "POST", body, authtoken } = {}) =>
    fetch(`${server.origin}${path}`, {
      method,
      headers: { "content-type": "application/json", ...(authtoken ? { authtoken } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const signUp = (email, password) =>
    api("/v3/user", { body: { user: { email, password, password_confirmation: password } } });
  const signIn = async (email, password) => api("/v3/user-session", { body: { user: { email, password } } });
  const reset = (token, password) =>
    api("/v3/user/reset_password", {
      body: { user: { reset_password_token: token, password, password_confirmation: password } },
    });

  // Invariant 14: the mailbox would hand out every reset link; production does not even contain it.
  it("the dev mailbox and the bench routes are 404", async () => {
    for (const path of ["/dev/mailbox", "/dev/mailbox?to=a@example.com", "/__bench/hello"]) {
      const response = await fetch(`${server.origin}${path}`);
      assert.equal(response.status, 404, path);
    }
  });

  it("the story: breach check at sign-up and reset, the email through Resend, every session signed out", async () => {
    const email = `story.${Date.now()}@example.com`;
    const breached = await signUp(email, BREACHED[0]);
    assert.equal(breached.status, 422);
    assert.deepEqual((await breached.json()).errors, {
      password: ["has appeared in a data breach. Please choose a different one."],
    });
    assert.equal((await signUp(email, PASSWORD)).status, 201);
    assert.ok(server.hibp.requests.length >= 2, "the breach check reached the stand-in");
    assert.ok(server.hibp.requests.every((r) => r.userAgent !== null && r.padding === "true"));

    const laptop = (await (await signIn(email, PASSWORD)).json()).user.authtoken;
    const phone = (await (await signIn(email, PASSWORD)).json()).user.authtoken;
    assert.equal((await api("/v3/user/forgot_password", { body: { user: { email } } })).status, 200);
    const [mail] = await resetEmailsTo(server.resend, email);
    assert.match(mail.headers["user-agent"], /^edge-password-reset\//);
    assert.equal(mail.headers.authorization, `Bearer ${server.resend.apiKey}`);
    assert.match(mail.body.text, new RegExp(`^${server.origin}/reset-password\\?token=`, "m"));
    const token = tokenIn(mail);

    const refused = await reset(token, BREACHED[1]);
    assert.equal(refused.status, 422);
    assert.equal((await refused.json()).error_code, 142);
    const done = await reset(token, NEW_PASSWORD);
    assert.equal(done.status, 200);
    for (const authtoken of [laptop, phone])
      assert.equal((await api("/v3/user", { method: "GET", authtoken })).status, 401);
    assert.equal((await signIn(email, PASSWORD)).status, 422);
    assert.equal((await signIn(email, NEW_PASSWORD)).status, 200);
    await resetEmailsTo(server.resend, email, 1, "Your password was changed");
  });

  // Six, because production's per-IP limits (10 sign-ups and 10 forgot requests a minute) apply to this
  // machine's single address; the 30-account backlog is test/integration/outbound.test.ts.
  it("a burst of forgot requests for several accounts: one email each, no 429 from Resend", async () => {
    const emails = Array.from({ length: 6 }, (_, i) => `burst.${i}.${Date.now()}@example.com`);
    for (const email of emails) assert.equal((await signUp(email, PASSWORD)).status, 201);
    const before = { ...server.resend.stats };
    const answers = await Promise.all(
      emails.map((email) => api("/v3/user/forgot_password", { body: { user: { email } } })),
    );
    assert.deepEqual(
      answers.map((r) => r.status),
      emails.map(() => 200),
    );
    for (const email of emails) assert.equal((await resetEmailsTo(server.resend, email)).length, 1);
    assert.equal(server.resend.stats.rateLimited - before.rateLimited, 0);
    assert.equal(server.resend.stats.withoutUserAgent, 0);
  });

  it("Contentstack's SDK: login, getUser, requestPassword, resetPassword, logout", async () => {
    const email = `sdk.${Date.now()}@example.com`;
    assert.equal((await signUp(email, PASSWORD)).status, 201);
    const client = contentstack.client({
      endpoint: `${server.origin}/v3`,
      retryOnError: false,
      retryOnHttpServerError: false,
      retryOnNetworkFailure: false,
      logHandler: () => {},
    });
    assert.equal((await client.login({ email, password: PASSWORD })).notice, "Login Successful.");
    const user = await client.getUser();
    assert.equal(user.email, email);
    await user.requestPassword();
    const [mail] = await resetEmailsTo(server.resend, email);
    const done = await user.resetPassword({
      resetPasswordToken: tokenIn(mail),
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    assert.equal(done.notice, "Your password has been reset successfully.");
    // The reset signed the SDK's own session out; a new client signs in with the new password.
    await assert.rejects(client.getUser(), (error) => error.status === 401);
    const fresh = contentstack.client({ endpoint: `${server.origin}/v3`, retryOnError: false, logHandler: () => {} });
    assert.equal((await fresh.login({ email, password: NEW_PASSWORD })).notice, "Login Successful.");
    assert.equal((await fresh.logout()).notice, "You've logged out successfully!");
  });
});
