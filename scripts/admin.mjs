// The operator's CLI for the admin API (/admin/v1; docs/api.md, "Admin API"): `npm run admin -- <command>`.
// The deployment from --url or ADMIN_API_URL, the key from ADMIN_API_KEY (never an argument: it would sit in
// the shell's history and the process list). Output for people; --json prints the API's answer as it is.
// Exit status: 0 done, 1 refused (the API's error code on stderr), 2 usage.
import { parseArgs } from "node:util";

const USAGE = `Usage: npm run admin -- <command> <email|uid> [--reason "…"] [--must-change] [--json] [--url https://…]

Commands:
  lookup <email|uid>               status, two-factor, sessions, locks, suppression, recent events (scope read)
  export <email|uid>               the account's data as JSON (scope read)
  revoke-sessions <email|uid>      end every session, open tabs at once (scope sessions)
  send-reset-link <email|uid>      email a reset link to the account's address (scope recovery); with
                                   --must-change, also end every session and refuse sign-in until it is used
  disable-two-factor <email|uid>   turn two-factor sign-in off; the owner is told (scope recovery)
  lift-locks <email|uid>           lift sign-in, reset-code and second-factor locks (scope recovery)
  lift-suppression <email|uid>     mail the address again after a bounce or complaint (scope recovery)
  erase <uid> --yes                erase the account; only its uid stays, in the admin audit (scope erase)

Every change needs --reason (3 to 500 characters): it is kept in the admin audit with the key's name.
A change by email looks the uid up first (scope read).
Environment: ADMIN_API_KEY (required), ADMIN_API_URL (or --url).`;

/** @type {Record<string, string>} */
const CHANGES = {
  "revoke-sessions": "revoke-sessions",
  "send-reset-link": "send-reset-link",
  "disable-two-factor": "disable-two-factor",
  "lift-locks": "lift-locks",
  "lift-suppression": "lift-suppression",
  erase: "erase",
};

class Refused extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * One call to the admin API; the parsed answer, or Refused.
 * @param {string} base @param {string} key @param {string} path @param {unknown} [body]
 * @returns {Promise<any>}
 */
