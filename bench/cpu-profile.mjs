// `npm run bench:profile`: where the Worker's thread spends a flow's time. It starts the bench's server (the
// same generated configuration as `npm run bench`: wrangler dev, dev tooling off, the Resend stand-in),
// takes a V8 CPU profile of the Worker's isolate through wrangler dev's inspector while it runs a flow, and
// prints the time per request by area (bench/profile-summary.mjs) and the src/ functions that took most.
//
// Forgot-password runs once over fresh accounts and ends when the Resend stand-in has accepted every email,
// so the queue consumer's jobs are in its profile. The other flows run twice over the same accounts. The
// password sign-in's first pass meets each account's
// registry before it has ever run, as the benchmark's traffic (a different account per request) and much of
// a real deployment's does; its second meets it in memory. GET /v3/user's first pass fills each registry's
// copy of the profile from D1. The passkey accounts' registries ran in set-up (adding the passkey). The profile's span includes time the thread spent on the local binding simulators'
// calls into the isolate, so it is the thread's time, not the Worker's production CPU.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import { expectStatus } from "./context.mjs";
import { createClient, pool } from "./http.mjs";
import { BenchAuthenticator } from "./passkey-authenticator.mjs";
import { PASSWORD } from "./profile.mjs";
import { summarizeProfile } from "./profile-summary.mjs";
import { cleanupSync, ROOT, startServer } from "./server.mjs";

/** @typedef {import("./profile-summary.mjs").CpuProfile} CpuProfile */
/** @typedef {import("./types.d.ts").HttpResponse} HttpResponse */

const FORM = "application/x-www-form-urlencoded";
const CONCURRENCY = 2;

const { values } = parseArgs({ options: { requests: { type: "string", default: "40" } } });
const REQUESTS = Number(values.requests);
if (!Number.isInteger(REQUESTS) || REQUESTS < 4 || REQUESTS > 1000) {
  console.error("--requests: a whole number from 4 to 1000");
  process.exit(2);
}

/** `name=value` of the cookies an answer sets. */
const cookiesOf = (/** @type {HttpResponse} */ r) => {
  const set = r.headers["set-cookie"];
  return (set === undefined ? [] : Array.isArray(set) ? set : [set]).map((c) => c.split(";")[0]).join("; ");
};

/** A DevTools Protocol session on wrangler dev's inspector (the Worker's isolate). */
async function inspect(/** @type {number} */ port) {
  const [target] = /** @type {{ webSocketDebuggerUrl: string }[]} */ (
    await (await fetch(`http://127.0.0.1:${port}/json`)).json()
  );
  if (target === undefined) throw new Error("the inspector lists no Worker");
  // The inspector accepts local origins only (a browser's DevTools page sends one; Node's WebSocket does not).
  // Node's WebSocket (undici) takes headers in its second argument.
  const socket = new WebSocket(target.webSocketDebuggerUrl, { headers: { origin: "http://localhost" } });
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve);
    socket.addEventListener("error", () => reject(new Error("the inspector refused the connection")));
  });
  let next = 0;
  /** @type {Map<number, (message: any) => void>} */
  const pending = new Map();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data));
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  /** @returns {Promise<any>} */
  const send = (/** @type {string} */ method, params = {}) =>
    new Promise((resolve) => {
      const id = ++next;
      pending.set(id, (m) => resolve(m.result));
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 100 }); // microseconds
  return {
    /** The profile of `work`. */
    async profile(/** @type {() => Promise<void>} */ work) {
      await send("Profiler.start");
      await work();
      return /** @type {CpuProfile} */ ((await send("Profiler.stop")).profile);
    },
    close: () => socket.close(),
  };
}

/** The source file of a position in wrangler's bundle, through its source map (null outside the bundle). */
function bundleSources() {
  const tmp = path.join(ROOT, "bench", ".wrangler", "tmp");
  const newest = readdirSync(tmp)
    .map((d) => path.join(tmp, d, "worker.js.map"))
    .filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    })
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest === undefined) throw new Error(`no bundle source map under ${tmp}`);
  const map = new TraceMap(readFileSync(newest, "utf8"));
  return (/** @type {import("./profile-summary.mjs").CallFrame} */ f) => {
    if (!f.url.endsWith("worker.js")) return null;
    const { source } = originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber });
    if (source === null) return null;
    // Sources are relative to the bundle's folder; keep the part from src/ or node_modules/ on.
    const at = source.search(/(?:^|\/)(?:src|node_modules)\//);
    return at < 0 ? source : source.slice(at === 0 ? 0 : at + 1);
  };
}

/** Runs `one(i)` for i < REQUESTS, CONCURRENCY at a time. */
async function load(/** @type {(i: number) => Promise<void>} */ one) {
  await pool(
    Array.from({ length: REQUESTS }, (_, i) => i),
    CONCURRENCY,
    one,
  );
}

function print(/** @type {string} */ title, /** @type {ReturnType<typeof summarizeProfile>} */ s) {
  console.log(
    `\n## ${title}: ${s.sampledMs.toFixed(2)} ms of the Worker's thread per request (span ${s.spanMs.toFixed(2)})\n`,
  );
  for (const { area, ms } of s.areas) if (ms >= 0.005) console.log(`${ms.toFixed(2).padStart(7)} ms  ${area}`);
  console.log("\n  src/ functions, inclusive (their own time and their callees'):");
  for (const { name, ms } of s.functions.slice(0, 12)) console.log(`${ms.toFixed(2).padStart(7)} ms  ${name}`);
  console.log("\n  functions by their own time (natives by name):");
  for (const { name, ms } of s.selfTime.slice(0, 12)) console.log(`${ms.toFixed(2).padStart(7)} ms  ${name}`);
}

