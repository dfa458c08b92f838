/**
 * The SessionRegistry's `sessions` table: every statement on it, synchronous, so the object's methods stay
 * atomic. A session is live while its epoch is the state row's current one.
 */
import {
  LIVE_SESSION,
  type SessionInfo,
  type SessionMeta,
  type SessionRow,
  toSessionInfo,
} from "./session-registry-schema";

/** Statements on one object's `sessions` table. */
export class SessionTable {
  constructor(private readonly sql: SqlStorage) {}

  /** The live row with this id. */
  live(sessionId: string): SessionRow | undefined {
    return this.sql.exec<SessionRow>(`SELECT * FROM sessions WHERE id = ? AND ${LIVE_SESSION}`, sessionId).toArray()[0];
  }

  /** How many sessions are live. */
  liveCount(): number {
    return this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM sessions WHERE ${LIVE_SESSION}`).one().n;
  }

  /** Live sessions seen after `seenCutoff` and created after `createdCutoff`, newest first. */
  listLive(seenCutoff: number, createdCutoff: number): SessionInfo[] {
    return this.sql
      .exec<SessionRow>(
        `SELECT * FROM sessions WHERE ${LIVE_SESSION} AND last_seen_at > ? AND created_at > ? ORDER BY created_at DESC`,
        seenCutoff,
        createdCutoff,
      )
      .toArray()
      .map(toSessionInfo);
  }

  insert(sessionId: string, epoch: number, meta: SessionMeta, now: number): void {
    this.sql.exec(
      "INSERT INTO sessions (id, epoch, created_at, last_seen_at, ip, user_agent, location, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      sessionId,
      epoch,
      now,
      now,
      meta.ip,
      meta.userAgent,
      meta.location,
      meta.method ?? "password",
    );
  }

  /** Deletes the sessions of `epoch` beyond the newest `keep`; returns their ids. */
  evictBeyond(epoch: number, keep: number): string[] {
    return this.sql
      .exec<{ id: string }>(
        `DELETE FROM sessions WHERE id IN
           (SELECT id FROM sessions WHERE epoch = ?1 ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?2) RETURNING id`,
        epoch,
        keep,
      )
      .toArray()
      .map((row) => row.id);
  }

  touch(sessionId: string, now: number): void {
    this.sql.exec("UPDATE sessions SET last_seen_at = ? WHERE id = ?", now, sessionId);
  }

  delete(sessionId: string): void {
    this.sql.exec("DELETE FROM sessions WHERE id = ?", sessionId);
  }

  /** Deletes the session if it is live; returns whether it was. */
  deleteLive(sessionId: string): boolean {
    return (
      this.sql.exec(`DELETE FROM sessions WHERE id = ? AND ${LIVE_SESSION} RETURNING id`, sessionId).toArray().length >
      0
    );
  }

  moveToEpoch(sessionId: string, from: number, to: number): void {
    this.sql.exec("UPDATE sessions SET epoch = ? WHERE id = ? AND epoch = ?", to, sessionId, from);
  }

  /**
   * Deletes rows of epochs before `epoch`, rows idle since `idleCutoff` and rows created by `createdCutoff`.
   * Returns the ids of live ones that ended for their age while still in use (their open tabs are told why;
   * sessionFreshness names idleness first), and the oldest creation and last-seen left.
   */
  purge(
    epoch: number,
    idleCutoff: number,
    createdCutoff: number,
  ): { tooOld: string[]; oldest: { created: number | null; seen: number | null } } {
    const tooOld = this.sql
      .exec<{ id: string }>(
        `DELETE FROM sessions WHERE ${LIVE_SESSION} AND created_at <= ? AND last_seen_at > ? RETURNING id`,
        createdCutoff,
        idleCutoff,
      )
      .toArray()
      .map((row) => row.id);
    this.sql.exec(
      "DELETE FROM sessions WHERE epoch < ? OR last_seen_at <= ? OR created_at <= ?",
      epoch,
      idleCutoff,
      createdCutoff,
    );
    const oldest = this.sql
      .exec<{ created: number | null; seen: number | null }>(
        "SELECT MIN(created_at) AS created, MIN(last_seen_at) AS seen FROM sessions",
      )
      .one();
    return { tooOld, oldest };
  }
}
