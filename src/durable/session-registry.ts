/**
 * SessionRegistry: one Durable Object per user, the single place where "all sessions of this user" and
 * "the user's credential version" are one strongly consistent, single-threaded thing. It is also the
 * authority on reset tokens (KV cannot make a token single-use) and on the second factor's single use.
 *
 * This class is only the object's surface: every RPC method and handler delegates, in one statement, to
 * the module of its concept: sessions (registry-sessions.ts), the reset and credential version
 * (registry-password-reset.ts), the second factor (registry-second-factor.ts), and storage, alarm and
 * sockets (registry-storage.ts). Each RPC reads, decides and writes with no await in between, so it is
 * atomic (input gates).
 */
import { DurableObject } from "cloudflare:workers";
import type { AssertionResponse, RegistrationResponse } from "../core/passkey";
import type { SignOutReason } from "./live-sign-out";
import type { PasskeyInfo, PasskeyPurpose } from "./passkey-table";
import type { ResetTokenStatus } from "./password-reset-rules";
import type { ProfileSnapshot } from "./profile-snapshot-table";
import { RegistryAdmin, type RegistryAdminView } from "./registry-admin";
import {
  type AddPasskeyResult,
  type PasskeyRelyingParty,
  type PasskeySignInResult,
  RegistryPasskeys,
  type RemovePasskeyResult,
  type UsePasskeyResult,
} from "./registry-passkeys";
import { RegistryPasswordReset } from "./registry-password-reset";
import { RegistryProfile, type WhoAmI } from "./registry-profile";
import { type EmailChange, type LockDownResult, RegistryRecovery } from "./registry-recovery";
import {
  type CodeSurface,
  type OutboxNotice,
  RegistrySecondFactor,
  type SecondFactorProof,
  type SecondFactorResult,
  type TwoFactorChangeEffects,
} from "./registry-second-factor";
import { RegistrySessions } from "./registry-sessions";
import { RegistryStorage } from "./registry-storage";
import type {
  BeginResetResult,
  CreateSessionResult,
  IssueResult,
  LimitWindow,
  PasswordChangeResult,
  RedeemResult,
  SessionEnded,
  SessionInfo,
  SessionMeta,
} from "./session-registry-schema";

export type { PasskeyInfo, PasskeyPurpose } from "./passkey-table";
export type { ResetTokenStatus } from "./password-reset-rules";
export type { ProfileSnapshot } from "./profile-snapshot-table";
export type { RegistryAdminView } from "./registry-admin";
export type {
  AddPasskeyResult,
  PasskeyRefusal,
  PasskeyRelyingParty,
  PasskeySignInResult,
  RemovePasskeyResult,
  UsePasskeyResult,
} from "./registry-passkeys";
export type { WhoAmI } from "./registry-profile";
export type { EmailChange, LockDownResult } from "./registry-recovery";
export type {
  CodeSurface,
  OutboxNotice,
  SecondFactorProof,
  SecondFactorResult,
  TwoFactorChangeEffects,
} from "./registry-second-factor";
export type {
  BeginResetResult,
  LimitWindow,
  PasswordChangeResult,
  SessionEnded,
  SessionInfo,
  SessionMeta,
  SessionMethod,
} from "./session-registry-schema";

/** The user's registry stub: the token or record names the user, so no lookup is needed. */
export function sessionRegistry(env: Env, userId: string): DurableObjectStub<SessionRegistry> {
  return env.SESSION_REGISTRY.getByName(userId);
}

