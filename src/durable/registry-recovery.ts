/**
 * The SessionRegistry's recovery concept: the account's email change (asked, confirmed from the new
 * address, reverted from the old) and the lock-down that "this wasn't me" and a revert share. A lock-down
 * is one atomic step: every session ended (open tabs told), every reset link and code void, a pending
 * email change dropped, and a hold that refuses every sign-in until a reset by link completes
 * (state-table.ts clears it). A plain class over the object's tables; each method reads, decides and
 * writes with no await in between.
 */
import { HOUR_MS, MINUTE_MS } from "../core/time";
import { EmailChangeTable } from "./email-change-table";
import { notifySignedOut } from "./live-sign-out";
import type { OutboxNotice } from "./registry-second-factor";
import type { RegistryStorage } from "./registry-storage";
import { LockDownState } from "./state-table";

/** How long the confirmation link sent to the new address works. */
export const EMAIL_CHANGE_CONFIRM_MS = 60 * MINUTE_MS;
/** How long the old address can revert a change, and how long a "this wasn't me" link works. */
export const REVERT_WINDOW_MS = 7 * 24 * HOUR_MS;

/** An email change as the flows see it. */
export interface EmailChange {
  changeId: string;
  oldEmail: string;
  newEmail: string;
}

/** What lockDown answers: how many sessions ended, and the done change it reverted (D1 must follow), if any. */
export type LockDownResult =
  | { ok: true; sessionsEnded: number; reverted: EmailChange | null; droppedPending: boolean }
  | { ok: false; reason: "used" | "expired" };

/** Email change and lock-down of one registry. */
export class RegistryRecovery {
  private readonly changes: EmailChangeTable;
  private readonly lock: LockDownState;

  constructor(private readonly store: RegistryStorage) {
    this.changes = new EmailChangeTable(store.sql);
    this.lock = new LockDownState(store.sql);
  }

  /**
   * A change asked from the session `keepSessionId` (refused unless it is live): it replaces any earlier
   * one, and its notices (the confirmation to the new address, "asked" to the old) go into the outbox.
   */
  async askEmailChange(change: EmailChange, keepSessionId: string, now: number, notices: OutboxNotice[]) {
    const { store } = this;
    if (!store.initialized || store.sessions.live(keepSessionId) === undefined) return false;
    this.changes.ask(
      {
        change_id: change.changeId,
        old_email: change.oldEmail,
        new_email: change.newEmail,
        asked_at: now,
        keep_session_id: keepSessionId,
      },
      now,
    );
    for (const notice of notices) store.outbox.add(notice.id, notice.message, now);
    await store.alarmBy(now);
    return true;
  }

  /**
   * The new address's confirmation of `changeId`: single use, within 60 minutes, the newest change only.
   * Marks it done (so the link is spent) before D1 changes; `settleEmailChange` follows D1's answer.
   */
  confirmEmailChange(changeId: string, now: number): { ok: true; change: EmailChange } | { ok: false } {
    if (!this.store.initialized) return { ok: false };
    const row = this.changes.read();
    if (row === undefined || row.change_id !== changeId || row.done_at !== null) return { ok: false };
    if (now - row.asked_at > EMAIL_CHANGE_CONFIRM_MS) return { ok: false };
    this.changes.markDone(changeId, now);
    return { ok: true, change: { changeId, oldEmail: row.old_email, newEmail: row.new_email } };
  }

  /**
   * D1 answered a confirmed change: taken (the address went to someone else first), it is forgotten;
   * made, every session but the one that asked ends (as a password change does) and the notice to the old
   * address (with its revert link) goes into the outbox. Returns how many sessions ended.
   */
  async settleEmailChange(changeId: string, made: boolean, now: number, notice?: OutboxNotice): Promise<number> {
    const { store } = this;
    const row = this.changes.read();
    if (row === undefined || row.change_id !== changeId || row.done_at === null) return 0;
    if (!made) {
      this.changes.clear();
      return 0;
    }
    const keep = row.keep_session_id === null ? undefined : store.sessions.live(row.keep_session_id);
    const ended = store.sessions.liveCount() - (keep === undefined ? 0 : 1);
    const epoch = store.startNewEpoch(now);
    if (keep !== undefined) store.sessions.moveToEpoch(keep.id, keep.epoch, epoch);
    notifySignedOut(store.ctx, "email_changed", (tag) => tag !== keep?.id);
    if (notice !== undefined) store.outbox.add(notice.id, notice.message, now);
    await store.alarmBy(now);
    return ended;
  }

  /**
   * Locks the account down for a link issued at `issuedAt` ("this wasn't me", a revert of `revertChangeId`):
   * single use (a link issued before the latest lock-down is spent), 7 days. Every session ends live, reset
   * links and codes are void, a pending change is dropped and a done one within its window is reverted
   * (the caller writes D1 back; `revertNotice`, completed with the change's addresses, goes into the outbox),
   * and sign-in asks for a reset until one completes.
   */
  async lockDown(
    link: { issuedAt: number; revertChangeId?: string },
    now: number,
    revertNotice?: OutboxNotice,
  ): Promise<LockDownResult> {
    const { store } = this;
    store.ensureStorage();
    if (now - link.issuedAt > REVERT_WINDOW_MS) return { ok: false, reason: "expired" };
    const row = this.changes.read();
    // A revert link names its change, which the first use forgets; any other link is spent by the lock-down after it.
    const spent =
      link.revertChangeId === undefined
        ? link.issuedAt <= store.state().locked_down_at
        : row?.change_id !== link.revertChangeId || row.done_at === null;
    if (spent) return { ok: false, reason: "used" };
    const revertable = row !== undefined && row.done_at !== null && now - row.done_at <= REVERT_WINDOW_MS;
    const reverted = revertable ? { changeId: row.change_id, oldEmail: row.old_email, newEmail: row.new_email } : null;
    const droppedPending = row !== undefined && row.done_at === null;
    this.changes.clear();
    const sessionsEnded = store.sessions.liveCount();
    store.startNewEpoch(now);
    notifySignedOut(store.ctx, "locked_down", () => true);
    this.lock.lockDown(now);
    // The "reverted" notice names the change only the registry knows; kept in the same step as the revert.
    if (reverted !== null && revertNotice !== undefined) {
      store.outbox.add(revertNotice.id, { ...(revertNotice.message as object), ...reverted }, now);
    }
    await store.alarmBy(now);
    return { ok: true, sessionsEnded, reverted, droppedPending };
  }

  /**
   * An operator's "must change at next sign-in" (the admin API): every session ends live, and sign-in asks
   * for a reset until one by link completes: the lock-down's hold, nothing else of it. Returns how many
   * sessions ended.
   */
  requireReset(now: number): number {
    const { store } = this;
    store.ensureStorage();
    const sessionsEnded = store.sessions.liveCount();
    store.startNewEpoch(now);
    notifySignedOut(store.ctx, "locked_down", () => true);
    this.lock.requireReset();
    return sessionsEnded;
  }

  /** Whether sign-in asks for a reset first (for /login's words and tests). */
  resetRequired(): boolean {
    return this.store.initialized && this.store.state().reset_required === 1;
  }
}
