/**
 * The SessionRegistry's storage, alarm and live sign-out sockets: the tables of one object, whether it has
 * storage yet (created on the first write for a real user, never by a read), the epoch that revokes every
 * session at once, and the alarm that sends the outbox and deletes dead rows. A plain class the object
 * (session-registry.ts) and its concept modules share; every statement is synchronous (input gates).
 */
import { readConfig } from "../core/config";
import { emailQueueFor } from "../core/email-queues";
import { SECOND_MS } from "../core/time";
import { isWebhookDelivery } from "../core/webhook-events";
import { acceptLiveSocket, answerSocketClose, LIVE_PING, LIVE_PONG, notifySignedOut } from "./live-sign-out";
import { type OutboxNotice, OutboxTable } from "./outbox-table";
import { ResetLinkTable } from "./password-reset-link-table";
import { ResetRequestTable } from "./password-reset-request-table";
import { ProfileSnapshotTable } from "./profile-snapshot-table";
import { nextSessionExpiry, SESSION_MAX_AGE_MS } from "./session-registry-rules";
import type { StateRow } from "./session-registry-schema";
import { SessionTable } from "./session-table";
import { StateTable } from "./state-table";

/** Rows of revoked epochs are deleted this long after the revocation (they are already dead). */
const PURGE_DELAY_MS = SECOND_MS;

/** One registry's tables, clean-up alarm and sockets. */
export class RegistryStorage {
  readonly sql: SqlStorage;
  readonly sessions: SessionTable;
  readonly stateRow: StateTable;
  readonly outbox: OutboxTable;
  readonly resetRequests: ResetRequestTable;
  readonly resetLinks: ResetLinkTable;
  readonly profile: ProfileSnapshotTable;

  /** Whether this object has storage yet. Reads never create it, so a forged user id costs nothing at rest. */
  initialized: boolean;

  constructor(
    readonly ctx: DurableObjectState,
    readonly env: Env,
  ) {
    this.sql = ctx.storage.sql;
    this.sessions = new SessionTable(this.sql);
    this.stateRow = new StateTable(this.sql);
    this.outbox = new OutboxTable(this.sql);
    this.resetRequests = new ResetRequestTable(this.sql);
    this.resetLinks = new ResetLinkTable(this.sql);
    this.profile = new ProfileSnapshotTable(this.sql);
    this.initialized = this.stateRow.exists();
    if (this.initialized) this.stateRow.upgrade();
    // Open tabs ping every 30 s; answered by the runtime without waking a hibernated object (no billed duration).
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(LIVE_PING, LIVE_PONG));
  }

  state(): StateRow {
    return this.stateRow.read();
  }

  /** Creates the tables and the state row on the first write for a real user. */
  ensureStorage(): void {
    if (this.initialized) return;
    this.stateRow.create();
    this.initialized = true;
  }

  /** Revokes every current session at once; their rows are deleted by the alarm shortly after. */
  startNewEpoch(now: number): number {
    const epoch = this.stateRow.bumpEpoch();
    void this.ctx.storage.setAlarm(now + PURGE_DELAY_MS);
    return epoch;
  }

  /** Keeps a notice in the outbox (creating the object's storage if need be) and brings the alarm forward. */
  async keepNotice(notice: OutboxNotice, now: number): Promise<void> {
    this.ensureStorage();
    this.outbox.add(notice.id, notice.message, now);
    await this.alarmBy(now);
  }

  /** Brings the alarm forward to `at` unless it is already due by then. */
  async alarmBy(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  async scheduleCleanup(now: number): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(now + Math.min(readConfig(this.env).sessionIdleMs, SESSION_MAX_AGE_MS));
    }
  }

  /** WebSocket upgrade for live sign-out; the Worker has already authenticated the session. */
  acceptSocket(request: Request): Response {
    return acceptLiveSocket(this.ctx, request, (id) => this.initialized && this.sessions.live(id) !== undefined);
  }

  closeSocket(ws: WebSocket, code: number): void {
    answerSocketClose(ws, code);
  }

  /**
   * Sends what the outbox holds, deletes dead, idle and too old sessions (telling the open tabs of the last),
   * and reschedules while either has work.
   * The alarm is this object's clock edge.
   */
  async alarm(): Promise<void> {
    if (!this.initialized) return;
    const now = Date.now();
    // This user's notices share a queue (and its order), however many queues there are.
    const queue = emailQueueFor(this.env, this.ctx.id.name ?? this.ctx.id.toString());
    await this.outbox.flush(now, (message) =>
      isWebhookDelivery(message)
        ? this.env.WEBHOOK_QUEUE.send(message, { contentType: "json" })
        : queue.send(message, { contentType: "json" }),
    );
    const idleMs = readConfig(this.env).sessionIdleMs;
    const { tooOld, oldest } = this.sessions.purge(this.state().session_epoch, now - idleMs, now - SESSION_MAX_AGE_MS);
    notifySignedOut(this.ctx, "session_max_age", (id) => tooOld.includes(id));
    const next = [this.outbox.nextDue(), nextSessionExpiry(oldest, idleMs)].filter((t) => t !== null);
    if (next.length > 0) await this.ctx.storage.setAlarm(Math.min(...next));
  }
}
