// Sign-in with a passkey under load (issue 28 item 3): the real page flow, begin + finish, as a browser runs it
// (POST /login/passkey/options for a challenge and its cookie, then POST /login/passkey with the assertion),
// round-robin over accounts that each registered a passkey during set-up, signed by a software authenticator
// in this process (bench/passkey-authenticator.mjs). No PBKDF2 on the way, so it is judged against hello-world.
import { cycle, expectStatus, signUp } from "../context.mjs";
import { throughputFigure } from "../figures.mjs";
import { pool } from "../http.mjs";
import { readMeter, warmAndRun } from "../load.mjs";
import { BenchAuthenticator } from "../passkey-authenticator.mjs";
import { email, PASSWORD } from "../profile.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */

/** The route whose storage steps the bench judges: the finish, where the sign-in happens. */
export const PASSKEY_SIGN_IN_ROUTE = "POST /login/passkey";

const FORM = "application/x-www-form-urlencoded";

/** `name=value` of the cookies a response sets (the `__Host-` cookies the pages use). */
function cookiesOf(/** @type {string | string[] | undefined} */ setCookie) {
  const all = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  return all.map((c) => c.split(";")[0] ?? "").filter((c) => c !== "");
}

/** A header of an answer, whatever the case of its name. */
function header(/** @type {Record<string, string | string[]>} */ headers, /** @type {string} */ name) {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * Set-up: `profile.passkeyAccounts` accounts, each signed in on the pages and given a passkey of its own (the
 * /account flow: options, then the registration with the password). Resolves their authenticators.
 */
export function registerPasskeys(/** @type {BenchContext} */ ctx) {
  return ctx.step("passkeys for the passkey sign-in (sign-up, page sign-in, add a passkey)", async () => {
    const { client, server } = ctx;
    const origin = { origin: server.origin };
    const addresses = Array.from({ length: ctx.profile.passkeyAccounts }, (_, i) => email("passkey", i));
    const authenticators = await pool(addresses, 4, async (address) => {
      await signUp(ctx, address);
      const form = new URLSearchParams({ email: address, password: PASSWORD }).toString();
      const signedIn = await client.post("/login", form, { headers: { ...origin, "content-type": FORM } });
      expectStatus(signedIn, 303, `page sign-in ${address}`);
      const cookie = cookiesOf(signedIn.headers["set-cookie"]).join("; ");
      const options = await client.post("/account/passkeys/options", "", {
        headers: { ...origin, cookie, "content-type": "application/json" },
      });
      expectStatus(options, 200, `passkey options ${address}`);
      const { challenge, userId } = /** @type {{ challenge: string, userId: string }} */ (options.json());
      const authenticator = new BenchAuthenticator(server.origin);
      const credential = JSON.stringify(authenticator.register(challenge, userId));
      const body = new URLSearchParams({ password: PASSWORD, credential }).toString();
      const added = await client.post("/account/passkeys/add", body, {
        headers: { ...origin, cookie, "content-type": FORM },
      });
      expectStatus(added, 303, `add a passkey ${address}`);
      if (!String(added.headers.location).includes("done=passkey_added"))
        throw new Error(`add a passkey ${address}: went to ${added.headers.location}`);
      return authenticator;
    });
    ctx.log(`  ${authenticators.length} accounts, each with a passkey`);
    return authenticators;
  });
}

/** The load run (begin + finish as one flow) and its meter. */
export function measurePasskeySignIn(
  /** @type {BenchContext} */ ctx,
  /** @type {BenchAuthenticator[] | undefined} */ authenticators,
) {
  return ctx.step("load: sign-in with a passkey", async () => {
    if (authenticators === undefined || authenticators.length === 0) throw new Error("no passkeys were registered");
    const origin = ctx.server.origin;
    let i = 0;
    const run = await warmAndRun(ctx, {
      name: "passkey sign-in",
      method: "POST",
      path: "/login/passkey",
      flow: [
        {
          method: "POST",
          path: "/login/passkey/options",
          headers: { origin, "content-type": "application/json" },
          setup: () => ({ body: "{}" }),
          ok(status, body, headers, context) {
            if (status !== 200) return false;
            context.challenge = /** @type {{ challenge: string }} */ (JSON.parse(body)).challenge;
            context.cookie = cookiesOf(header(headers, "set-cookie")).join("; ");
            return context.cookie !== "";
          },
        },
        {
          method: "POST",
          path: "/login/passkey",
          headers: { origin, "content-type": FORM },
          setup(context) {
            const assertion = cycle(authenticators, i++).assert(/** @type {string} */ (context.challenge));
            return {
              body: new URLSearchParams({ credential: JSON.stringify(assertion) }).toString(),
              headers: { cookie: /** @type {string} */ (context.cookie) },
            };
          },
          ok: (status, _body, headers) => status === 303 && header(headers, "location") === "/account",
        },
      ],
    });
    return { run, meter: await readMeter(ctx) };
  });
}

/**
 * Throughput against hello-world, beside the password sign-in's against PBKDF2.
 * @param {BenchContext} ctx
 * @param {Awaited<ReturnType<typeof measurePasskeySignIn>>} m
 * @param {import("../types.d.ts").Baseline | undefined} hello
 */
export function passkeySignInFigures(ctx, m, hello) {
  throughputFigure(ctx.sink, "passkey_sign_in_rps", "passkey sign-in throughput", m?.run, hello, 0.7);
}
