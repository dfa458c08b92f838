// Checks that wrangler.toml's [env.production] repeats every binding of the default (development)
// environment: wrangler does not inherit bindings into an environment, so a binding added to one and
// forgotten in the other would deploy a Worker that fails at its first use. Also checks what production
// must have of its own: a name other than development's, a route and no workers.dev, and Workers Logs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";

/**
 * A binding of one of the lists below, by the fields this check compares.
 * @typedef {{ binding?: string, migrations_dir?: string, name?: string, class_name?: string, queue?: string,
 *   simple?: unknown }} Binding
 */
/**
 * The parts of a wrangler configuration this check reads (smol-toml types a parsed file only as a TOML table).
 * @typedef {{ name?: string, workers_dev?: boolean, routes?: unknown[], observability?: { enabled?: boolean },
 *   vars?: Record<string, string>, env?: { production?: Config }, [key: string]: unknown }} Config
 */
const config = /** @type {Config} */ (
  parse(readFileSync(path.resolve(import.meta.dirname, "..", "wrangler.toml"), "utf8"))
);
/** @type {Config} */
const production = config.env?.production ?? {};
/** @type {string[]} */
const problems = [];

/**
 * Binding lists compared by their identity and settings (ids and names may differ per environment).
 * @type {[string, (binding: Binding) => string][]}
 */
const LISTS = [
  ["d1_databases", (b) => `${b.binding} (${b.migrations_dir})`],
  ["kv_namespaces", (b) => String(b.binding)],
  ["durable_objects.bindings", (b) => `${b.name} -> ${b.class_name}`],
  ["queues.producers", (b) => `${b.binding} -> ${b.queue}`],
  ["queues.consumers", (c) => JSON.stringify(c)],
  ["ratelimits", (r) => `${r.name} ${JSON.stringify(r.simple)}`],
];

/** The list at a dotted key of a table, or none. */
const at = (/** @type {Config} */ object, /** @type {string} */ dotted) => {
  /** @type {unknown} */
  let value = object;
  for (const key of dotted.split("."))
    value = typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
  return Array.isArray(value) ? /** @type {Binding[]} */ (value) : [];
};

for (const [key, identity] of LISTS) {
  const dev = new Set(at(config, key).map(identity));
  const prod = new Set(at(production, key).map(identity));
  for (const entry of dev) if (!prod.has(entry)) problems.push(`[env.production] ${key} lacks ${entry}`);
  for (const entry of prod) if (!dev.has(entry)) problems.push(`the default environment's ${key} lacks ${entry}`);
}
// Triggers and migrations are inherited unless an environment sets its own; if it does, they must match.
for (const key of ["triggers", "migrations"]) {
  if (production[key] !== undefined && JSON.stringify(production[key]) !== JSON.stringify(config[key])) {
    problems.push(`[env.production] ${key} differs from the default environment's`);
  }
}
/** Development gives these a public value in [vars]; production sets them as secrets (README, "Deploying"). */
const PRODUCTION_SECRETS = new Set(["TOTP_ENCRYPTION_KEY"]);
for (const name of Object.keys(config.vars ?? {})) {
  if (PRODUCTION_SECRETS.has(name)) {
    if (name in (production.vars ?? {})) problems.push(`[env.production.vars] sets ${name}, which must be a secret`);
    continue;
  }
  if (!(name in (production.vars ?? {}))) problems.push(`[env.production.vars] lacks ${name}`);
}
const required = [
  [
    production.name !== undefined && production.name !== config.name,
    "a name of its own, or a bare `wrangler deploy` replaces production",
  ],
  [production.workers_dev === false, "workers_dev = false"],
  [Array.isArray(production.routes) && production.routes.length > 0, "routes (the host of APP_URL)"],
  [production.observability?.enabled === true, "observability enabled (Workers Logs)"],
  [production.vars?.ENVIRONMENT === "production", 'vars.ENVIRONMENT = "production"'],
];
for (const [ok, what] of required) if (!ok) problems.push(`[env.production] needs ${what}`);

if (problems.length > 0) {
  console.error(`wrangler.toml environments: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("wrangler.toml environments: [env.production] repeats every binding of the default environment");
