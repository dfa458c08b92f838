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
// copy of the profile from D1. The passkey accounts' registries ran in set-up (adding the passkey).
// The isolate's time includes what production would not spend on the Worker's CPU (the local binding
// clients' work, a registry's SQLite); what the simulators do in their own isolates shows as waiting.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import { expectStatus, TOKEN_RE } from "./context.mjs";
import { createClient, pool } from "./http.mjs";
import { BenchAuthenticator } from "./passkey-authenticator.mjs";
import { NEW_PASSWORD, PASSWORD } from "./profile.mjs";
import { summarizeProfile } from "./profile-summary.mjs";
import { cleanupSync, ROOT, startServer } from "./server.mjs";

/** @typedef {import("./profile-summary.mjs").CpuProfile} CpuProfile */
/** @typedef {import("./types.d.ts").HttpResponse} HttpResponse */

const FORM = "application/x-www-form-urlencoded";
const CONCURRENCY = 2;
const SAMPLING_INTERVAL_US = 100;
/** How long one DevTools Protocol command may take (Profiler.stop serialises the whole profile). */
const COMMAND_TIMEOUT_MS = 60_000;

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
  /** @type {Map<number, { resolve: (result: any) => void, reject: (error: Error) => void }>} */
  const pending = new Map();
  const failAll = (/** @type {string} */ why) => {
    for (const { reject } of pending.values()) reject(new Error(why));
    pending.clear();
  };
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data));
    const waiting = pending.get(message.id);
    if (waiting === undefined) return;
    pending.delete(message.id);
    if (message.error !== undefined) waiting.reject(new Error(`inspector: ${JSON.stringify(message.error)}`));
    else waiting.resolve(message.result);
  });
  socket.addEventListener("close", () => failAll("the inspector closed the connection"));
  /** @returns {Promise<any>} */
  const send = (/** @type {string} */ method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`inspector: no answer to ${method} in ${COMMAND_TIMEOUT_MS / 1000} s`));
      }, COMMAND_TIMEOUT_MS);
      const settle = (/** @type {() => void} */ then) => {
        clearTimeout(timer);
        then();
      };
      pending.set(id, {
        resolve: (result) => settle(() => resolve(result)),
        reject: (error) => settle(() => reject(error)),
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
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

/**
 * The source file of a position in wrangler's bundle, through its source map (null outside the bundle): the
 * newest bundle written since `since` (this run's server started), so another run's cannot be taken.
 */
function bundleSources(/** @type {number} */ since) {
  const tmp = path.join(ROOT, "bench", ".wrangler", "tmp");
  const modified = (/** @type {string} */ f) => {
    try {
      return statSync(f).mtimeMs;
    } catch {
      return Number.NEGATIVE_INFINITY;
    }
  };
  const newest = readdirSync(tmp)
    .map((d) => path.join(tmp, d, "worker.js.map"))
    .filter((f) => modified(f) >= since)
    .sort((a, b) => modified(b) - modified(a))[0];
  if (newest === undefined) throw new Error(`no bundle source map under ${tmp} from this run`);
  const map = new TraceMap(readFileSync(newest, "utf8"));
  return (/** @type {import("./profile-summary.mjs").CallFrame} */ f) => {
    // V8 gives -1 where it has no position.
    if (!f.url.endsWith("worker.js") || f.lineNumber < 0 || f.columnNumber < 0) return null;
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
  const waiting = s.areas.find((a) => a.area.startsWith("waiting"))?.ms ?? 0;
  console.log(
    `\n## ${title}: ${(s.sampledMs - waiting).toFixed(2)} ms of the isolate per request, ${waiting.toFixed(2)} ms ` +
      `waiting (span ${s.spanMs.toFixed(2)} ms)\n`,
  );
  for (const { area, ms } of s.areas) if (ms >= 0.005) console.log(`${ms.toFixed(2).padStart(7)} ms  ${area}`);
  console.log("\n  src/ functions, inclusive (their own time and their callees'):");
  for (const { name, ms } of s.functions.slice(0, 12)) console.log(`${ms.toFixed(2).padStart(7)} ms  ${name}`);
  console.log("\n  functions by their own time (natives by name):");
  for (const { name, ms } of s.selfTime.slice(0, 12)) console.log(`${ms.toFixed(2).padStart(7)} ms  ${name}`);
}

/** Resolves once the Resend stand-in has accepted `count` emails to addresses starting with `prefix` (≤ 60 s). */
async function emailsOut(
  /** @type {import("./types.d.ts").ResendStandIn} */ resend,
  /** @type {string} */ prefix,
  /** @type {number} */ count,
) {
  const to = (/** @type {{ body: Record<string, unknown> }} */ e) => String([e.body.to].flat()[0]);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const out = resend.emails.filter((e) => to(e).startsWith(prefix)).length;
    if (out >= count) return;
    if (Date.now() > deadline) throw new Error(`${out} of ${count} emails to ${prefix}… out after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** @type {import("./types.d.ts").Server | null} */
let running = null;
// Stop the Worker however the process ends, as bench/run.mjs does; cleanupSync also covers a server still
// starting (wrangler runs in a process group of its own, which an interrupted start would orphan).
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
  process.on(signal, async () => {
    const server = running;
    running = null;
    await server?.stop();
    cleanupSync();
    process.exit(130);
  });
}
process.on("exit", cleanupSync);

async function main() {
  const started = Date.now();
  const server = await startServer();
  running = server;
  const stop = async () => {
    running = null;
    await server.stop();
    cleanupSync();
  };
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
    // Accounts for forgot-password (an address gets one link a minute: one request each).
    await pool(indexes, 4, (i) => signUp(address("forgot", i)));
    /** @type {Map<string, string>} the reset link's token the forgot-password flow mailed to each address */
    const resetTokens = new Map();
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
    const sourceOf = bundleSources(started);
    /** @type {[string, string[], (i: number, pass: number) => Promise<void>][]} a flow's name, its passes, one request */
    const flows = [
      [
        "forgot-password, existing account, until its email is out (the request and the queue consumer's job)",
        ["each account's registry not in memory yet"],
        async (i) => {
          const user = { email: address("forgot", i) };
          expectStatus(await client.post("/v3/user/forgot_password", { user }), 200, "forgot-password");
        },
      ],
      [
        "reset-password (POST /v3/user/reset_password), with the links the forgot-password flow mailed",
        ["each account's registry last used by the forgot-password flow's job"],
        async (i) => {
          const token = resetTokens.get(address("forgot", i));
          if (token === undefined) throw new Error(`no reset link for ${address("forgot", i)}`);
          const user = { reset_password_token: token, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD };
          expectStatus(await client.post("/v3/user/reset_password", { user }), 200, "reset-password");
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
        const profile = await inspector.profile(async () => {
          await load((i) => one(i, n));
          // Forgot-password's work ends when the consumer's emails are out: wait for them inside the profile.
          if (name.startsWith("forgot")) {
            await emailsOut(server.resend, "profile-forgot-", REQUESTS);
            for (const { body } of server.resend.emails) {
              const token = TOKEN_RE.exec(String(body.text))?.[1];
              if (token !== undefined) resetTokens.set(String([body.to].flat()[0]), token);
            }
          }
        });
        print(`${name}, ${pass}`, summarizeProfile(profile, REQUESTS, sourceOf, SAMPLING_INTERVAL_US));
      }
    }
    inspector.close();
    client.close();
  } finally {
    await stop();
  }
}

await main();
