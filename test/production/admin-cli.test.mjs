// The admin CLI (scripts/admin.mjs, `npm run admin`) against the production configuration: `wrangler dev
// --env production` with ADMIN_API_KEYS set (test/production/server.mjs). Run as an operator runs it: a
// child process with the key in ADMIN_API_KEY, output for people and --json for scripts.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { startProductionServer } from "./server.mjs";

const run = promisify(execFile);
const CLI = path.join(import.meta.dirname, "../../scripts/admin.mjs");
const PASSWORD = "violet-harbour-lantern-47";
const KEYS = [
  {
    name: "ops-all",
    key: "cli-test-key-all-scopes-0123456789abcdef",
    scopes: ["read", "sessions", "recovery", "erase"],
  },
  { name: "ops-read", key: "cli-test-key-read-only-0123456789abcdef", scopes: ["read"] },
];

describe("the admin CLI against the production configuration", () => {
  /** @type {Awaited<ReturnType<typeof startProductionServer>>} */
  let server;
  before(async () => {
    server = await startProductionServer({ secrets: { ADMIN_API_KEYS: JSON.stringify(KEYS) } });
  });
  after(async () => {
    await server?.stop();
  });

  /** Runs the CLI; resolves to { code, stdout, stderr } whatever the exit status. */
  async function admin(args, key = KEYS[0].key) {
    const env = { ...process.env, ADMIN_API_URL: server.origin, ADMIN_API_KEY: key };
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      return { code: error.code, stdout: error.stdout, stderr: error.stderr };
    }
  }

  const signUp = async (email) => {
    const response = await fetch(`${server.origin}/v3/user`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: { email, password: PASSWORD, password_confirmation: PASSWORD } }),
    });
    assert.equal(response.status, 201);
    return (await response.json()).user.uid;
  };
  const signIn = (email) =>
    fetch(`${server.origin}/v3/user-session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: { email, password: PASSWORD } }),
    });

  it("lookup by email, for people and as JSON", async () => {
    const email = `cli-lookup-${Date.now()}@example.com`;
    const uid = await signUp(email);
    assert.equal((await signIn(email)).status, 200);
    const human = await admin(["lookup", email]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, new RegExp(`Account\\s+${uid}\\s+${email}`));
    assert.match(human.stdout, /Two-factor\s+off/);
    assert.match(human.stdout, /Sessions\s+1/);
    assert.match(human.stdout, /sign_up/);
    const machine = await admin(["lookup", uid, "--json"]);
    assert.equal(machine.code, 0);
    assert.equal(JSON.parse(machine.stdout).account.email, email);
  });

  it("a change: refused without --reason (usage), done with one; a key without the scope is refused", async () => {
    const email = `cli-revoke-${Date.now()}@example.com`;
    const uid = await signUp(email);
    const token = (await (await signIn(email)).json()).user.authtoken;
    assert.equal((await admin(["revoke-sessions", email])).code, 2);
    const refused = await admin(["revoke-sessions", uid, "--reason", "ticket 12"], KEYS[1].key);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /scope_missing/);
    const done = await admin(["revoke-sessions", email, "--reason", "ticket 12: stolen laptop"]);
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /Done: revoke_sessions .* \(1 sessions ended\)/);
    const whoAmI = await fetch(`${server.origin}/v3/user`, { headers: { authtoken: token } });
    assert.equal(whoAmI.status, 401);
  });

  it("send-reset-link --must-change: sessions end, the password alone signs in no more, the look-up says so", async () => {
    const email = `cli-hold-${Date.now()}@example.com`;
    const uid = await signUp(email);
    assert.equal((await signIn(email)).status, 200);
    const held = await admin(["send-reset-link", email, "--reason", "ticket 13: password in a paste", "--must-change"]);
    assert.equal(held.code, 0, held.stderr);
    assert.match(held.stdout, /Done: send_reset_link .* \(1 sessions ended, must change at next sign-in\)/);
    const refused = await signIn(email);
    assert.equal(refused.status, 422);
    assert.equal((await refused.json()).error_code, 104);
    const looked = await admin(["lookup", uid]);
    assert.match(looked.stdout, /Password\s+changed .*; must be reset to sign in/);
  });

  it("a wrong key: exit 1, unauthorized; erase needs the uid and --yes, then the account is gone", async () => {
    const wrong = await admin(["lookup", "someone@example.com"], "not-a-configured-key-0123456789abcdef");
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /401 unauthorized/);
    const email = `cli-erase-${Date.now()}@example.com`;
    const uid = await signUp(email);
    assert.equal((await admin(["erase", email, "--reason", "owner's request 77", "--yes"])).code, 2);
    assert.equal((await admin(["erase", uid, "--reason", "owner's request 77"])).code, 2);
    const erased = await admin(["erase", uid, "--reason", "owner's request 77", "--yes", "--json"]);
    assert.equal(erased.code, 0, erased.stderr);
    assert.equal(JSON.parse(erased.stdout).action, "erase");
    const gone = await admin(["lookup", uid]);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /account_not_found/);
  });
});
