// Wire compatibility: Contentstack's official JavaScript SDK (@contentstack/management 1.30.2) runs the
// whole forgot/reset story against `wrangler dev`, exactly as it would against Contentstack: with one D1
// database (`npm run dev`) and with users over four shards (`npm run dev:sharded`).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import contentstack from "@contentstack/management";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { startServer } from "./server.mjs";

const OLD_PASSWORD = "violet-harbour-lantern-47";

/** The code an authenticator app shows for `key`, `offset` 30-second steps from now. */
function codeFor(key, offset) {
  return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + offset), 6);
}
const NEW_PASSWORD = "quiet-orchard-compass-2026";

for (const shardLayout of [null, "4"]) {
  describe(`Contentstack management SDK against the service (${shardLayout === null ? "one database" : "four shards"})`, () => {
    let server;
    before(async () => {
      server = await startServer({ shardLayout });
    });
    after(() => server?.stop());

    // The SDK's retry path refuses localhost hosts (docs/api.md, "Clients"), so retries are off: any error surfaces at once.
    const sdkClient = () =>
      contentstack.client({
        endpoint: `${server.origin}/v3`,
        retryOnError: false,
        retryOnHttpServerError: false,
        retryOnNetworkFailure: false,
        logHandler: () => {},
      });

    async function newestResetToken(email, count) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { messages } = await (await fetch(`${server.origin}/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
        const resets = messages.filter((m) => m.subject === "Reset your password");
        if (resets.length >= count)
          return /reset-password\?token=(blt(?:[0-9a-f]{4})?[0-9a-f]{24}\.[A-Za-z0-9_-]{43})/.exec(resets[0].text)[1];
        assert.ok(Date.now() < deadline, "reset email did not arrive");
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    it("login, getUser, requestPassword, resetPassword, logout: every call resolves with Contentstack's bodies", async () => {
      const email = `sdk.${Date.now()}@example.com`;
      const signUp = await fetch(`${server.origin}/v3/user`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user: { email, password: OLD_PASSWORD, password_confirmation: OLD_PASSWORD } }),
      });
      assert.equal(signUp.status, 201);

      const client = sdkClient();
      const login = await client.login({ email, password: OLD_PASSWORD });
      assert.equal(login.notice, "Login Successful.");
      assert.match(login.user.authtoken, /^blt(?:[0-9a-f]{4})?[0-9a-f]{24}\./);

      const user = await client.getUser();
      assert.equal(user.email, email);
      // The SDK attaches these methods only when GET /v3/user returns an authtoken.
      assert.equal(typeof user.requestPassword, "function");
      assert.equal(typeof user.resetPassword, "function");

      const requested = await user.requestPassword();
      assert.equal(
        requested.notice,
        "If this email address exists, we will send you an email with instructions for resetting your password.",
      );
      const token = await newestResetToken(email, 1);

      const reset = await user.resetPassword({
        resetPasswordToken: token,
        password: NEW_PASSWORD,
        passwordConfirm: NEW_PASSWORD,
      });
      assert.equal(reset.notice, "Your password has been reset successfully.");

      // The reset revoked the SDK's own session too.
      await assert.rejects(client.getUser(), (error) => error.status === 401 && error.errorCode === 105);

      const fresh = sdkClient();
      await assert.rejects(fresh.login({ email, password: OLD_PASSWORD }), (error) => {
        assert.equal(error.status, 422);
        assert.equal(error.errorCode, 104);
        assert.equal(
          error.errorMessage,
          "Looks like your email or password is invalid. Please try again or reset your password.",
        );
        return true;
      });
      await fresh.login({ email, password: NEW_PASSWORD });
      const loggedOut = await fresh.logout();
      assert.equal(loggedOut.notice, "You've logged out successfully!");
    });

    it("a used or made-up reset token is refused with the envelope the SDK parses", async () => {
      const client = sdkClient();
      const user = await (async () => {
        const email = `sdk2.${Date.now()}@example.com`;
        await fetch(`${server.origin}/v3/user`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ user: { email, password: OLD_PASSWORD, password_confirmation: OLD_PASSWORD } }),
        });
        await client.login({ email, password: OLD_PASSWORD });
        return client.getUser();
      })();
      await assert.rejects(
        user.resetPassword({
          resetPasswordToken: "x".repeat(43),
          password: NEW_PASSWORD,
          passwordConfirm: NEW_PASSWORD,
        }),
        (error) => {
          assert.equal(error.status, 422);
          assert.equal(error.errorCode, 162);
          assert.deepEqual(error.errors, { reset_password_token: ["is invalid or has expired."] });
          return true;
        },
      );
    });

    // Two-factor with the SDK, unmodified: set up on the account page (as a browser would, through fetch), then
    // login without and with `mfaSecret`. The SDK's resetPassword sends no tfa_token, so the reset with one is
    // the same request through fetch. Set-up uses the previous step's code, so the SDK's current one is new.
    it("two-factor: login rejects with 294 and tfa_type, mfaSecret signs in, and a reset takes tfa_token", async () => {
      const email = `sdk-2fa.${Date.now()}@example.com`;
      const cookies = new Map();
      const page = async (path, form) => {
        const headers = { origin: server.origin, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
        if (form !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
        const init = { method: form ? "POST" : "GET", headers, redirect: "manual" };
        if (form !== undefined) init.body = new URLSearchParams(form).toString();
        const response = await fetch(`${server.origin}${path}`, init);
        for (const line of response.headers.getSetCookie()) {
          const [name, ...value] = line.split(";")[0].split("=");
          cookies.set(name, value.join("="));
        }
        return response;
      };
      const signUp = await page("/signup", { email, password: OLD_PASSWORD, password_confirmation: OLD_PASSWORD });
      assert.equal(signUp.status, 303);
      assert.equal((await page("/login", { email, password: OLD_PASSWORD })).status, 303);
      const setup = await (await page("/account/two-factor")).text();
      const keyText = /<code id="setup-key">([A-Z2-7 ]+)<\/code>/.exec(setup)[1].replace(/ /g, "");
      const key = decodeBase32IgnorePadding(keyText);
      assert.equal((await page("/account/two-factor", { code: codeFor(key, -1), password: OLD_PASSWORD })).status, 200);

      await assert.rejects(sdkClient().login({ email, password: OLD_PASSWORD }), (error) => {
        assert.equal(error.status, 401);
        assert.equal(error.errorCode, 294);
        assert.equal(error.errorMessage, "Please login using the Two-Factor verification Token");
        assert.equal(error.tfa_type, "totp_authenticator");
        return true;
      });
      const client = sdkClient();
      const login = await client.login({ email, password: OLD_PASSWORD, mfaSecret: keyText });
      assert.equal(login.notice, "Login Successful.");

      const user = await client.getUser();
      await user.requestPassword();
      const token = await newestResetToken(email, 1);
      const reset = (tfa_token) =>
        fetch(`${server.origin}/v3/user/reset_password`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            user: {
              reset_password_token: token,
              password: NEW_PASSWORD,
              password_confirmation: NEW_PASSWORD,
              tfa_token,
            },
          }),
        });
      const refused = await reset(undefined);
      assert.equal(refused.status, 401);
      assert.equal((await refused.json()).error_code, 294);
      assert.equal((await reset(codeFor(key, 1))).status, 200);
      await assert.rejects(client.getUser(), (error) => error.status === 401);
    });

    // Each account lands in its email's shard: the key's first 32 bits modulo the shard count, computed here
    // independently of the Worker (SHA-256 of "email:" + the normalised address; src/core/email-address.ts).
    it("GET /dev/shards: each new account counted in the shard its email places it in", async () => {
      const count = shardLayout === null ? 1 : 4;
      const before = (await (await fetch(`${server.origin}/dev/shards`)).json()).shards;
      assert.equal(before.length, count);
      // Six sign-ups: with the two above, within this client's sign-up flood limit (10 a minute).
      const emails = Array.from({ length: 6 }, (_, i) => `spread.${Date.now()}.${i}@example.com`);
      for (const email of emails) {
        const response = await fetch(`${server.origin}/v3/user`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ user: { email, password: OLD_PASSWORD, password_confirmation: OLD_PASSWORD } }),
        });
        assert.equal(response.status, 201);
      }
      const expected = before.map((shard) => shard.users);
      for (const email of emails) {
        const key = createHash("sha256").update(`email:${email}`).digest("hex");
        expected[Number.parseInt(key.slice(0, 8), 16) % count]++;
      }
      const after = (await (await fetch(`${server.origin}/dev/shards`)).json()).shards;
      assert.deepEqual(
        after.map((shard) => shard.users),
        expected,
      );
    });
  });
}
