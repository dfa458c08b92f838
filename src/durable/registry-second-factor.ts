/**
 * The SessionRegistry's second factor: one place per user that decides whether a code or recovery code is
 * good now (used once, and at most MAX_WRONG_CODES wrong ones per lock of each surface's budget). The Worker
 * checks a code against the key (sealed in D1) and reports which step it matched; this object decides,
 * atomically, whether that step may still be used. Replay and lockout are decided in SQL
 * (second-factor-table.ts), not by a pure rule. Each method is synchronous (input gates).
 */
import type { RegistryStorage } from "./registry-storage";
import {
  type CodeSurface,
  type SecondFactorProof,
  type SecondFactorResult,
  SecondFactorTable,
} from "./second-factor-table";

export type { CodeSurface, SecondFactorProof, SecondFactorResult } from "./second-factor-table";

/** The second factor of one registry. */
export class RegistrySecondFactor {
  private readonly table: SecondFactorTable;

  constructor(private readonly store: RegistryStorage) {
    this.table = new SecondFactorTable(store.sql);
  }

  /** Uses a second factor (sign-in, a reset, turning two-factor off or new recovery codes). */
  useSecondFactor(proof: SecondFactorProof, now: number, surface: CodeSurface): SecondFactorResult {
    this.store.ensureStorage();
    return this.table.use(proof, now, surface);
  }

  /** Two-factor on: the step of the code that confirmed the key is used, and these recovery codes replace any. */
  enableSecondFactor(step: number, recoveryHashes: string[]): boolean {
    this.store.ensureStorage();
    return this.table.enable(step, recoveryHashes);
  }

  /** New recovery codes replace the old ones. */
  replaceRecoveryCodes(recoveryHashes: string[]): void {
    this.store.ensureStorage();
    this.table.replaceRecoveryCodes(recoveryHashes);
  }

  /** A reset went through: sign-in's wrong-code lock ends (the password that spent it is gone). */
  endSignInLock(): void {
    if (this.store.initialized) this.table.endSignInLock();
  }

  /** Two-factor off: the recovery codes go, and any lock ends. */
  disableSecondFactor(): void {
    if (this.store.initialized) this.table.disable();
  }

  /** How many recovery codes are left (0 for an object without storage). */
  recoveryCodesLeft(): number {
    return this.store.initialized ? this.table.recoveryCodesLeft() : 0;
  }
}
