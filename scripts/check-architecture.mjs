// Checks the rules of docs/design.md ("Architecture") that a compiler cannot: imports point one way
// between the layers of src/, no module imports itself through a circle, files stay small, every
// "invariant N" cited anywhere is defined in docs/design.md, and nothing points outside the repository.
// Prints each violation and exits 1 if there is any. Run by `npm run lint` (and so by `npm test`).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SRC = path.join(ROOT, "src");

/** Which layers each layer may import (besides itself). Entry files (src/*.ts) may import anything. */
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

const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
  cwd: ROOT,
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => f !== "" && existsSync(path.join(ROOT, f)));
const sources = tracked.filter((f) => f.startsWith("src/") && /\.tsx?$/.test(f));
const problems = [];

const ENTRIES = new Set(["src/index.ts", "src/app.ts", "src/background.ts", "src/dev/worker.ts"]);
const layerOf = (file) => {
  if (ENTRIES.has(file)) return "entry";
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length === 1 ? "entry" : parts[0];
};

/** Relative imports of a file, resolved to repository paths (static, re-exports, and import("…") types). */
function importsOf(file) {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]);
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
  if (!(from in ALLOWED)) {
    problems.push(`${file}: folder src/${from} is not a layer of docs/design.md ("Architecture")`);
    continue;
  }
  for (const target of imports) {
    const to = layerOf(target);
    if (to !== from && !ALLOWED[from].includes(to))
      problems.push(`${file}: ${from}/ may not import ${to === "entry" ? target : `${to}/`} (${target})`);
  }
}

// 2. No circles, at file level (type-only imports included: a circle of types is a circle of concepts).
const state = new Map();
const stack = [];
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

// 3. Small files.
for (const file of sources) {
  if (GENERATED.has(file)) continue;
  const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n").length;
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
  `architecture check: ${sources.length} files in src/, layers point one way, no import circles, ${defined.size} invariants defined`,
);
