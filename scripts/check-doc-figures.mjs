// `npm run lint` (and `npm run simulate -- --check`): every figure README.md, bench/README.md and
// docs/*.md quote from a script must be what the script computes now. A figure is marked in the markdown by
// an anchor just before it, invisible when rendered:
//
//     **<!-- figure footprint.account -->447 bytes per account**
//     about <!-- figure model.activeAccountsPerDatabase ~1 -->300,000 accounts
//
// NAME is one of the figures `npm run simulate -- --json` prints (scripts/simulate.mjs `figures()`: the
// footprint, the capacity model, the shard spread, the benchmark of record); after it, how the docs round it:
// `.N` N decimals (`.0` when none is given), `~N` N significant digits, `/X` or `*X` scaled first (e.g. `/1e6`
// for millions). Text figures (a date, a commit) are compared as they are. The two generated tables of
// docs/scale.md are compared whole. Fails, naming file, line and figure, on any difference, an unknown name,
// or a doc that lost its tables. `--write` rewrites every anchored figure and both tables to the script's
// values (after a new benchmark of record, say); `--root DIR` checks the docs under DIR (the test's copy);
// `--figures FILE` takes the figures from FILE (the JSON `npm run simulate -- --json` printed) instead of
// computing them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { number } from "./simulate-spread.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const ANCHOR = /<!-- figure ([\w.]+)((?: \S+)*?) -->/g;
const NUMBER = /^[−-]?\d+(?:,\d{3})*(?:\.\d+)?/;

/** @typedef {Record<string, number | string>} Figures */
/** @typedef {{ figures: Figures, tables: { simulate: string, spread: string } }} Computed */

/**
 * `value` as an anchor's format tokens ask: scaled (`/X`, `*X`), then rounded (`.N` decimals or `~N`
 * significant digits), with thousands separated and a minus sign for negatives.
 * @param {number | string} value
 * @param {string[]} tokens
 */
export function formatFigure(value, tokens) {
  if (typeof value === "string") return value;
  let v = value;
  let decimals = 0;
  for (const token of tokens) {
    const amount = Number(token.slice(1));
    if (Number.isNaN(amount) || token.length < 2) throw new Error(`bad figure format "${token}"`);
    if (token[0] === "/") v /= amount;
    else if (token[0] === "*") v *= amount;
    else if (token[0] === ".") decimals = amount;
    else if (token[0] === "~") {
      v = Number(v.toPrecision(amount));
      decimals = Math.max(0, amount - 1 - Math.floor(Math.log10(Math.abs(v) || 1)));
    } else throw new Error(`bad figure format "${token}"`);
  }
  return number(v, decimals);
}

/**
 * Where the figure the doc shows after an anchor is, relative to the anchor's end: a number's whole token;
 * a markdown link's target (`[text](target)`), for a path; otherwise as many characters as the text figure.
 * @param {string} rest the doc's text after the anchor
 * @param {number | string} value
 * @returns {{ start: number, text: string }}
 */
function shown(rest, value) {
  if (typeof value === "number") return { start: 0, text: NUMBER.exec(rest)?.[0] ?? rest.split(/\s/, 1)[0] ?? "" };
  const link = /^\[[^\]]*\]\(/.exec(rest);
  if (link === null) return { start: 0, text: rest.slice(0, value.length) };
  const start = link[0].length;
  return { start, text: rest.slice(start, rest.indexOf(")", start)) };
}

/**
 * Compares every anchored figure of one doc with `figures`. Returns the problems and the doc as `--write`
 * would leave it.
 * @param {string} file the doc's path, for the messages
 * @param {string} text
 * @param {Figures} figures
 */
