/**
 * The SessionRegistry's passkey tables: the user's credentials (public key, counter, name, added and last
 * used) and the challenges of ceremonies that begin with the user known (adding one, the second step, the
 * reset, removing one). A challenge is stored only as its SHA-256, lives PASSKEY_CHALLENGE_TTL_MS and is
 * deleted by the statement that uses it, so it works once. Every statement is synchronous (input gates).
 */
import type { PasskeyCredential } from "../core/passkey";
import { MINUTE_MS } from "../core/time";

export const PASSKEY_SCHEMA = `
CREATE TABLE IF NOT EXISTS passkeys (
  id TEXT PRIMARY KEY, public_key TEXT NOT NULL, algorithm INTEGER NOT NULL, counter INTEGER NOT NULL,
  name TEXT NOT NULL, created_at INTEGER NOT NULL, last_used_at INTEGER);
CREATE TABLE IF NOT EXISTS passkey_challenges (
  hash TEXT PRIMARY KEY, purpose TEXT NOT NULL, expires_at INTEGER NOT NULL);`;

/** A ceremony's challenge is good for 5 minutes (WebAuthn's recommended timeout range tops out there). */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * MINUTE_MS;
/** An account holds at most this many passkeys. */
export const MAX_PASSKEYS = 10;

/** What a challenge of the user's object is for: one purpose cannot stand in for another. */
export type PasskeyPurpose = "register" | "second_factor" | "reset" | "remove" | "turn_on";

/** A passkey as /account shows it. */
export interface PasskeyInfo {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

interface PasskeyRow extends Record<string, SqlStorageValue> {
  id: string;
  public_key: string;
  algorithm: number;
  counter: number;
  name: string;
  created_at: number;
  last_used_at: number | null;
}

/** Statements on one object's passkey tables. */
export class PasskeyTable {
  constructor(private readonly sql: SqlStorage) {}

  /** Keeps a challenge (by its hash) for `purpose` until it is used or expires; expired ones go. */
  addChallenge(hash: string, purpose: PasskeyPurpose, now: number): void {
    this.sql.exec("DELETE FROM passkey_challenges WHERE expires_at <= ?", now);
    this.sql.exec(
      "INSERT INTO passkey_challenges (hash, purpose, expires_at) VALUES (?, ?, ?)",
      hash,
      purpose,
      now + PASSKEY_CHALLENGE_TTL_MS,
    );
  }

  /** Uses a challenge: true once, for its purpose, while it lives; it is gone after (used or not). */
  takeChallenge(hash: string, purpose: PasskeyPurpose, now: number): boolean {
    const rows = this.sql
      .exec<{ purpose: string; expires_at: number }>(
        "DELETE FROM passkey_challenges WHERE hash = ? RETURNING purpose, expires_at",
        hash,
      )
      .toArray();
    const row = rows[0];
    return row !== undefined && row.purpose === purpose && row.expires_at > now;
  }

  /** The stored credential with this id. */
  credential(id: string): PasskeyCredential | null {
    const row = this.sql.exec<PasskeyRow>("SELECT * FROM passkeys WHERE id = ?", id).toArray()[0];
    if (row === undefined) return null;
    return { id: row.id, publicKeyJwk: row.public_key, algorithm: row.algorithm, counter: row.counter };
  }

  count(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM passkeys").one().n;
  }

  /** Adds a credential; false if this id is already here. */
  insert(credential: PasskeyCredential, name: string, now: number): boolean {
    const written = this.sql.exec(
      "INSERT OR IGNORE INTO passkeys (id, public_key, algorithm, counter, name, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      credential.id,
      credential.publicKeyJwk,
      credential.algorithm,
      credential.counter,
      name,
      now,
    ).rowsWritten;
    return written > 0;
  }

  /** Records a use: the new counter and when. */
  markUsed(id: string, counter: number, now: number): void {
    this.sql.exec("UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?", counter, now, id);
  }

  list(): PasskeyInfo[] {
    return this.sql
      .exec<PasskeyRow>("SELECT * FROM passkeys ORDER BY created_at, id")
      .toArray()
      .map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at }));
  }

  rename(id: string, name: string): boolean {
    return this.sql.exec("UPDATE passkeys SET name = ? WHERE id = ?", name, id).rowsWritten > 0;
  }

  /** Removes a credential; its name if it was here. */
  remove(id: string): string | null {
    const rows = this.sql.exec<{ name: string }>("DELETE FROM passkeys WHERE id = ? RETURNING name", id).toArray();
    return rows[0]?.name ?? null;
  }
}
