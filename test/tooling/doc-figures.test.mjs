// The docs' figures are checked against what the scripts compute (scripts/check-doc-figures.mjs, run by
// `npm run lint`). These tests copy the docs, change one figure or table cell, and expect the check to fail
// naming it: a check that passed whatever the docs said would keep nothing from drifting.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { formatFigure } from "../../scripts/check-doc-figures.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE = ["--disable-warning=ExperimentalWarning"];

/** @type {string} */
let dir;
/** @type {string} */
let figuresFile;

/** Runs the check on the copy of the docs with the figures computed once; returns its exit code and output. */
function check() {
  const r = spawnSync(
    process.execPath,
    [...NODE, path.join(ROOT, "scripts/check-doc-figures.mjs"), "--root", dir, "--figures", figuresFile],
    { encoding: "utf8" },
  );
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** A fresh copy of the docs, with `edit` applied to `file`'s text (which must change it). */
function copyDocs(/** @type {string} */ file, /** @type {(text: string) => string} */ edit) {
  rmSync(path.join(dir, "docs"), { recursive: true, force: true });
  cpSync(path.join(ROOT, "docs"), path.join(dir, "docs"), { recursive: true });
  cpSync(path.join(ROOT, "README.md"), path.join(dir, "README.md"));
  cpSync(path.join(ROOT, "bench/README.md"), path.join(dir, "bench/README.md"));
  const target = path.join(dir, file);
  const text = readFileSync(target, "utf8");
  const changed = edit(text);
  assert.notEqual(changed, text, `the edit did not change ${file}`);
  writeFileSync(target, changed);
}

describe("the docs' figures are what the scripts compute", () => {
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "doc-figures-"));
    mkdirSync(path.join(dir, "bench"));
    // The figures once (the shard spread takes most of half a minute), as `npm run simulate -- --json` prints them.
    const r = spawnSync(process.execPath, [...NODE, path.join(ROOT, "scripts/simulate.mjs"), "--json"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(r.status, 0, r.stderr);
    figuresFile = path.join(dir, "figures.json");
    writeFileSync(figuresFile, r.stdout);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("the docs as committed pass", () => {
    copyDocs("README.md", (t) => `${t}\n`);
    const r = check();
    assert.equal(r.status, 0, r.output);
  });

  test("bytes per account changed in docs/storage.md fails, naming the figure and its line", () => {
    copyDocs("docs/storage.md", (t) =>
      t.replace(/(\*\*<!-- figure footprint\.account -->)(\d+)/, (_m, anchor, n) => `${anchor}${Number(n) + 1}`),
    );
    const r = check();
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /docs\/storage\.md:\d+: footprint\.account is "\d+" here/);
  });

  test("a benchmark figure changed in the README fails", () => {
    copyDocs("README.md", (t) => t.replace(/(<!-- figure bench\.cost\.reset \.2 -->)[\d.]+/, "$113.44"));
    const r = check();
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /README\.md:\d+: bench\.cost\.reset is "13\.44" here/);
  });

  test("a cell of the spread table changed fails", () => {
    copyDocs("docs/scale.md", (t) => t.replace(/(shards from the start \| [\d,]+ \| )1\.\d+/, "$11.999"));
    const r = check();
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /the spread table is not what/);
  });

  test("an anchor naming no figure fails", () => {
    copyDocs("docs/scale.md", (t) =>
      t.replace("<!-- figure footprint.account -->", "<!-- figure footprint.acount -->"),
    );
    const r = check();
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /no script computes a figure named footprint\.acount/);
  });
});

test("figures are rounded as their anchors say", () => {
  assert.equal(formatFigure(447, []), "447");
  assert.equal(formatFigure(24_021_069.9, ["/1e6", "~2"]), "24");
  assert.equal(formatFigure(1_993_209.3, ["/1e6", "~2"]), "2.0");
  assert.equal(formatFigure(338_826.7, ["~1"]), "300,000");
  assert.equal(formatFigure(-1.0944, [".2"]), "−1.09");
  assert.equal(formatFigure(5387, ["/1e3", ".1"]), "5.4");
  assert.equal(formatFigure("dca4f62", [".2"]), "dca4f62");
});
