/**
 * The SessionRegistry's second-factor RPCs: one place per user that decides whether a code or recovery
 * code is good now (used once, and at most MAX_WRONG_CODES wrong ones per window across every surface).
 * The Worker checks a code against the key (sealed in D1) and reports which step it matched; this object
 * decides, atomically, whether that step may still be used. Each method is synchronous (input gates).
 */
import { RegistryCredentials } from "./registry-credentials";
import { type SecondFactorProof, type SecondFactorResult, SecondFactorTable } from "./second-factor-table";

export type { SecondFactorProof, SecondFactorResult } from "./second-factor-table";

export abstract class RegistrySecondFactor extends RegistryCredentials {
  protected readonly secondFactor = new SecondFactorTable(this.sql);

  /** Uses a second factor (sign-in, a reset, turning two-factor off or new recovery codes). */
  useSecondFactor(proof: SecondFactorProof, now: number): SecondFactorResult {
    this.ensureStorage();
    return this.secondFactor.use(proof, now);
  }

  /** Two-factor on: the step of the code that confirmed the key is used, and these recovery codes replace any. */
  enableSecondFactor(step: number, recoveryHashes: string[]): boolean {
    this.ensureStorage();
    return this.secondFactor.enable(step, recoveryHashes);
  }

  replaceRecoveryCodes(recoveryHashes: string[]): void {
    this.ensureStorage();
    this.secondFactor.replaceRecoveryCodes(recoveryHashes);
  }

  disableSecondFactor(): void {
    if (this.initialized) this.secondFactor.disable();
  }

  recoveryCodesLeft(): number {
    return this.initialized ? this.secondFactor.recoveryCodesLeft() : 0;
  }
}
