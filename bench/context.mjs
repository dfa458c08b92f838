// What a run's groups of figures share, made explicit: the results sink, the accounts and their counters,
// and the account actions every group uses (sign-up, sign-in, forgot-password, the dev mailbox).
import { pool } from "./http.mjs";
import { DOMAIN, email, PASSWORD } from "./profile.mjs";
import { sleep } from "./server.mjs";

/** @typedef {import("./types.d.ts").BenchContext} BenchContext */
/** @typedef {import("./types.d.ts").HttpResponse} HttpResponse */

const TOKEN_RE = /\/reset-password\?token=(blt(?:[0-9a-f]{4})?[0-9a-f]{24}\.[A-Za-z0-9_-]{43})\b/;

/** @returns {import("./types.d.ts").Sink} */
export function createSink() {
  /** @type {import("./types.d.ts").Figure[]} */
  const figures = [];
  return {
    figures,
    runs: [],
    notes: [],
    errors: [],
    phases: {},
    addFigure(figure) {
      figures.push(figure);
      return figure;
    },
  };
}

/** @returns {import("./types.d.ts").Accounts} */
export function createAccounts(/** @type {import("./types.d.ts").Profile} */ profile) {
  const load = Array.from({ length: profile.accounts }, (_, i) => email("load", i));
  const sentinels = Array.from({ length: profile.sentinels }, (_, i) => email("sentinel", i));
  let ghosts = 0;
  let sentinelsUsed = 0;
  return {
    load,
    reset: load.slice(0, profile.resetPool),
    signIn: load.slice(profile.resetPool),
    pairKnown: Array.from({ length: profile.pairAccounts }, (_, i) => email("pair", i)),
    live: Array.from({ length: profile.liveSamples }, (_, i) => email("live", i)),
    sentinels,
    nextGhost: () => email("ghost", ghosts++),
    nextSentinel() {
      const address = sentinels[sentinelsUsed++];
      if (address === undefined) throw new Error("out of sentinel accounts");
      return address;
    },
  };
}

/** `response`, or an error naming `what` if its status is not `status`. */
export function expectStatus(/** @type {HttpResponse} */ response, /** @type {number} */ status, what = "") {
  if (response.status !== status)
    throw new Error(`${what}: expected ${status}, got ${response.status} ${response.text.slice(0, 300)}`);
  return response;
}

/** Creates the account `address` with the bench's password. */
export async function signUp(/** @type {BenchContext} */ ctx, /** @type {string} */ address) {
  const r = await ctx.client.post("/v3/user", {
    user: { email: address, password: PASSWORD, password_confirmation: PASSWORD },
  });
  expectStatus(r, 201, `sign-up ${address}`);
}

/** Signs `address` in; resolves its session's authtoken. */
export async function signIn(/** @type {BenchContext} */ ctx, /** @type {string} */ address) {
  const r = await ctx.client.post("/v3/user-session", { user: { email: address, password: PASSWORD } });
  expectStatus(r, 200, `sign-in ${address}`);
  const body = /** @type {{ user: { authtoken: string } }} Contentstack's sign-in answer */ (r.json());
  return body.user.authtoken;
}

/** Asks for a reset link for `address`. */
export async function forgot(/** @type {BenchContext} */ ctx, /** @type {string} */ address) {
  const r = await ctx.client.post("/v3/user/forgot_password", { user: { email: address } });
  expectStatus(r, 200, `forgot-password ${address}`);
}

/** The reset token in the first email to `address` that has one, or null. */
async function mailboxToken(/** @type {BenchContext} */ ctx, /** @type {string} */ address) {
  const r = await ctx.client.get(`/dev/mailbox?to=${encodeURIComponent(address)}`);
  expectStatus(r, 200, `mailbox ${address}`);
  const body = /** @type {{ messages: { text: string }[] }} GET /dev/mailbox's answer */ (r.json());
  for (const message of body.messages) {
    const match = TOKEN_RE.exec(message.text);
    if (match?.[1] !== undefined) return match[1];
  }
  return null;
}

/**
 * Polls the dev mailbox until every address has a reset link; resolves the tokens in address order.
 * @param {BenchContext} ctx
 * @param {string[]} addresses
 * @returns {Promise<string[]>}
 */
export async function collectTokens(ctx, addresses, timeoutMs = ctx.profile.mailTimeoutMs) {
  /** @type {Map<string, string>} */
  const tokens = new Map();
  const deadline = Date.now() + timeoutMs;
  while (tokens.size < addresses.length) {
    if (Date.now() > deadline)
      throw new Error(`only ${tokens.size} of ${addresses.length} reset emails arrived within ${timeoutMs} ms`);
    if (ctx.aborted()) throw new Error("aborted");
    const missing = addresses.filter((a) => !tokens.has(a));
    await pool(missing, 8, async (a) => {
      const token = await mailboxToken(ctx, a);
      if (token !== null) tokens.set(a, token);
    });
    if (tokens.size < addresses.length) await sleep(200);
  }
  return addresses.map((a) => /** @type {string} every address has one */ (tokens.get(a)));
}

/**
 * Waits until the email queue has worked through its backlog: a forgot-password for a fresh account goes to
 * the back of the (FIFO) queue; when its email is in the mailbox, everything queued before it was consumed.
 * Resolves the seconds it took.
 */
export async function drainQueue(/** @type {BenchContext} */ ctx, /** @type {string} */ label) {
  const address = ctx.accounts.nextSentinel();
  const started = performance.now();
  await forgot(ctx, address);
  await collectTokens(ctx, [address]);
  const s = (performance.now() - started) / 1000;
  ctx.log(`  queue drained after ${label} in ${s.toFixed(1)} s`);
  return s;
}

/** A warm-up address: the first is signed up in the warm-up, the others are not (the timing pairs warm both paths). */
export const warmAddress = (/** @type {number} */ i) => `warm-known-${i}@${DOMAIN}`;

/**
 * The item at `index` of `list`, round-robin; throws on an empty list.
 * @template T
 * @param {T[]} list
 * @param {number} index
 * @returns {T}
 */
export function cycle(list, index) {
  const item = list[index % list.length];
  if (item === undefined) throw new Error("cycle: the list is empty");
  return item;
}