async function call(base, key, path, body) {
  const response = await fetch(new URL(path, base), {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  /** @type {any} */
  let data = null;
  try {
    data = JSON.parse(text);
  } catch {
    // Not JSON: reported below with the status.
  }
  if (response.ok) return data;
  if (data?.error?.code !== undefined) throw new Refused(response.status, data.error.code, data.error.message);
  const message = response.status === 404 ? "the admin API is off at this URL (no ADMIN_API_KEYS) or not there" : text;
  throw new Refused(response.status, response.status === 404 ? "not_found" : "http_error", message);
}

/** @param {string} target */
const isUid = (target) => /^blt(?:[0-9a-f]{4})?[0-9a-f]{24}$/.test(target);

/** @param {string | null} iso */
const when = (iso) => (iso === null ? "never" : iso.replace("T", " ").replace(/\.\d+Z$/, " UTC"));

/**
 * The look-up as a person reads it.
 * @param {any} found
 * @returns {string}
 */
export function describeAccount(found) {
  const { account } = found;
  const tfa = account.two_factor.enabled
    ? `on since ${when(account.two_factor.enabled_at)}, ${account.two_factor.recovery_codes_left} recovery codes left`
    : "off";
  /** @type {{scope: string, locked_until: string}[]} */
  const locks = [
    ...found.locks.sign_in,
    ...found.locks.second_factor.map((/** @type {any} */ l) => ({ ...l, scope: `code ${l.scope}` })),
  ];
  const lines = [
    `Account      ${account.uid}  ${account.email}  (shard ${account.shard})`,
    `Status       ${account.status}`,
    `Created      ${when(account.created_at)}`,
    `Last sign-in ${when(account.last_login_at)}`,
    `Password     changed ${when(account.password_updated_at)}${account.password_reset_required ? "; must be reset to sign in" : ""}`,
    `Two-factor   ${tfa}`,
    `Locks        ${locks.length === 0 ? "none" : locks.map((l) => `${l.scope} until ${when(l.locked_until)}`).join("; ")}`,
    `Suppression  ${found.suppression === null ? "none" : `${found.suppression.reason} since ${when(found.suppression.since)}, until ${when(found.suppression.until)}`}`,
    `Sessions     ${found.sessions.length}`,
    ...found.sessions.map(
      (/** @type {any} */ s) =>
        `  ${s.label}  last seen ${when(s.last_seen_at)}  ${s.ip ?? "-"}  ${s.location ?? ""}  ${s.device ?? "unknown device"}`,
    ),
    "Recent events",
    ...found.events.map(
      (/** @type {any} */ e) => `  ${when(e.created_at)}  ${e.type}${e.detail ? ` (${e.detail})` : ""}  ${e.ip ?? ""}`,
    ),
  ];
  return lines.join("\n");
}

/** @param {any} result */
function describeChange(result) {
  const extra = [
    result.sessions_ended === undefined ? null : `${result.sessions_ended} sessions ended`,
    result.code_locks_lifted === undefined ? null : `${result.code_locks_lifted} code locks lifted`,
    result.must_change_at_next_sign_in === true ? "must change at next sign-in" : null,
  ].filter(Boolean);
  return `Done: ${result.action} for ${result.uid}${extra.length > 0 ? ` (${extra.join(", ")})` : ""}`;
}

/**
 * Runs the CLI; returns the exit status.
 * @param {string[]} argv @param {Record<string, string | undefined>} environment
 * @param {{ out: (line: string) => void, err: (line: string) => void }} io
 */
export async function main(argv, environment, io) {
  /** @type {ReturnType<typeof parseArgs<{ options: { reason: { type: "string" }, json: { type: "boolean" }, url: { type: "string" }, yes: { type: "boolean" }, "must-change": { type: "boolean" }, help: { type: "boolean" } }, allowPositionals: true }>>} */
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        reason: { type: "string" },
        json: { type: "boolean" },
        url: { type: "string" },
        yes: { type: "boolean" },
        "must-change": { type: "boolean" },
        help: { type: "boolean" },
      },
      allowPositionals: true,
    });
  } catch (error) {
    io.err(`${/** @type {Error} */ (error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, target] = positionals;
  if (values.help === true || command === undefined) {
    io.out(USAGE);
    return values.help === true ? 0 : 2;
  }
  const base = values.url ?? environment.ADMIN_API_URL;
  const key = environment.ADMIN_API_KEY;
  const known = command === "lookup" || command === "export" || command in CHANGES;
  if (!known || target === undefined || positionals.length > 2 || base === undefined || key === undefined) {
    const why = !known
      ? `unknown command ${JSON.stringify(command)}`
      : target === undefined || positionals.length > 2
        ? "give one email or uid"
        : base === undefined
          ? "set ADMIN_API_URL or --url"
          : "set ADMIN_API_KEY";
    io.err(`${why}\n\n${USAGE}`);
    return 2;
  }
  const isChange = command in CHANGES;
  if (isChange && (values.reason === undefined || values.reason.trim().length < 3)) {
    io.err(`${command} needs --reason "…" (3 to 500 characters): it is kept in the admin audit`);
    return 2;
  }
  const mustChange = values["must-change"] === true;
  if (mustChange && command !== "send-reset-link") {
    io.err("--must-change goes with send-reset-link only");
    return 2;
  }
  if (command === "erase" && (!isUid(target) || values.yes !== true)) {
    io.err("erase takes the account's uid (look it up first) and --yes: it cannot be undone");
    return 2;
  }
  try {
    const uid = isUid(target)
      ? target
      : (await call(base, key, `/admin/v1/accounts?email=${encodeURIComponent(target)}`)).account.uid;
    if (command === "lookup") {
      const found = await call(base, key, `/admin/v1/accounts/${uid}`);
      io.out(values.json === true ? JSON.stringify(found, null, 2) : describeAccount(found));
    } else if (command === "export") {
      io.out(JSON.stringify(await call(base, key, `/admin/v1/accounts/${uid}/export`), null, 2));
    } else {
      const body = mustChange
        ? { reason: values.reason, must_change_at_next_sign_in: true }
        : { reason: values.reason };
      const result = await call(base, key, `/admin/v1/accounts/${uid}/${CHANGES[command]}`, body);
      io.out(values.json === true ? JSON.stringify(result, null, 2) : describeChange(result));
    }
    return 0;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    if (values.json === true) io.out(JSON.stringify({ error: { code: error.code, message: error.message } }));
    io.err(`Refused (${error.status} ${error.code}): ${error.message}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const io = {
    out: (/** @type {string} */ line) => console.log(line),
    err: (/** @type {string} */ line) => console.error(line),
  };
  process.exitCode = await main(process.argv.slice(2), process.env, io);
}
