// What a run's groups of figures share, made explicit: the results sink, the accounts and their counters,
// and the account actions every group uses (sign-up, sign-in, forgot-password, the emails Resend accepted).
import { DOMAIN, email, PASSWORD } from "./profile.mjs";
import { sleep } from "./server.mjs";

/** @typedef {import("./types.d.ts").BenchContext} BenchContext */
/** @typedef {import("./types.d.ts").HttpResponse} HttpResponse */

export const TOKEN_RE = /\/reset-password\?token=(blt(?:[0-9a-f]{4})?[0-9a-f]{24}\.[A-Za-z0-9_-]{43})\b/;

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

/**
 * The reset link of the first email the Resend stand-in accepted for each of `wanted` (an address without one
 * is absent), reading from `from` on: the emails are in order, so a caller that polls keeps its place.
 * @param {BenchContext} ctx
 * @param {Set<string>} wanted
 * @param {Map<string, string>} tokens
 * @param {number} from
 */
function readTokens(ctx, wanted, tokens, from) {
  const { emails } = ctx.server.resend;
  for (let i = from; i < emails.length; i++) {
    const body = /** @type {{ to?: unknown, text?: unknown }} Resend's send-email body */ (emails[i]?.body ?? {});
    const to = Array.isArray(body.to) ? body.to[0] : body.to;
    if (typeof to !== "string" || !wanted.has(to) || tokens.has(to)) continue;
    const match = TOKEN_RE.exec(typeof body.text === "string" ? body.text : "");
    if (match?.[1] !== undefined) tokens.set(to, match[1]);
  }
  return emails.length;
}

/**
 * Polls the Resend stand-in's accepted emails until every address has a reset link; resolves the tokens in
 * address order. (An address's first link: the bench asks for one per address and phase.)
 * @param {BenchContext} ctx
 * @param {string[]} addresses
 * @returns {Promise<string[]>}
 */
export async function collectTokens(ctx, addresses, timeoutMs = ctx.profile.mailTimeoutMs) {
  /** @type {Map<string, string>} */
  const tokens = new Map();
  const wanted = new Set(addresses);
  const deadline = Date.now() + timeoutMs;
  let read = 0;
  for (;;) {
    read = readTokens(ctx, wanted, tokens, read);
    if (tokens.size >= wanted.size) break;
    if (Date.now() > deadline)
      throw new Error(`only ${tokens.size} of ${addresses.length} reset emails arrived within ${timeoutMs} ms`);
    if (ctx.aborted()) throw new Error("aborted");
    await sleep(100);
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
