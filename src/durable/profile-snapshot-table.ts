/**
 * The SessionRegistry's one-row `profile_snapshot` table: the account's profile as GET /v3/user shows it,
 * so that request asks one store (this object) for the session and the profile together. D1 stays the
 * truth; the snapshot is a copy with a generation. Every change to what it holds bumps the generation and
 * drops the copy; a copy read from D1 is stored only under the generation it was read in, so a read that
 * raced a change is refused rather than kept (docs/design.md, "Who am I in one step").
 */

/** The profile fields GET /v3/user answers with (never a hash or a key). */
export interface ProfileSnapshot {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  createdAt: string;
  updatedAt: string;
  passwordUpdatedAt: string;
  lastLoginAt: string | null;
  /** Failed sign-ins counted when the copy was taken (a successful sign-in clears them and sets it to 0). */
  failedAttempts: number;
}

export const PROFILE_SNAPSHOT_SCHEMA = `
CREATE TABLE IF NOT EXISTS profile_snapshot (
  id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL, profile TEXT);`;

/** Statements on one object's `profile_snapshot` row (absent until the first change or copy: generation 0). */
export class ProfileSnapshotTable {
  constructor(private readonly sql: SqlStorage) {}

  /** The copy (null: none) and the generation a copy read from D1 now must be stored under. */
  read(): { profile: ProfileSnapshot | null; generation: number } {
    const row = this.sql
      .exec<{ generation: number; profile: string | null }>("SELECT generation, profile FROM profile_snapshot")
      .toArray()[0];
    if (row === undefined) return { profile: null, generation: 0 };
    return {
      profile: row.profile === null ? null : (JSON.parse(row.profile) as ProfileSnapshot),
      generation: row.generation,
    };
  }

  /** Stores a copy read in `generation`; false (nothing stored) if the profile changed since. */
  store(profile: ProfileSnapshot, generation: number): boolean {
    const json = JSON.stringify(profile);
    if (generation === 0) {
      const inserted = this.sql.exec(
        "INSERT INTO profile_snapshot (id, generation, profile) VALUES (1, 0, ?) ON CONFLICT (id) DO UPDATE SET profile = excluded.profile WHERE generation = 0",
        json,
      );
      return inserted.rowsWritten > 0;
    }
    return (
      this.sql.exec("UPDATE profile_snapshot SET profile = ? WHERE generation = ?", json, generation).rowsWritten > 0
    );
  }

  /** The profile changed (or may have): the copy goes, and a copy read before now can no longer be stored. */
  changed(): void {
    this.sql.exec(
      `INSERT INTO profile_snapshot (id, generation, profile) VALUES (1, 1, NULL)
       ON CONFLICT (id) DO UPDATE SET generation = generation + 1, profile = NULL`,
    );
  }

  /**
   * A sign-in: D1 records `lastLoginAt` and clears the failures beside it, so the copy says the same; and a
   * copy read before it can no longer be stored (it would carry the previous last login).
   */
  signedIn(lastLoginAt: string): void {
    const { profile } = this.read();
    this.changed();
    if (profile === null) return;
    const updated = { ...profile, lastLoginAt, failedAttempts: 0 };
    this.sql.exec("UPDATE profile_snapshot SET profile = ?", JSON.stringify(updated));
  }
}
