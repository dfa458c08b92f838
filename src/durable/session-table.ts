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

  /** Live sessions seen after `cutoff`, newest first. */
  listLive(cutoff: number): SessionInfo[] {
    return this.sql
      .exec<SessionRow>(
        `SELECT * FROM sessions WHERE ${LIVE_SESSION} AND last_seen_at > ? ORDER BY created_at DESC`,
        cutoff,
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

  /** Deletes rows of epochs before `epoch` and rows idle since `idleCutoff`; returns the oldest last-seen left. */
  purge(epoch: number, idleCutoff: number): number | null {
    this.sql.exec("DELETE FROM sessions WHERE epoch < ? OR last_seen_at <= ?", epoch, idleCutoff);
    return this.sql.exec<{ m: number | null }>("SELECT MIN(last_seen_at) AS m FROM sessions").one().m;
  }
}