export function checkText(file, text, figures) {
  /** @type {string[]} */
  const problems = [];
  let fixed = "";
  let copied = 0;
  for (const match of text.matchAll(ANCHOR)) {
    const [anchor, name = "", format = ""] = match;
    const at = match.index + anchor.length;
    const line = text.slice(0, at).split("\n").length;
    const value = figures[name];
    if (value === undefined) {
      problems.push(`${file}:${line}: no script computes a figure named ${name}`);
      continue;
    }
    const expected = formatFigure(value, format.trim() === "" ? [] : format.trim().split(" "));
    const doc = shown(text.slice(at), value);
    if (doc.text !== expected) {
      problems.push(`${file}:${line}: ${name} is "${doc.text}" here, but the script computes "${expected}"`);
    }
    fixed += text.slice(copied, at + doc.start) + expected;
    copied = at + doc.start + doc.text.length;
  }
  return { problems, fixed: fixed + text.slice(copied) };
}

/** `text` with the generated block `name` replaced by `table`, or null if it has no such block. */
function withBlock(/** @type {string} */ text, /** @type {string} */ name, /** @type {string} */ table) {
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const [before, rest] = text.split(start);
  const after = rest?.split(end)[1];
  return after === undefined ? null : `${before}${start}\n${table}\n${end}${after}`;
}

/** The docs that quote figures, relative to `root`: README.md, bench/README.md and docs/*.md. */
export function docFiles(/** @type {string} */ root) {
  const docs = existsSync(path.join(root, "docs"))
    ? readdirSync(path.join(root, "docs"))
        .filter((f) => f.endsWith(".md"))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  return ["README.md", "bench/README.md", ...docs].filter((f) => existsSync(path.join(root, f)));
}

/**
 * Checks (or with `write`, rewrites) the docs under `root` against `computed`; returns the problems.
 * @param {{ root: string, computed: Computed, write?: boolean }} options
 */
export function checkDocs({ root, computed, write = false }) {
  /** @type {string[]} */
  const problems = [];
  let anchors = 0;
  for (const file of docFiles(root)) {
    const text = readFileSync(path.join(root, file), "utf8");
    anchors += [...text.matchAll(ANCHOR)].length;
    const checked = checkText(file, text, computed.figures);
    problems.push(...checked.problems);
    let next = checked.fixed;
    if (file === "docs/scale.md") {
      for (const [name, table] of Object.entries(computed.tables)) {
        const replaced = withBlock(next, name, table);
        if (replaced === null) problems.push(`${file}: no <!-- ${name}:start --> … <!-- ${name}:end --> block`);
        else {
          if (withBlock(text, name, table) !== text)
            problems.push(`${file}: the ${name} table is not what \`npm run simulate\` prints`);
          next = replaced;
        }
      }
    }
    if (write && next !== text) writeFileSync(path.join(root, file), next);
  }
  if (anchors === 0) problems.push(`${root}: no <!-- figure … --> anchor in any doc`);
  return problems;
}

/**
 * The command line; returns the exit code. `compute` gives the figures when no `--figures` file is named
 * (scripts/simulate.mjs passes its own: importing it back while it runs would never settle).
 * @param {string[]} argv
 * @param {() => Promise<Computed> | Computed} compute
 */
export async function main(argv, compute = async () => (await import("./simulate.mjs")).figures()) {
  const option = (/** @type {string} */ name) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const root = path.resolve(option("--root") ?? ROOT);
  const file = option("--figures");
  /** @type {Computed} */
  const computed = file === undefined ? await compute() : JSON.parse(readFileSync(path.resolve(file), "utf8"));
  const write = argv.includes("--write");
  const problems = checkDocs({ root, computed, write });
  if (write) {
    console.log(`docs rewritten to the scripts' figures (${problems.length} figure(s) or table(s) changed)`);
    return 0;
  }
  if (problems.length > 0) {
    console.error(
      `${problems.length} figure(s) in the docs differ from what their scripts compute ` +
        `(\`npm run simulate -- --json\` prints them; \`node scripts/check-doc-figures.mjs --write\` copies them in):\n  ${problems.join("\n  ")}`,
    );
    return 1;
  }
  console.log("docs: every anchored figure and both tables of docs/scale.md are what the scripts compute");
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main(process.argv.slice(2)));
