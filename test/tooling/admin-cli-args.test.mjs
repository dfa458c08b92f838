// The admin CLI's arguments (scripts/admin.mjs) without a server: the request it makes for --must-change,
// and the usage error when the flag goes with another command. Its calls against a deployment are
// test/production/admin-cli.test.mjs.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import { main } from "../../scripts/admin.mjs";

const UID = "blt0123456789abcdef01234567";
const ENV = { ADMIN_API_URL: "https://accounts.example.test", ADMIN_API_KEY: "k_0123456789abcdef0123456789abcdef" };
const realFetch = globalThis.fetch;

/**
 * Runs the CLI with fetch answering `answer`; the requests it made, its exit status and output.
 * @param {string[]} args @param {unknown} answer
 */
async function run(args, answer) {
  /** @type {{ url: string, body: unknown }[]} */
  const requests = [];
  globalThis.fetch = async (/** @type {string | URL | Request} */ url, /** @type {RequestInit | undefined} */ init) => {
    requests.push({ url: String(url), body: init?.body === undefined ? undefined : JSON.parse(String(init.body)) });
    return new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
  };
  /** @type {string[]} */
  const out = [];
  /** @type {string[]} */
  const err = [];
  const code = await main(args, ENV, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { requests, code, out: out.join("\n"), err: err.join("\n") };
}

describe("admin CLI: send-reset-link --must-change", () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  test("asks the API for the hold, and says so", async () => {
    const answer = { uid: UID, action: "send_reset_link", must_change_at_next_sign_in: true, sessions_ended: 2 };
    const { requests, code, out } = await run(
      ["send-reset-link", UID, "--reason", "ticket 9", "--must-change"],
      answer,
    );
    assert.equal(code, 0);
    assert.deepEqual(requests, [
      {
        url: `${ENV.ADMIN_API_URL}/admin/v1/accounts/${UID}/send-reset-link`,
        body: { reason: "ticket 9", must_change_at_next_sign_in: true },
      },
    ]);
    assert.match(out, /2 sessions ended, must change at next sign-in/);
  });

  test("without the flag, the body is the reason alone", async () => {
    const { requests, code } = await run(["send-reset-link", UID, "--reason", "ticket 9"], {
      uid: UID,
      action: "send_reset_link",
    });
    assert.equal(code, 0);
    assert.deepEqual(requests[0]?.body, { reason: "ticket 9" });
  });

  test("with another command it is a usage error, and nothing is sent", async () => {
    const { requests, code, err } = await run(["revoke-sessions", UID, "--reason", "ticket 9", "--must-change"], {});
    assert.equal(code, 2);
    assert.equal(requests.length, 0);
    assert.match(err, /--must-change goes with send-reset-link only/);
  });
});
