// Checks the production bundle written by `wrangler deploy --dry-run --outdir dist --env production`:
// the real routes are in it, and the development-only routes (the dev mailbox, which would hand out every
// reset link, the benchmark's baselines, the API reference page) are not (invariant 14 in docs/design.md).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const DIST = path.resolve(import.meta.dirname, "..", "dist");
const bundle = readdirSync(DIST)
  .filter((f) => /\.(js|mjs)$/.test(f))
  .map((f) => readFileSync(path.join(DIST, f), "utf8"))
  .join("\n");

const required = ["/v3/user-session", "/forgot-password", "SessionRegistry", "/openapi.json"];
const forbidden = ["/__bench", "/dev/mailbox", "Dev mailbox", "bench-calibration", "/dev/api-reference", "@scalar/"];
const problems = [
  ...required.filter((s) => !bundle.includes(s)).map((s) => `missing from the production bundle: ${s}`),
  ...forbidden.filter((s) => bundle.includes(s)).map((s) => `development-only code in the production bundle: ${s}`),
];
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `production bundle: ${(bundle.length / 1024).toFixed(0)} KiB, the API and pages present, no dev-only routes`,
);
