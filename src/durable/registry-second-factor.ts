/**
 * The SessionRegistry's second factor: one place per user that decides whether a code or recovery code is
 * good now (used once, and at most MAX_WRONG_CODES wrong ones per lock of each surface's budget). The Worker
 * checks a code against the key (sealed in D1) and reports which step it matched; this object decides,
 * atomically, whether that step may still be used. Replay and lockout are decided in SQL
 * (second-factor-table.ts), not by a pure rule. Each change to two-factor ends every other session and
 * keeps its notice in the outbox in the same step as the change, so neither can be lost apart from it.
 * Each decision is synchronous (input gates); only bringing the alarm forward is awaited after it.
 */
import { withRevokedCount } from "../core/webhook-events";
import type { OutboxNotice } from "./outbox-table";
import { PasskeyTable } from "./passkey-table";
import type { RegistrySessions } from "./registry-sessions";
import type { RegistryStorage } from "./registry-storage";
import {
  type CodeSurface,
  type SecondFactorProof,
  type SecondFactorResult,
  SecondFactorTable,
} from "./second-factor-table";

export type { OutboxNotice } from "./outbox-table";
export type { CodeSurface, SecondFactorProof, SecondFactorResult } from "./second-factor-table";

/**
 * What a change to two-factor does besides: the session that made it is kept, every other one ends (live);
 * null (an operator's change, made from no session): every session ends.
 */
export interface TwoFactorChangeEffects {
  keepSessionId: string | null;
  notice: OutboxNotice;
}

/** The second factor of one registry. */
export class RegistrySecondFactor {
  private readonly table: SecondFactorTable;
  /** Read only here: a passkey-only second factor needs a passkey (registry-passkeys.ts keeps the last one). */
  private readonly passkeys: PasskeyTable;

  constructor(
    private readonly store: RegistryStorage,
    private readonly sessions: RegistrySessions,
  ) {
    this.table = new SecondFactorTable(store.sql);
    this.passkeys = new PasskeyTable(store.sql);
  }

  /**
   * Uses a second factor against `surface`'s budget (sign-in and /account, or the reset). The wrong code
   * that locks the surface puts `lockNotice` in the outbox; a recovery code used puts `recoveryNotice` there,
   * with the number of codes left, in the same step as the use (so neither is lost apart from the other).
   */
  async useSecondFactor(
    proof: SecondFactorProof,
    now: number,
    surface: CodeSurface,
    lockNotice?: OutboxNotice,
    recoveryNotice?: OutboxNotice,
  ): Promise<SecondFactorResult> {
    this.store.ensureStorage();
    const result = this.table.use(proof, now, surface);
    if (!result.ok && result.reason === "wrong" && result.lockedNow && lockNotice !== undefined) {
      await this.send(lockNotice, now);
    }
    if (result.ok && "recoveryHash" in proof && recoveryNotice !== undefined) {
      const message = { ...(recoveryNotice.message as object), codesLeft: result.recoveryCodesLeft };
      await this.send({ id: recoveryNotice.id, message }, now);
    }
    return result;
  }

  /**
   * Two-factor on: the step of the code that confirmed the key is used (null: a passkey is the only second
   * factor), and these recovery codes replace any. False, and nothing changed, if that step was already used.
   */
  async enableSecondFactor(
    step: number | null,
    recoveryHashes: string[],
    now: number,
    effects?: TwoFactorChangeEffects,
  ): Promise<boolean> {
    this.store.ensureStorage();
    // D1 took the key (and a new updated_at) just before this call, whether or not the step is refused here.
    this.store.profile.changed();
    if (!this.table.enable(step, recoveryHashes)) return false;
    await this.afterChange(now, effects);
    return true;
  }

  /**
   * Two-factor on with a passkey as the only second factor (no step to use): these recovery codes replace
   * any. False, and nothing changed, if the account has no passkey now (its last one removed meanwhile).
   */
  async enablePasskeyFactor(recoveryHashes: string[], now: number, effects?: TwoFactorChangeEffects): Promise<boolean> {
    this.store.ensureStorage();
    // D1 turned it on (and moved updated_at) just before this call, whether or not it is refused here.
    this.store.profile.changed();
    if (this.passkeys.count() === 0) return false;
    this.table.enable(null, recoveryHashes);
    await this.afterChange(now, effects);
    return true;
  }

  /** New recovery codes replace the old ones. */
  async replaceRecoveryCodes(recoveryHashes: string[], now: number, effects?: TwoFactorChangeEffects): Promise<void> {
    this.store.ensureStorage();
    this.table.replaceRecoveryCodes(recoveryHashes);
    await this.afterChange(now, effects);
  }

  /** A reset went through: sign-in's wrong-code lock ends (the password that spent it is gone). */
  endSignInLock(): void {
    if (this.store.initialized) this.table.endSignInLock();
  }

  /** Two-factor off: the recovery codes go, and any lock ends. */
  async disableSecondFactor(now = Date.now(), effects?: TwoFactorChangeEffects): Promise<void> {
    if (!this.store.initialized) return;
    this.store.profile.changed();
    this.table.disable();
    await this.afterChange(now, effects);
  }

  /** How many recovery codes are left (0 for an object without storage). */
  recoveryCodesLeft(): number {
    return this.store.initialized ? this.table.recoveryCodesLeft() : 0;
  }

  /** Every other session ends (as after a password change), and the notice is kept until the queue takes it. */
  private async afterChange(now: number, effects: TwoFactorChangeEffects | undefined): Promise<void> {
    if (effects === undefined) return;
    const ended =
      effects.keepSessionId === null
        ? this.sessions.revokeAllSessions("signed_out_everywhere", now)
        : this.sessions.revokeOtherSessions(effects.keepSessionId, now);
    await this.send({ ...effects.notice, message: withRevokedCount(effects.notice.message, ended) }, now);
  }

  private async send(notice: OutboxNotice, now: number): Promise<void> {
    this.store.outbox.add(notice.id, notice.message, now);
    await this.store.alarmBy(now);
  }
}
