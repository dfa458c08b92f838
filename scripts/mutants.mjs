// `npm run mutants`: a curated list of mutations, at least one per security control and per numbered
// invariant of docs/design.md. Each is applied alone to a scratch copy of the repository, the test files
// that should catch it run there, and the run fails if any mutant survives (its tests still pass).
// A mutation names the code it changes by a snippet matched with all white space folded, so reformatting
// does not break it; a snippet that no longer matches exactly once fails the run loudly (update the list).
// StrykerJS was not used: its vitest runner does not drive the Workers pool (@cloudflare/vitest-plugin
// runs tests inside workerd), and generated mutants cannot be told apart by what they break.
// Usage: npm run mutants [-- --only <name substring>] [-- --list]
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { MUTANTS } from "./mutants-list.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const only = args.includes("--only") ? (args[args.indexOf("--only") + 1] ?? "") : null;
const selected = MUTANTS.filter((m) => only === null || m.name.includes(only));
if (args.includes("--list")) {
  for (const m of selected) console.log(`${m.name}\n    ${m.file}  ->  ${m.tests.join(", ")}`);
  process.exit(0);
}

/**
 * The snippet as a regular expression in which every run of white space matches any run (or none at a boundary).
 * @param {string} snippet
 */
function folded(snippet) {
  const escaped = snippet.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(escaped.replace(/\s+/g, "\\s*"), "g");
}

/**
 * A mutant is killed only by a failing test. A vitest that never ran a test (it could not start, a missing
 * module, the wrong Node) exits non-zero too, and must not pass for a kill: it is reported as not run.
 * @param {import("node:child_process").SpawnSyncReturns<string>} run
 */
function judge(run) {
  if (run.status === 0) return "SURVIVED";
  const output = stripVTControlCharacters(`${run.stdout ?? ""}${run.stderr ?? ""}`);
  return /\b(Test Files|Tests)\s+\d+ failed/.test(output) ? "killed" : "NO RUN";
}

if (args.includes("--check")) {
  // Lint's cheap half: every snippet applies exactly once, every named test file exists, and docs/testing.md
  // names every mutant (in its mutation table or its guard table), so a guard's mutant cannot land unlisted.
  const testingDoc = readFileSync(path.join(ROOT, "docs/testing.md"), "utf8");
  const problems = selected.flatMap((m) => {
    const file = path.join(ROOT, m.file);
    if (!existsSync(file)) return [`${m.name}: no file ${m.file}`];
    const count = (readFileSync(file, "utf8").match(folded(m.find)) ?? []).length;
    const missing = m.tests.filter((t) => !existsSync(path.join(ROOT, t))).map((t) => `${m.name}: no test ${t}`);
    const undocumented = testingDoc.includes(m.name) ? [] : [`${m.name}: not named in docs/testing.md`];
    return [
      ...(count === 1 ? [] : [`${m.name}: its snippet matches ${count} times in ${m.file}`]),
      ...missing,
      ...undocumented,
    ];
  });
  for (const p of problems) console.log(`NOT APPLICABLE: ${p}`);
  console.log(
    `mutants: ${selected.length} listed, ${problems.length === 0 ? "every snippet applies once" : `${problems.length} problems`}`,
  );
  process.exit(problems.length === 0 ? 0 : 1);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "mutants-"));
cpSync(ROOT, scratch, {
  recursive: true,
  filter: (src) => !/[/\\](node_modules|\.git|\.wrangler|dist|bench[/\\]results)([/\\]|$)/.test(src.slice(ROOT.length)),
});
symlinkSync(path.join(ROOT, "node_modules"), path.join(scratch, "node_modules"), "dir");

const survivors = [];
const broken = [];
const started = Date.now();
try {
  for (const [i, mutant] of selected.entries()) {
    const file = path.join(scratch, mutant.file);
    const original = readFileSync(file, "utf8");
    const pattern = folded(mutant.find);
    const matches = original.match(pattern) ?? [];
    if (matches.length !== 1) {
      broken.push(`${mutant.name}: its snippet matches ${matches.length} times in ${mutant.file}`);
      continue;
    }
    writeFileSync(file, original.replace(pattern, mutant.replace));
    const t0 = Date.now();
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run", ...mutant.tests],
      {
        cwd: scratch,
        encoding: "utf8",
        // A mutant may need a layout of shards (TEST_SHARD_LAYOUT) to be observable at all.
        env: { ...process.env, CI: "true", ...mutant.env },
        timeout: 300_000,
      },
    );
    writeFileSync(file, original);
    const seconds = ((Date.now() - t0) / 1000).toFixed(0);
    const verdict = judge(run);
    console.log(`[${i + 1}/${selected.length}] ${verdict.padEnd(8)} ${mutant.name} (${seconds} s)`);
    if (verdict === "SURVIVED") survivors.push(mutant);
    if (verdict === "NO RUN") {
      broken.push(
        `${mutant.name}: vitest ran no test (${String(run.error ?? run.stderr)
          .trim()
          .split("\n")
          .at(-1)})`,
      );
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(
  `\n${selected.length} mutants, ${survivors.length} survived, ${broken.length} could not be applied; ${minutes} min`,
);
for (const m of survivors) console.log(`SURVIVED: ${m.name} — ${m.file} (tests: ${m.tests.join(", ")})`);
for (const b of broken) console.log(`NOT APPLIED: ${b}`);
process.exit(survivors.length === 0 && broken.length === 0 ? 0 : 1);
