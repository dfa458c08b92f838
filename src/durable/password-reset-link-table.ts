/**
 * The SessionRegistry's `reset_links` table: what became of each reset link issued in the last week
 * (only hashes are kept), so the page of a dead link can say why it is dead: used (when), replaced by a
 * newer email (when that was sent), or issued before the password last changed. The registry's state
 * row stays the only authority on which link works.
 */
import { DAY_MS } from "../core/time";

/** Rows older than this are pruned when a new link is issued. */
const KEEP_MS = 7 * DAY_MS;

export const RESET_LINK_SCHEMA = `
CREATE TABLE IF NOT EXISTS reset_links (
  token_hash TEXT PRIMARY KEY, issued_at INTEGER NOT NULL, replaced_at INTEGER, used_at INTEGER);`;

/** What happened to one link. */
export interface LinkHistory {
  issuedAt: number;
  replacedAt: number | null;
  usedAt: number | null;
}

interface LinkRow extends Record<string, SqlStorageValue> {
  issued_at: number;
  replaced_at: number | null;
  used_at: number | null;
}

/** Statements on one object's `reset_links` table. */
export class ResetLinkTable {
  constructor(private readonly sql: SqlStorage) {}

  /** Every link's hash still held (the last week's): an erased account's KV records to delete. */
  hashes(): string[] {
    return this.sql
      .exec<{ token_hash: string }>("SELECT token_hash FROM reset_links")
      .toArray()
      .map((row) => row.token_hash);
  }

  /** A new link: every outstanding one is replaced by it as of its issue time. */
  issued(tokenHash: string, issuedAt: number): void {
    this.sql.exec("DELETE FROM reset_links WHERE issued_at < ?", issuedAt - KEEP_MS);
    this.sql.exec(
      "UPDATE reset_links SET replaced_at = ? WHERE replaced_at IS NULL AND used_at IS NULL AND token_hash != ?",
      issuedAt,
      tokenHash,
    );
    this.sql.exec("INSERT OR IGNORE INTO reset_links (token_hash, issued_at) VALUES (?, ?)", tokenHash, issuedAt);
  }

  used(tokenHash: string, at: number): void {
    this.sql.exec("UPDATE reset_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", at, tokenHash);
  }

  find(tokenHash: string): LinkHistory | null {
    const row = this.sql
      .exec<LinkRow>("SELECT issued_at, replaced_at, used_at FROM reset_links WHERE token_hash = ?", tokenHash)
      .toArray()[0];
    return row === undefined ? null : { issuedAt: row.issued_at, replacedAt: row.replaced_at, usedAt: row.used_at };
  }
}
