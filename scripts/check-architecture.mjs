// Checks the rules of docs/design.md ("Architecture") that a compiler cannot: imports point one way
// between the layers of src/, no module imports itself through a circle, files stay small (a class that
// only delegates is counted by concept: DELEGATING), every "invariant N" cited anywhere is defined in
// docs/design.md, a flow's file listing in docs/design.md is what its grep prints, and nothing points
// outside the repository.
// Prints each violation and exits 1 if there is any. Run by `npm run lint` (and so by `npm test`).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SRC = path.join(ROOT, "src");

/**
 * Which layers each layer may import (besides itself). Entry files (src/*.ts) may import anything.
 * @type {Record<string, string[]>}
 */
export const ALLOWED = {
  dev: ["pages", "http", "domain", "storage", "durable", "mail", "i18n", "core"],
  // Not i18n: the API's words are Contentstack's English, whatever the request's language.
  api: ["http", "domain", "core"],
  pages: ["http", "domain", "i18n", "core"],
  queue: ["domain", "core"],
  http: ["domain", "core"],
  domain: ["storage", "durable", "mail", "i18n", "core"],
  storage: ["core"],
  durable: ["core"],
  mail: ["i18n", "core"],
  i18n: ["core"],
  core: [],
};
/** Longest file in src/, in lines (generated data aside). */
const MAX_FILE_LINES = 210;
const GENERATED = new Set(["src/domain/common-passwords.ts"]);
/**
 * Files whose classes only delegate: a Durable Object's surface over its modules by concept. The line rule
 * follows the concepts: each module a class delegates to keeps the cap, while the delegating methods of the
 * class (a method whose body is empty or one statement `[return] [await] this.<member>.<method>(…);`, with
 * the comment above it) do not count, so a new RPC method never forces a split; every other line of the
 * file counts. A method of these classes that does anything else is a problem (so is a listed file without
 * such a class).
 */
export const DELEGATING = new Set(["src/durable/session-registry.ts"]);

const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
  cwd: ROOT,
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => f !== "" && existsSync(path.join(ROOT, f)));
const sources = tracked.filter((f) => f.startsWith("src/") && /\.tsx?$/.test(f));
const problems = [];

const ENTRIES = new Set(["src/index.ts", "src/app.ts", "src/background.ts", "src/dev/worker.ts"]);
const layerOf = (/** @type {string} */ file) => {
  if (ENTRIES.has(file)) return "entry";
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length === 1 ? "entry" : /** @type {string} */ (parts[0]);
};

/**
 * Relative imports of a file, resolved to repository paths (static, re-exports, and import("…") types).
 * @param {string} file
 * @returns {string[]}
 */
function importsOf(file) {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map(
    (m) => /** @type {string} */ (m[1]),
  );
  return specifiers
    .filter((s) => s.startsWith("."))
    .map((s) => {
      const base = path.join(path.dirname(file), s);
      const found = [".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find((f) => existsSync(path.join(ROOT, f)));
      if (found === undefined) problems.push(`${file}: cannot resolve import "${s}"`);
      return found;
    })
    .filter((f) => f !== undefined);
}

const graph = new Map(sources.map((file) => [file, importsOf(file)]));

// 1. Layers point one way.
for (const [file, imports] of graph) {
  const from = layerOf(file);
  if (from === "entry") continue;
  const allowed = ALLOWED[from];
  if (allowed === undefined) {
    problems.push(`${file}: folder src/${from} is not a layer of docs/design.md ("Architecture")`);
    continue;
  }
  for (const target of imports) {
    const to = layerOf(target);
    if (to !== from && !allowed.includes(to))
      problems.push(`${file}: ${from}/ may not import ${to === "entry" ? target : `${to}/`} (${target})`);
  }
}

// 2. No circles, at file level (type-only imports included: a circle of types is a circle of concepts).
/** @type {Map<string, "open" | "done">} */
const state = new Map();
/** @type {string[]} */
const stack = [];
/** @param {string} file */
function visit(file) {
  state.set(file, "open");
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === "open")
      problems.push(`import circle: ${[...stack.slice(stack.indexOf(next)), next].join(" -> ")}`);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, "done");
}
for (const file of graph.keys()) if (!state.has(file)) visit(file);

/**
 * The methods of the classes in `text`, as Biome lays them out (members indented two spaces, a body closed
 * by `  }` on its own line or written `{}`): name, first and last line (its doc comment included), body.
 * @param {string} text
 * @returns {{ name: string, first: number, last: number, body: string }[]}
 */