/** Per-user session registry and reset-token authority: its RPC methods. Addressed with `getByName(userId)`. */
export class SessionRegistry extends DurableObject<Env> {
  /** The object's tables, alarm and sockets (protected: the browser tests' subclass ages a token through it). */
  protected readonly store: RegistryStorage;
  private readonly sessions: RegistrySessions;
  private readonly passwordReset: RegistryPasswordReset;
  private readonly secondFactor: RegistrySecondFactor;
  private readonly admin: RegistryAdmin;
  private readonly profile: RegistryProfile;
  private readonly passkeys: RegistryPasskeys;
  private readonly recovery: RegistryRecovery;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new RegistryStorage(ctx, env);
    this.passwordReset = new RegistryPasswordReset(this.store);
    this.sessions = new RegistrySessions(this.store, this.passwordReset);
    this.secondFactor = new RegistrySecondFactor(this.store, this.sessions);
    this.admin = new RegistryAdmin(this.store);
    this.profile = new RegistryProfile(this.store, this.sessions);
    this.passkeys = new RegistryPasskeys(this.store, this.sessions);
    this.recovery = new RegistryRecovery(this.store);
  }

  // Sessions (registry-sessions.ts).

  /** Creates a session for a sign-in that verified the password of `credentialVersion` (invariant 4), with its notice. */
  createSession(
    userId: string,
    credentialVersion: number,
    meta: SessionMeta,
    now: number,
    notice?: OutboxNotice,
  ): CreateSessionResult {
    return this.sessions.createSession(userId, credentialVersion, meta, now, notice);
  }

  /** The live session with this id, touching last-seen; null if unknown, revoked or idle too long; `too_old` past its overall limit. */
  validateSession(sessionId: string, now: number): SessionInfo | SessionEnded | null {
    return this.sessions.validateSession(sessionId, now);
  }

  /** Live sessions, newest first. */
  listSessions(now: number): SessionInfo[] {
    return this.sessions.listSessions(now);
  }

  /** Ends one session (sign out). Returns whether it existed. */
  revokeSession(sessionId: string, reason: SignOutReason): boolean {
    return this.sessions.revokeSession(sessionId, reason);
  }

  /** Ends every session but `keepSessionId`, if that one is live now. Returns how many ended. */
  revokeOtherSessions(keepSessionId: string, now: number): number {
    return this.sessions.revokeOtherSessions(keepSessionId, now);
  }

  /** Ends every session of the user in one step, and tells every open tab. Returns how many ended. */
  revokeAllSessions(reason: SignOutReason, now: number): number {
    return this.sessions.revokeAllSessions(reason, now);
  }

  // The profile's copy (registry-profile.ts).

  /** The live session with this id and the profile's copy (GET /v3/user in one call); null if not live. */
  whoAmI(sessionId: string, now: number): WhoAmI | null {
    return this.profile.whoAmI(sessionId, now);
  }

  /** Keeps a profile read from D1's primary in `generation`; false if it changed since (the copy would be stale). */
  storeProfile(profile: ProfileSnapshot, generation: number, credentialVersion: number): boolean {
    return this.profile.storeProfile(profile, generation, credentialVersion);
  }

  /** The profile changed in D1 (email, language, a name): the copy goes. Call after the D1 write. */
  profileChanged(): void {
    this.profile.profileChanged();
  }

  // The reset and the credential version (registry-password-reset.ts).

  /** The token of one forgot-password request, within the per-address `limits` (invariant 2). */
  issueResetToken(requestId: string, issuedAt: number, limits: LimitWindow[] = []): IssueResult {
    return this.passwordReset.issueResetToken(requestId, issuedAt, limits);
  }

  /** Read-only: the secret of the newest link, for the code mailed beside it, while that link works. */
  redeemResetCode(code: string, now: number): RedeemResult {
    return this.passwordReset.redeemResetCode(code, now);
  }

  /** Read-only: what this registry knows of a link (judged together with D1's version by `linkFate`). */
  resetTokenStatus(tokenHash: string, now: number): ResetTokenStatus {
    return this.passwordReset.resetTokenStatus(tokenHash, now);
  }

  /** First half of a reset: checks the token, a new credential version, every session ended. */
  beginReset(tokenHash: string, now: number, d1Version = 0, notice?: unknown): BeginResetResult {
    return this.passwordReset.beginReset(tokenHash, now, d1Version, notice);
  }

  /** First half of a change on /account: a new credential version, every session but the kept one ended. */
  beginPasswordChange(keepSessionId: string, now: number, d1Version: number, notice?: unknown): PasswordChangeResult {
    return this.passwordReset.beginPasswordChange(keepSessionId, now, d1Version, notice);
  }

  /** Second half of a reset or a change, once D1 holds version `version`: links void, the notice released. */
  completeCredentialChange(now: number, version: number): Promise<void> {
    return this.passwordReset.completeCredentialChange(now, version);
  }

  /** The credential version sessions must carry (for tests and diagnostics). */
  credentialVersion(): number {
    return this.passwordReset.credentialVersion();
  }

  // The second factor (registry-second-factor.ts).

  /**
   * Uses a second factor against `surface`'s budget; the wrong code that locks it puts `lockNotice` in the
   * outbox, a recovery code used puts `recoveryNotice` there (with the number left).
   */
  useSecondFactor(
    proof: SecondFactorProof,
    now: number,
    surface: CodeSurface,
    lockNotice?: OutboxNotice,
    recoveryNotice?: OutboxNotice,
  ): Promise<SecondFactorResult> {
    return this.secondFactor.useSecondFactor(proof, now, surface, lockNotice, recoveryNotice);
  }

  /** Two-factor on (false: that step was used): its step used, these codes stored, other sessions ended, notice kept. */
  enableSecondFactor(
    step: number | null,
    recoveryHashes: string[],
    now: number,
    effects?: TwoFactorChangeEffects,
  ): Promise<boolean> {
    return this.secondFactor.enableSecondFactor(step, recoveryHashes, now, effects);
  }

  /**
   * Two-factor on with a passkey as the only second factor: these codes stored, other sessions ended, notice
   * kept. False if the account has no passkey now (its last one removed meanwhile): D1 then takes it back.
   */
  enablePasskeyFactor(recoveryHashes: string[], now: number, effects?: TwoFactorChangeEffects): Promise<boolean> {
    return this.secondFactor.enablePasskeyFactor(recoveryHashes, now, effects);
  }

  /** New recovery codes replace the old ones; other sessions ended, notice kept. */
  replaceRecoveryCodes(recoveryHashes: string[], now: number, effects?: TwoFactorChangeEffects): Promise<void> {
    return this.secondFactor.replaceRecoveryCodes(recoveryHashes, now, effects);
  }

  /** Two-factor off: the recovery codes go, any lock ends; other sessions ended, notice kept. */
  disableSecondFactor(now?: number, effects?: TwoFactorChangeEffects): Promise<void> {
    return this.secondFactor.disableSecondFactor(now, effects);
  }

  /** How many recovery codes are left. */
  recoveryCodesLeft(): number {
    return this.secondFactor.recoveryCodesLeft();
  }

  // The admin API (registry-admin.ts).

  /** Code locks in force and recovery codes left, for an operator's look-up. */
  adminView(now: number): RegistryAdminView {
    return this.admin.view(now);
  }

  /** Ends every code lock; returns how many were in force. */
  liftCodeLocks(now: number): number {
    return this.admin.liftCodeLocks(now);
  }

  /** Erases the object (open tabs told first); returns the reset links' hashes for their KV records. */
  eraseRegistry(): Promise<{ sessionsEnded: number; resetTokenHashes: string[] }> {
    return this.admin.erase();
  }

  // Passkeys (registry-passkeys.ts).

  /** A single-use challenge (base64url, 5 minutes) for a ceremony of this user. */
  beginPasskeyCeremony(purpose: PasskeyPurpose, now: number): string {
    return this.passkeys.beginCeremony(purpose, now);
  }

  /** Adds a passkey from a registration answering this object's challenge (at most 10); the notice kept. */
  addPasskey(
    response: RegistrationResponse,
    name: string,
    rp: PasskeyRelyingParty,
    now: number,
    notice?: OutboxNotice,
  ): Promise<AddPasskeyResult> {
    return this.passkeys.add(response, name, rp, now, notice);
  }

  /** Uses a passkey (user verified) answering this object's challenge for `purpose`. */
  usePasskey(
    response: AssertionResponse,
    rp: PasskeyRelyingParty,
    purpose: PasskeyPurpose,
    now: number,
  ): Promise<UsePasskeyResult> {
    return this.passkeys.use(response, rp, purpose, now);
  }

  /** A passkey sign-in whose challenge the Worker already used: check, counter and session in one step. */
  signInWithPasskey(
    userId: string,
    response: AssertionResponse,
    challenge: Uint8Array,
    rp: PasskeyRelyingParty,
    meta: SessionMeta,
    now: number,
  ): Promise<PasskeySignInResult> {
    return this.passkeys.signIn(userId, response, challenge, rp, meta, now);
  }

  /** The user's passkeys, oldest first. */
  listPasskeys(): PasskeyInfo[] {
    return this.passkeys.list();
  }

  /** Renames a passkey; false if it is not here. */
  renamePasskey(id: string, name: string): boolean {
    return this.passkeys.rename(id, name);
  }

  /** Removes a passkey (its name, or why not); the notice kept in the same step; `keepLast` keeps the last one. */
  removePasskey(
    id: string,
    now: number,
    notice?: OutboxNotice,
    options?: { keepLast: boolean },
  ): Promise<RemovePasskeyResult> {
    return this.passkeys.remove(id, now, notice, options);
  }

  // Email change and lock-down (registry-recovery.ts).

  /** An email change asked from a live session: replaces any earlier one; its notices go into the outbox. */
  askEmailChange(change: EmailChange, keepSessionId: string, now: number, notices: OutboxNotice[]): Promise<boolean> {
    return this.recovery.askEmailChange(change, keepSessionId, now, notices);
  }

  /** The new address confirms: single use, 60 minutes, newest only; D1 follows, then settleEmailChange. */
  confirmEmailChange(changeId: string, now: number): { ok: true; change: EmailChange } | { ok: false } {
    return this.recovery.confirmEmailChange(changeId, now);
  }

  /** D1's answer to a confirmed change: forgotten if taken; else other sessions end and the notice goes out. */
  settleEmailChange(changeId: string, made: boolean, now: number, notice?: OutboxNotice): Promise<number> {
    return this.recovery.settleEmailChange(changeId, made, now, notice);
  }

  /** "This wasn't me" or a revert: sessions ended, reset links void, a change undone, a reset asked for. */
  lockDown(
    link: { issuedAt: number; revertChangeId?: string },
    now: number,
    revertNotice?: OutboxNotice,
  ): Promise<LockDownResult> {
    return this.recovery.lockDown(link, now, revertNotice);
  }

  /** The lock-down's hold alone, set by an operator: every session ends; sign-in asks for a reset by link. */
  requireReset(now: number): number {
    return this.recovery.requireReset(now);
  }

  /** Whether sign-in asks for a reset first. */
  resetRequired(): boolean {
    return this.recovery.resetRequired();
  }

  // Storage, alarm and live sign-out sockets (registry-storage.ts).

  /** Keeps a notice of a change made elsewhere (D1) in the outbox until the queue takes it. */
  keepNotice(notice: OutboxNotice, now: number): Promise<void> {
    return this.store.keepNotice(notice, now);
  }

  /** WebSocket upgrade for live sign-out; the Worker has already authenticated the session. */
  override async fetch(request: Request): Promise<Response> {
    return this.store.acceptSocket(request);
  }

  /** Pings are auto-answered; the page sends nothing else, so any other message is ignored. */
  override webSocketMessage(): void {}

  override webSocketClose(ws: WebSocket, code: number): void {
    this.store.closeSocket(ws, code);
  }

  /** Sends the outbox, deletes dead and idle sessions, and reschedules while either has work. */
  override async alarm(): Promise<void> {
    return this.store.alarm();
  }
}
