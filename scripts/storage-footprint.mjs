// `npx node scripts/storage-footprint.mjs`: bytes per account and per audit event, measured on SQLite (what
// D1 is) with this repository's migrations applied: page_count × page_size before and after inserting
// many typical rows. docs/storage.md ("Footprint") quotes its output. Needs Node 22 (node:sqlite).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

const root = path.resolve(import.meta.dirname, "..");
const db = new DatabaseSync(":memory:");
for (const file of readdirSync(path.join(root, "migrations"))
  .filter((f) => f.endsWith(".sql"))
  .sort()) {
  db.exec(readFileSync(path.join(root, "migrations", file), "utf8"));
}
const bytes = () => db.prepare("PRAGMA page_count").get().page_count * db.prepare("PRAGMA page_size").get().page_size;
const hex = (n, width) => n.toString(16).padStart(width, "0");
const UA =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const N = 20_000;

const beforeUsers = bytes();
const addUser = db.prepare(
  `INSERT INTO users (id, email, email_key, password_hash, credential_version, first_name, last_name, created_at, updated_at, password_updated_at, last_login_at)
   VALUES (?, ?, ?, ?, 0, 'Ada', 'Lovelace', ?, ?, ?, ?)`,
);
const now = new Date().toISOString();
// A PBKDF2 hash as src/core/password-hash.ts stores it: 16-byte salt and 32-byte key in base64.
const hash = `$pbkdf2-sha256$i=100000,p=1$${"A".repeat(22)}==$${"B".repeat(43)}=`;
db.exec("BEGIN");
for (let i = 0; i < N; i++) {
  addUser.run(`blt${hex(i, 24)}`, `person.${i}@example.com`, hex(i * 7919, 64), hash, now, now, now, now);
}
db.exec("COMMIT");
const perUser = (bytes() - beforeUsers) / N;

const beforeEvents = bytes();
const addEvent = db.prepare(
  "INSERT INTO audit_events (user_id, type, ip, user_agent, detail, created_at) VALUES (?, ?, '203.0.113.9', ?, ?, ?)",
);
db.exec("BEGIN");
for (let i = 0; i < N; i++) addEvent.run(`blt${hex(i % 2000, 24)}`, "sign_in", UA, null, now);
db.exec("COMMIT");
const perEvent = (bytes() - beforeEvents) / N;

console.log(
  JSON.stringify({
    sqlite: db.prepare("SELECT sqlite_version() AS v").get().v,
    rows: N,
    bytesPerAccount: Math.round(perUser),
    bytesPerAuditEvent: Math.round(perEvent),
  }),
);
