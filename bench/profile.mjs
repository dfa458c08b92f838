// The bench's two profiles and the fixed inputs every group of figures shares.

/** @typedef {import("./types.d.ts").Profile} Profile */

/** The smoke profile (`-- --smoke`): every step once with tiny counts; checks the machinery, judges nothing. */
/** @type {Profile} */
export const SMOKE_PROFILE = {
  connections: 2,
  runSeconds: 1,
  warmSeconds: 0,
  baselinesAfter: false,
  drainEveryPhase: false,
  calibrationRequests: 2,
  unloadedCount: 20,
  accounts: 20,
  pairAccounts: 5,
  pairsPerEmail: 4,
  resetPool: 8,
  resetWarm: 2,
  liveSamples: 2,
  sentinels: 6,
  userTokens: 3,
  passkeyAccounts: 4,
  revoke: [
    { sessions: 10, requests: 1, users: 5 },
    { sessions: 100, requests: 1, users: 2 },
  ],
  watchdogSeconds: 90,
  mailTimeoutMs: 20_000,
};

/** The full profile: the counts the README's figures were measured with (bench/README.md, "The table"). */
/** @type {Profile} */
export const FULL_PROFILE = {
  connections: 10,
  runSeconds: 5,
  warmSeconds: 1,
  baselinesAfter: true,
  drainEveryPhase: true,
  calibrationRequests: 25,
  unloadedCount: 300,
  accounts: 1000,
  pairAccounts: 125,
  pairsPerEmail: 4,
  resetPool: 310,
  resetWarm: 10,
  liveSamples: 15,
  sentinels: 8,
  userTokens: 200,
  passkeyAccounts: 200,
  revoke: [
    { sessions: 10, requests: 3, users: 20 },
    { sessions: 100, requests: 3, users: 10 },
    { sessions: 1000, requests: 2, users: 3 },
    { sessions: 10_000, requests: 2, users: 2 },
  ],
  watchdogSeconds: 540,
  mailTimeoutMs: 120_000,
};

export const PASSWORD = "bench-passphrase-orange-kettle-42";
export const WRONG_PASSWORD = "bench-passphrase-orange-kettle-43";
export const NEW_PASSWORD = "bench-new-passphrase-violet-lamp-7";
export const DOMAIN = "bench.example.com";

/** The address of the `i`th account of a kind ("load", "pair", "live", "sentinel", "ghost" …). */
export const email = (/** @type {string} */ kind, /** @type {number} */ i) => `${kind}-${i}@${DOMAIN}`;