/** Resolves once the Resend stand-in has accepted `count` emails in all (at most 60 s). */
async function emailsOut(/** @type {import("./types.d.ts").ResendStandIn} */ resend, /** @type {number} */ count) {
  const deadline = Date.now() + 60_000;
  while (resend.emails.length < count) {
    if (Date.now() > deadline) throw new Error(`${resend.emails.length} of ${count} emails out after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function main() {
  const server = await startServer();
  const stop = async () => {
    await server.stop();
    cleanupSync();
  };
  process.once("SIGINT", () => stop().then(() => process.exit(130)));
  try {
    const client = createClient(server.origin);
    const origin = { origin: server.origin };
    const address = (/** @type {string} */ kind, /** @type {number} */ i) => `profile-${kind}-${i}@bench.example.com`;
    const indexes = Array.from({ length: REQUESTS }, (_, i) => i);
    const signUp = async (/** @type {string} */ email) => {
      const user = { email, password: PASSWORD, password_confirmation: PASSWORD };
      expectStatus(await client.post("/v3/user", { user }), 201, "sign-up");
    };
    // Accounts for the password sign-in: signed up only, so their registries have never run and the first
    // sign-in meets each one not in memory.
    await pool(indexes, 4, (i) => signUp(address("password", i)));
    // Accounts for forgot-password, one set per pass (an address gets one link a minute).
    await pool([...indexes, ...indexes.map((i) => i + REQUESTS)], 4, (i) => signUp(address("forgot", i)));
    /** @type {string[]} the sessions the sign-in makes, for GET /v3/user */
    const authtokens = [];
    // Accounts with a passkey (sign-up, page sign-in, add a passkey): their registries ran in set-up.
    const authenticators = await pool(indexes, 4, async (i) => {
      const email = address("passkey", i);
      await signUp(email);
      const page = await client.post("/login", new URLSearchParams({ email, password: PASSWORD }).toString(), {
        headers: { ...origin, "content-type": FORM },
      });
      expectStatus(page, 303, "page sign-in");
      const cookie = cookiesOf(page);
      const options = await client.post("/account/passkeys/options", "", {
        headers: { ...origin, cookie, "content-type": "application/json" },
      });
      const { challenge, userId } = /** @type {{ challenge: string, userId: string }} */ (options.json());
      const authenticator = new BenchAuthenticator(server.origin);
      const credential = JSON.stringify(authenticator.register(challenge, userId));
      const added = await client.post(
        "/account/passkeys/add",
        new URLSearchParams({ password: PASSWORD, credential }).toString(),
        { headers: { ...origin, cookie, "content-type": FORM } },
      );
      expectStatus(added, 303, "add a passkey");
      return authenticator;
    });
    const inspector = await inspect(server.inspectorPort);
    const sourceOf = bundleSources();
    /** @type {[string, string[], (i: number, pass: number) => Promise<void>][]} a flow's name, its passes, one request */
    const flows = [
      [
        "forgot-password, existing account, until its email is out (the request and the queue consumer's job)",
        ["each account's registry not in memory yet"],
        async (i, pass) => {
          const user = { email: address("forgot", i + pass * REQUESTS) };
          expectStatus(await client.post("/v3/user/forgot_password", { user }), 200, "forgot-password");
        },
      ],
      [
        "sign-in (POST /v3/user-session)",
        ["first: each account's registry not in memory yet", "again: in memory"],
        async (i) => {
          const r = await client.post("/v3/user-session", {
            user: { email: address("password", i), password: PASSWORD },
          });
          expectStatus(r, 200, "sign-in");
          authtokens[i] = /** @type {{ user: { authtoken: string } }} */ (r.json()).user.authtoken;
        },
      ],
      [
        "GET /v3/user",
        ["first after the sign-in (the registry's copy of the profile is filled from D1)", "again"],
        async (i) => {
          expectStatus(await client.get("/v3/user", { headers: { authtoken: authtokens[i] ?? "" } }), 200, "whoami");
        },
      ],
      [
        "passkey sign-in (POST /login/passkey/options, then POST /login/passkey)",
        ["first since set-up", "again"],
        async (i) => {
          const options = await client.post("/login/passkey/options", "{}", {
            headers: { ...origin, "content-type": "application/json" },
          });
          expectStatus(options, 200, "passkey options");
          const assertion = /** @type {BenchAuthenticator} */ (authenticators[i]).assert(
            /** @type {{ challenge: string }} */ (options.json()).challenge,
          );
          const done = await client.post(
            "/login/passkey",
            new URLSearchParams({ credential: JSON.stringify(assertion) }).toString(),
            { headers: { ...origin, cookie: cookiesOf(options), "content-type": FORM } },
          );
          if (done.status !== 303 || done.headers.location !== "/account")
            throw new Error(`passkey sign-in: ${done.status} ${done.text.slice(0, 200)}`);
        },
      ],
    ];
    console.log(
      `# Where the Worker's thread goes: ${REQUESTS} requests per flow, ${CONCURRENCY} at a time, ` +
        "V8 sampling every 100 µs (wrangler dev, dev tooling off)",
    );
    for (const [name, passes, one] of flows) {
      for (const [n, pass] of passes.entries()) {
        const emails = server.resend.emails.length;
        const profile = await inspector.profile(async () => {
          await load((i) => one(i, n));
          // Forgot-password's work ends when the consumer's emails are out: wait for them inside the profile.
          if (name.startsWith("forgot")) await emailsOut(server.resend, emails + REQUESTS);
        });
        print(`${name}, ${pass}`, summarizeProfile(profile, REQUESTS, sourceOf));
      }
    }
    inspector.close();
    client.close();
  } finally {
    await stop();
  }
}

await main();
