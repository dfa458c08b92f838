// What a run records about where it ran, and the files it writes: bench/results/<date>[-smoke].{json,md,svg}.
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { latencySvg, markdownSummary } from "./report.mjs";
import { ROOT } from "./server.mjs";

/** @typedef {import("./types.d.ts").Results} Results */

/** The commit measured, and whether the working tree (and so the snapshot of src/) differs from it. */
export function gitFacts() {
  const git = (/** @type {string[]} */ ...a) => execFileSync("git", a, { cwd: ROOT, encoding: "utf8" }).trim();
  try {
    const status = git("status", "--porcelain");
    const changed = status.split("\n").filter((l) => l.trim() !== "");
    return {
      commit: git("rev-parse", "HEAD"),
      dirty: changed.length > 0,
      // What the snapshot of src/ may contain beyond the commit.
      uncommitted_in_src: changed.filter((l) => l.slice(3).startsWith("src/")).map((l) => l.trim()),
    };
  } catch {
    return { commit: "unknown", dirty: null };
  }
}

/** @returns {Results["machine"]} */
export function machineFacts() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpu_model: cpus[0]?.model ?? "unknown",
    memory_mb: Math.round(os.totalmem() / 2 ** 20),
    node: process.versions.node,
    loadavg_start: os.loadavg(),
  };
}

/** Writes the results' three files (each through a temporary name); returns their paths. */
export function writeResults(/** @type {Results} */ results) {
  const dir = path.join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const stamp = results.date.replace(/\.\d+Z$/, "Z").replace(/:/g, "-") + (results.smoke ? "-smoke" : "");
  const pairs = results.timing_pairs;
  const series = [
    ...results.runs.map((r) => ({ label: `${r.name} (c=${r.connections})`, ...r.latency })),
    ...Object.values(results.unloaded)
      .filter((u) => u !== null)
      .map((u) => ({ label: `${u.name} (c=1)`, ...u })),
    ...(pairs.forgot
      ? [
          { label: "forgot, known (c=1)", ...pairs.forgot.known },
          { label: "forgot, unknown (c=1)", ...pairs.forgot.unknown },
        ]
      : []),
    ...(pairs.sign_in
      ? [
          { label: "sign-in, known (c=1)", ...pairs.sign_in.known },
          { label: "sign-in, unknown (c=1)", ...pairs.sign_in.unknown },
        ]
      : []),
  ].filter((s) => s.n > 0);
  /** @type {string[]} */
  const files = [];
  const write = (/** @type {string} */ name, /** @type {string} */ text) => {
    const file = path.join(dir, name);
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
    files.push(file);
  };
  write(
    `${stamp}.svg`,
    latencySvg(
      series,
      `Latency percentiles, ${results.smoke ? "smoke run " : ""}${results.date.slice(0, 16).replace("T", " ")} UTC`,
    ),
  );
  write(`${stamp}.md`, markdownSummary(results, `${stamp}.svg`));
  write(`${stamp}.json`, `${JSON.stringify(results, null, 2)}\n`);
  return files;
}
