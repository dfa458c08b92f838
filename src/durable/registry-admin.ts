/**
 * The SessionRegistry for the admin API: what an operator's look-up shows of the object (code locks,
 * recovery codes left, the hold that asks for a reset), lifting the code locks, and erasing the object. A plain class over the object's
 * tables; each method is synchronous up to its storage calls (input gates).
 */
import { notifySignedOut } from "./live-sign-out";
import type { RegistryStorage } from "./registry-storage";
import { type CodeSurface, SecondFactorTable } from "./second-factor-table";

/** What the look-up shows of a registry. */
export interface RegistryAdminView {
  codeLocks: { surface: CodeSurface; lockedUntil: number }[];
  recoveryCodesLeft: number;
  /** A lock-down's or an operator's hold: sign-in asks for a reset by link first. */
  resetRequired: boolean;
}

/** The admin operations of one registry. */
export class RegistryAdmin {
  private readonly secondFactor: SecondFactorTable;

  constructor(private readonly store: RegistryStorage) {
    this.secondFactor = new SecondFactorTable(store.sql);
  }

  /** Code locks in force at `now`, and recovery codes left; nothing for an object without storage. */
  view(now: number): RegistryAdminView {
    if (!this.store.initialized) return { codeLocks: [], recoveryCodesLeft: 0, resetRequired: false };
    return {
      codeLocks: this.secondFactor.lockedSurfaces(now),
      recoveryCodesLeft: this.secondFactor.recoveryCodesLeft(),
      resetRequired: this.store.state().reset_required === 1,
    };
  }

  /** Ends every code lock (sign-in and the reset). Returns how many were in force at `now`. */
  liftCodeLocks(now: number): number {
    if (!this.store.initialized) return 0;
    const locked = this.secondFactor.lockedSurfaces(now).length;
    this.secondFactor.endEveryLock();
    return locked;
  }

  /**
   * Erases the object: every open tab is told and closed, then all its storage (sessions, reset state,
   * second factor, outbox) and its alarm go. Returns the hashes of the reset links it knew of, so the
   * caller can delete their KV records. Repeating it is harmless (nothing left: none returned).
   */
  async erase(): Promise<{ sessionsEnded: number; resetTokenHashes: string[] }> {
    const { store } = this;
    notifySignedOut(store.ctx, "signed_out_everywhere", () => true);
    if (!store.initialized) return { sessionsEnded: 0, resetTokenHashes: [] };
    const sessionsEnded = store.sessions.liveCount();
    const hashes = store.resetLinks.hashes();
    const current = store.state().reset_token_hash;
    if (current !== null && !hashes.includes(current)) hashes.push(current);
    store.initialized = false;
    await store.ctx.storage.deleteAlarm();
    await store.ctx.storage.deleteAll();
    return { sessionsEnded, resetTokenHashes: hashes };
  }
}
