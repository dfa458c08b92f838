/** What /account shows a signed-in person: their live sessions and recent security events. */
import { sessionRegistry } from "../durable/session-registry";
import { type AuditEvent, listAuditEvents } from "../storage/audit";
import type { SessionInfo } from "./sessions";

export type { AuditEvent } from "../storage/audit";

/** How many security events the account page lists. */
const RECENT_EVENTS = 10;

export interface AccountOverview {
  sessions: SessionInfo[];
  events: AuditEvent[];
}

/** Live sessions (newest first) and the newest events, read at once. */
export async function accountOverview(env: Env, userId: string, now: number): Promise<AccountOverview> {
  const [sessions, events] = await Promise.all([
    sessionRegistry(env, userId).listSessions(now),
    listAuditEvents(env.DB, userId, RECENT_EVENTS),
  ]);
  return { sessions, events };
}
