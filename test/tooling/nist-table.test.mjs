// docs/nist-800-63b.md is checked against the repository (scripts/check-nist-table.mjs, run by `npm run lint`).
// These tests copy the page, break one row, and expect the check to fail naming it: a check that passed
// whatever the page said would keep nothing from drifting.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { testTitles } from "../../scripts/check-nist-table.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PAGE = readFileSync(path.join(ROOT, "docs/nist-800-63b.md"), "utf8");

/** @type {string} */
let dir;

/** Runs the check on the page with `edit` applied (which must change it); returns its exit code and output. */
function checkEdited(/** @type {(text: string) => string} */ edit) {
  const changed = edit(PAGE);
  assert.notEqual(changed, PAGE, "the edit did not change the page");
  const doc = path.join(dir, "nist-800-63b.md");
  writeFileSync(doc, changed);
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/check-nist-table.mjs"), "--doc", doc], {
    encoding: "utf8",
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe("the NIST page names only files and tests that exist", () => {
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "nist-table-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("the page as committed passes", () => {
    const r = checkEdited((t) => `${t}\n`);
    assert.equal(r.status, 0, r.output);
  });

  test("a file that does not exist fails, naming it and its line", () => {
    const r = checkEdited((t) => t.replace("`src/core/password-hash.ts`", "`src/core/password-hashing.ts`"));
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /nist-800-63b\.md:\d+: src\/core\/password-hashing\.ts does not exist/);
  });

  test("a test title the named file does not have fails, naming both", () => {
    const title = "has no composition rules: lower-case words with spaces are fine";
    const r = checkEdited((t) => t.replace(`"${title}"`, `"${title}!"`));
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /test\/unit\/password-policy\.test\.ts has no test titled "has no composition rules: .*!"/);
  });

  test("a real title under the wrong file fails", () => {
    const r = checkEdited((t) =>
      t.replace(
        '`test/unit/password-policy.test.ts` "has no composition rules',
        '`test/unit/password-hash.test.ts` "has no composition rules',
      ),
    );
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /test\/unit\/password-hash\.test\.ts has no test titled/);
  });

  test("a SHALL row with no test that does not say 'not met' fails", () => {
    const row = PAGE.split("\n").find((line) => line.includes("SHALL NOT impose composition rules"));
    assert.ok(row !== undefined, "the composition row is on the page");
    const cellsOf = row.split(" | ");
    const untested = [...cellsOf.slice(0, -1), "— |"].join(" | ");
    const r = checkEdited((t) => t.replace(row, untested));
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /a SHALL with no test that holds it must say "not met"/);
  });

  test("the same row saying 'not met' with its reason passes", () => {
    const row = PAGE.split("\n").find((line) => line.includes("SHALL NOT impose composition rules"));
    assert.ok(row !== undefined);
    const cellsOf = row.split(" | ");
    cellsOf[2] = "**Not met**: a reason";
    const r = checkEdited((t) => t.replace(row, [...cellsOf.slice(0, -1), "— |"].join(" | ")));
    assert.equal(r.status, 0, r.output);
  });

  test("a SHALL row that names no file fails", () => {
    const row = PAGE.split("\n").find((line) => line.includes("SHALL NOT impose composition rules"));
    assert.ok(row !== undefined);
    const cellsOf = row.split(" | ");
    cellsOf[3] = "—";
    const r = checkEdited((t) => t.replace(row, cellsOf.join(" | ")));
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /a SHALL row names no file in "Where"/);
  });

  test("a page that lost its SHALL tables fails", () => {
    const r = checkEdited((t) => t.replaceAll("| Section | SHALL |", "| Section | Requirement |"));
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /no table whose requirement column is headed "SHALL"/);
  });

  test("titles are read from describe, it, test, their modifiers and .each, across lines and quotes", () => {
    const source = [
      'describe("a group", () => {',
      "  it(",
      "    'split over lines, with \\'quotes\\'',",
      "    async () => {},",
      "  );",
      '  test.skip("skipped \\"quoted\\"", () => {});',
      '  it.each([[1, 2]])("each %s: %s", () => {});',
      "  it(`a template`, () => {});",
      '  expect("not a title").toBe("x");',
      "});",
    ].join("\n");
    assert.deepEqual(
      [...testTitles(source)].sort(),
      ["a group", "a template", "each %s: %s", 'skipped "quoted"', "split over lines, with 'quotes'"].sort(),
    );
  });
});
