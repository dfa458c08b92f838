// `npm run lint`: docs/nist-800-63b.md cannot drift from the code. The page tables the requirements of NIST
// SP 800-63B rev 4 and names, for each, the files that meet it and the tests that hold it:
//
//     | 3.1.1.2 | … | … | `src/domain/password-policy.ts` | `test/unit/password-policy.test.ts` "gives a reason for every problem" |
//
// Checked: every backticked repository path anywhere on the page exists; in a table with a "Held by" column,
// each quoted title in that column follows a backticked test file and is the title of a `describe`, `it` or
// `test` in that file (or of an `.each(…)(title)`), so renaming or deleting the test fails the lint; in a table
// whose requirement column is headed "SHALL", every row names a file in its "Where" column, and a row that names
// no test says "not met" (with its reason). Fails,
// naming the line, on any of these, and when the page has no SHALL table at all (a page that lost its tables
// would otherwise pass). `--doc FILE` checks another copy of the page (the tooling test's); paths are always
// resolved against the repository.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "..");
const DOC = "docs/nist-800-63b.md";
const REPO_PATH = /^(?:(?:src|test|scripts|migrations|docs|bench)\/[\w./-]+|README\.md|wrangler\.toml|package\.json)$/;
const TEST_FILE = /^test\/.+\.test\.(?:ts|mjs)$/;

/** The cells of a markdown table row (`| a | b |`), with escaped pipes kept inside their cell. */
function cells(/** @type {string} */ line) {
  return line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll("\\|", "|"));
}

/** The string in a JavaScript literal's source (quotes stripped, escapes read). */
function literalValue(/** @type {string} */ quote, /** @type {string} */ body) {
  if (quote === '"') return JSON.parse(`"${body}"`);
  return JSON.parse(`"${body.replace(/\\(['`])/g, "$1").replace(/"/g, '\\"')}"`);
}

/**
 * Every title a test file gives: the first argument of `describe`, `it` and `test` (with modifiers such as
 * `.skip`), and the title of an `.each(table)(title, …)`, as written (a template's `${…}` stays as it is).
 * @param {string} source
 * @returns {Set<string>}
 */
export function testTitles(source) {
  const titles = new Set();
  const literal = String.raw`(["'\x60])((?:\\.|(?!\1)[^\\])*)\1`;
  const call = new RegExp(String.raw`\b(?:describe|it|test)(?:\.\w+)*\(\s*${literal}`, "g");
  const eachTitle = new RegExp(String.raw`\)\(\s*${literal}`, "g");
  for (const pattern of [call, eachTitle]) {
    for (const match of source.matchAll(pattern)) titles.add(literalValue(match[1] ?? '"', match[2] ?? ""));
  }
  return titles;
}

/**
 * The problems of the page's text, each as "file:line: what"; none when it holds.
 * @param {string} text the page
 * @param {{ root: string, name: string }} options where paths are resolved, and the page's name in messages
 * @returns {string[]}
 */
export function checkNistTable(text, { root, name }) {
  const problems = [];
  /** @type {Map<string, Set<string>>} */
  const titlesOf = new Map();
  /** @type {string[] | null} */
  let header = null;
  let shallTables = 0;
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    const where = `${name}:${index + 1}`;
    for (const [, ref] of line.matchAll(/`([^`]+)`/g)) {
      if (ref !== undefined && REPO_PATH.test(ref) && !existsSync(path.join(root, ref))) {
        problems.push(`${where}: ${ref} does not exist`);
      }
    }
    if (!line.trimStart().startsWith("|")) {
      header = null;
      continue;
    }
    const row = cells(line);
    if (header === null) {
      header = row;
      if (row[1] === "SHALL") shallTables++;
      continue;
    }
    if (row.every((cell) => /^:?-+:?$/.test(cell))) continue;
    const heldBy = header.indexOf("Held by");
    if (heldBy === -1) continue;
    let titled = 0;
    /** @type {string | null} */
    let file = null;
    for (const [, ref, title] of (row[heldBy] ?? "").matchAll(/`([^`]+)`|"([^"]+)"/g)) {
      if (ref !== undefined) {
        file = ref;
        continue;
      }
      if (title === undefined) continue;
      titled++;
      if (file === null || !TEST_FILE.test(file)) {
        problems.push(`${where}: the test "${title}" names no test file before it`);
        continue;
      }
      if (!existsSync(path.join(root, file))) continue; // already reported above
      let titles = titlesOf.get(file);
      if (titles === undefined) {
        titles = testTitles(readFileSync(path.join(root, file), "utf8"));
        titlesOf.set(file, titles);
      }
      if (!titles.has(title)) problems.push(`${where}: ${file} has no test titled "${title}"`);
    }
    if (header[1] !== "SHALL") continue;
    if (titled === 0 && !/not met/i.test(line)) {
      problems.push(`${where}: a SHALL with no test that holds it must say "not met" and why (${row[1] ?? ""})`);
    }
    const whereColumn = header.indexOf("Where");
    const files = [...(row[whereColumn] ?? "").matchAll(/`([^`]+)`/g)].filter(([, ref]) => REPO_PATH.test(ref ?? ""));
    if (whereColumn !== -1 && files.length === 0) {
      problems.push(`${where}: a SHALL row names no file in "Where" (${row[1] ?? ""})`);
    }
  }
  if (shallTables === 0) problems.push(`${name}: no table whose requirement column is headed "SHALL"`);
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { doc: { type: "string" } } });
  const doc = values.doc ?? path.join(ROOT, DOC);
  const problems = checkNistTable(readFileSync(doc, "utf8"), { root: ROOT, name: values.doc ?? DOC });
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  console.log(`${DOC}: every file and test it names exists, and every SHALL without a test says why`);
}
