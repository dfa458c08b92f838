// `npx node scripts/storage-footprint.mjs`: bytes per account and per audit event, measured on SQLite (what
// D1 is) with this repository's migrations applied: page_count × page_size before and after inserting
// many typical rows. Prints them as JSON; `npm run simulate` builds on them and the docs' footprint figures
// are checked against them by `npm run lint` (scripts/check-doc-figures.mjs). Needs Node 22 (node:sqlite).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

const ROOT = path.resolve(import.meta.dirname, "..");
const UA =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
// A PBKDF2 hash as src/core/password-hash.ts stores it: 16-byte salt and 32-byte key in base64.
const HASH = `$pbkdf2-sha256$i=100000,p=1$${"A".repeat(22)}==$${"B".repeat(43)}=`;

/** The measured footprint; rounded to whole bytes, the same on every run of one SQLite version. */
export function measureFootprint(rows = 20_000) {
  const db = new DatabaseSync(":memory:");
  for (const file of readdirSync(path.join(ROOT, "migrations"))
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    db.exec(readFileSync(path.join(ROOT, "migrations", file), "utf8"));
  }
  const pragma = (/** @type {string} */ name) => Number(db.prepare(`PRAGMA ${name}`).get()?.[name]);
  const bytes = () => pragma("page_count") * pragma("page_size");
  const hex = (/** @type {number} */ n, /** @type {number} */ width) => n.toString(16).padStart(width, "0");
  const now = new Date().toISOString();

  const beforeUsers = bytes();
  const addUser = db.prepare(
    `INSERT INTO users (id, email, email_key, password_hash, credential_version, first_name, last_name, created_at, updated_at, password_updated_at, last_login_at)
     VALUES (?, ?, ?, ?, 0, 'Ada', 'Lovelace', ?, ?, ?, ?)`,
  );
  db.exec("BEGIN");
  for (let i = 0; i < rows; i++) {
    addUser.run(`blt${hex(i, 24)}`, `person.${i}@example.com`, hex(i * 7919, 64), HASH, now, now, now, now);
  }
  db.exec("COMMIT");
  const perUser = (bytes() - beforeUsers) / rows;

  const beforeEvents = bytes();
  const addEvent = db.prepare(
    "INSERT INTO audit_events (user_id, type, ip, user_agent, detail, created_at) VALUES (?, ?, '203.0.113.9', ?, ?, ?)",
  );
  db.exec("BEGIN");
  for (let i = 0; i < rows; i++) addEvent.run(`blt${hex(i % 2000, 24)}`, "sign_in", UA, null, now);
  db.exec("COMMIT");
  const perEvent = (bytes() - beforeEvents) / rows;
  const sqlite = String(db.prepare("SELECT sqlite_version() AS v").get()?.v);
  db.close();
  return { sqlite, rows, bytesPerAccount: Math.round(perUser), bytesPerAuditEvent: Math.round(perEvent) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(measureFootprint()));