function classMethods(text) {
  const lines = text.split("\n");
  const methods = [];
  let inClass = false;
  /** @type {number | null} The first line of the member being read. */
  let start = null;
  for (const [i, line] of lines.entries()) {
    if (/^export (?:abstract )?class \w+/.test(line)) inClass = true;
    else if (line === "}") inClass = false;
    else if (inClass && start === null && /^ {2}(?:[^\s/]|\/\*\*)/.test(line)) start = i;
    // Outside a member, or still in its doc comment.
    if (!inClass || start === null || /^ {2}\/\*\*|^ {3}\*/.test(line)) continue;
    const member = lines
      .slice(start, i + 1)
      .join("\n")
      .replace(/^\s*\/\*\*[\s\S]*?\*\/\n/, "");
    const method = /^ {2}(?:(?:override|async|public|private|protected|static) )*(\w+)\(/.exec(member);
    if (method === null) {
      if (line.endsWith(";")) start = null; // a field
      continue;
    }
    if (line !== "  }" && !line.endsWith("{}")) continue; // the body goes on
    const body = line.endsWith("{}") ? "" : member.slice(member.indexOf("{\n") + 2, -3);
    methods.push({ name: method[1] ?? "", first: start, last: i, body });
    start = null;
  }
  return methods;
}

/**
 * Whether a method body is empty or one statement that calls a method of one of the object's members.
 * @param {string} body
 */
function delegates(body) {
  const code = body.replace(/\s+/g, " ").trim();
  if (code === "") return true;
  const call = /^(?:return )?(?:await )?this\.\w+\.\w+\((.*)\);$/.exec(code);
  return call !== null && !(call[1] ?? "").includes(";");
}

// 3. Small files; a delegating class counted by concept (DELEGATING above).
/** @type {string[]} */
const delegated = [];
for (const file of sources) {
  if (GENERATED.has(file)) continue;
  const text = readFileSync(path.join(ROOT, file), "utf8");
  let lines = text.split("\n").length;
  if (DELEGATING.has(file)) {
    const methods = classMethods(text).filter((m) => m.name !== "constructor");
    if (methods.length === 0) problems.push(`${file}: listed in DELEGATING but has no class methods`);
    for (const m of methods) {
      if (!delegates(m.body))
        problems.push(
          `${file}:${m.first + 1}: ${m.name} does more than delegate (one statement: this.<module>.<method>(…))`,
        );
      else lines -= m.last - m.first + 1;
    }
    delegated.push(`${path.basename(file)} counted as ${lines} lines without its ${methods.length} delegations`);
  }
  if (lines > MAX_FILE_LINES) problems.push(`${file}: ${lines} lines (split it; about 200 at most)`);
}

// 4. Every cited invariant is defined, and nothing points outside the repository.
const design = readFileSync(path.join(ROOT, "docs/design.md"), "utf8");
const defined = new Set([...design.matchAll(/^### Invariant (\d+)\b/gm)].map((m) => Number(m[1])));
const texts = tracked.filter((f) => /\.(ts|tsx|mjs|js|md|toml|sql)$/.test(f) && !f.startsWith("bench/results/"));
for (const file of texts) {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  for (const m of text.matchAll(/[Ii]nvariants? (\d+)(?:[–-](\d+))?/g)) {
    const [first, last = first] = [Number(m[1]), Number(m[2] ?? m[1])];
    for (let n = first; n <= last; n++)
      if (!defined.has(n)) problems.push(`${file}: cites invariant ${n}, which docs/design.md does not define`);
  }
  if (
    /\.\.\/shared\/|shared\/(?:spec|notes)\/|DESIGN\.md|platform notes|§/.test(text) &&
    file !== "scripts/check-architecture.mjs"
  ) {
    problems.push(
      `${file}: points outside the repository (../shared, DESIGN.md, platform notes or a "§" reference); cite docs/ instead`,
    );
  }
}

// 5. A flow's stem listing in docs/design.md ("$ git ls-files src | grep <stem>") is what the grep prints.
for (const m of design.matchAll(/^\$ git ls-files src \| grep ([\w-]+)\n((?:src\/\S+\n)*)```/gm)) {
  const [, stem = "", listing = ""] = m;
  const listed = listing.split("\n").filter((f) => f !== "");
  const found = tracked.filter((f) => f.startsWith("src/") && f.includes(stem)).sort();
  if (listed.join() !== found.join())
    problems.push(
      `docs/design.md: the listing of "grep ${stem}" is not what it prints now:\n    ${found.join("\n    ")}`,
    );
}

// 6. Pages and the API read the request's one clock (c.get("now"), set by http/request-context.ts), never
// their own; and no page route file imports another (what they share is a module of its own).
/** @param {string} file */
const isPageRoutes = (file) => /^src\/pages\/.+-routes\.tsx?$/.test(file);
for (const file of sources.filter((f) => /^src\/(pages|api)\//.test(f))) {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  if (/\bDate\.now\(\)/.test(text)) problems.push(`${file}: Date.now(): use the request's one clock, c.get("now")`);
  for (const target of isPageRoutes(file) ? (graph.get(file) ?? []) : [])
    if (isPageRoutes(target))
      problems.push(`${file}: a route file imports another (${target}); share a module instead`);
}

if (problems.length > 0) {
  console.error(`architecture check: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(
  `architecture check: ${sources.length} files in src/, layers point one way, no import circles, ${delegated.join(", ")}, ${defined.size} invariants defined`,
);
