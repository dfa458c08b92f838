/**
 * The SessionRegistry's passkeys: the user's credentials and the challenges of ceremonies that begin with
 * the user known. Each ceremony uses its challenge before the signature is checked (the check is WebCrypto,
 * awaited), so a challenge works once whatever interleaves; the counter is read, judged and written after the
 * check with no await between, and a sign-in's session is created in that same synchronous run, so an
 * assertion, its counter and its session are one atomic step (docs/design.md, "Passkeys").
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { parseClientDataJSON } from "@oslojs/webauthn";
import {
  type AssertionResponse,
  type PasskeyProblem,
  passkeyCounterAdvances,
  type RegistrationResponse,
  verifyPasskeyAssertion,
  verifyPasskeyRegistration,
} from "../core/passkey";
import { generateSecret, hashSecret } from "../core/secrets";
import { MAX_PASSKEYS, type PasskeyInfo, type PasskeyPurpose, PasskeyTable } from "./passkey-table";
import type { OutboxNotice } from "./registry-second-factor";
import type { RegistrySessions } from "./registry-sessions";
import type { RegistryStorage } from "./registry-storage";
import type { CreateSessionResult, SessionMeta } from "./session-registry-schema";

/** The relying party every ceremony is checked against: APP_URL's host and exact origin. */
export interface PasskeyRelyingParty {
  rpId: string;
  origin: string;
}

/** Why a ceremony is refused, beyond the checks of core/passkey.ts. */
/** A removal: the passkey's name, or why not (no such passkey; the last one of a passkey-only second factor). */
export type RemovePasskeyResult = { ok: true; name: string } | { ok: false; reason: "not_found" | "last_passkey" };

export type PasskeyRefusal = PasskeyProblem | "challenge" | "unknown_credential" | "counter" | "too_many" | "duplicate";

export type AddPasskeyResult = { ok: true; id: string } | { ok: false; reason: PasskeyRefusal };
export type UsePasskeyResult = { ok: true; id: string; name: string } | { ok: false; reason: PasskeyRefusal };
export type PasskeySignInResult =
  | (CreateSessionResult & { ok: true })
  | { ok: false; reason: PasskeyRefusal }
  /** The right passkey, but a lock-down holds every sign-in until a reset by link (registry-recovery.ts). */
  | { ok: false; reason: "reset_required" };

/** The passkeys of one registry. */
export class RegistryPasskeys {
  private readonly table: PasskeyTable;

  constructor(
    private readonly store: RegistryStorage,
    private readonly sessions: RegistrySessions,
  ) {
    this.table = new PasskeyTable(store.sql);
  }

  /** A fresh challenge (base64url) for `purpose`: single-use, kept only as its hash, good for 5 minutes. */
  beginCeremony(purpose: PasskeyPurpose, now: number): string {
    this.store.ensureStorage();
    const challenge = generateSecret(32);
    this.table.addChallenge(hashSecret(challenge), purpose, now);
    return challenge;
  }

  /** Adds a passkey from a registration answering this object's challenge; `notice` goes to the outbox. */
  async add(
    response: RegistrationResponse,
    name: string,
    rp: PasskeyRelyingParty,
    now: number,
    notice?: OutboxNotice,
  ): Promise<AddPasskeyResult> {
    const challenge = this.takeChallenge(response.clientDataJSON, "register", now);
    if (challenge === null) return { ok: false, reason: "challenge" };
    if (this.table.count() >= MAX_PASSKEYS) return { ok: false, reason: "too_many" };
    const verified = verifyPasskeyRegistration(response, { challenge, ...rp, userVerification: true });
    if (!verified.ok) return verified;
    if (!this.table.insert(verified.credential, name, now)) return { ok: false, reason: "duplicate" };
    if (notice !== undefined) await this.send(notice, now);
    return { ok: true, id: verified.credential.id };
  }

  /** Uses a passkey (user verified) answering this object's challenge for `purpose`: the second step, the reset. */
  async use(
    response: AssertionResponse,
    rp: PasskeyRelyingParty,
    purpose: PasskeyPurpose,
    now: number,
  ): Promise<UsePasskeyResult> {
    const challenge = this.takeChallenge(response.clientDataJSON, purpose, now);
    if (challenge === null) return { ok: false, reason: "challenge" };
    const checked = await this.check(response, challenge, rp);
    if (!checked.ok) return checked;
    return this.count(response.credentialId, checked.counter, now);
  }

  /**
   * A sign-in that began without an account: the Worker used its challenge (D1) and found this object by the
   * assertion's user handle. The check, the counter and the session, with no await after the check.
   */
  async signIn(
    userId: string,
    response: AssertionResponse,
    challenge: Uint8Array,
    rp: PasskeyRelyingParty,
    meta: SessionMeta,
    now: number,
  ): Promise<PasskeySignInResult> {
    if (!this.store.initialized) return { ok: false, reason: "unknown_credential" };
    const checked = await this.check(response, challenge, rp);
    if (!checked.ok) return checked;
    const counted = this.count(response.credentialId, checked.counter, now);
    if (!counted.ok) return counted;
    const version = this.store.state().credential_version;
    const session = this.sessions.createSession(userId, version, { ...meta, method: "passkey" }, now);
    if (!session.ok && session.reason === "reset_required") return { ok: false, reason: "reset_required" };
    if (!session.ok) throw new Error("a session at the registry's own credential version was refused");
    return session;
  }

  list(): PasskeyInfo[] {
    return this.store.initialized ? this.table.list() : [];
  }

  rename(id: string, name: string): boolean {
    return this.store.initialized && this.table.rename(id, name);
  }

  /**
   * Removes a passkey; its name if it was here. `notice` goes to the outbox in the same step. With `keepLast`
   * (a passkey is the account's only second factor) the last one stays: decided here, in one step, so two
   * removals racing cannot both pass.
   */
  async remove(
    id: string,
    now: number,
    notice?: OutboxNotice,
    options: { keepLast: boolean } = { keepLast: false },
  ): Promise<RemovePasskeyResult> {
    if (!this.store.initialized) return { ok: false, reason: "not_found" };
    if (options.keepLast && this.table.count() <= 1) return { ok: false, reason: "last_passkey" };
    const name = this.table.remove(id);
    if (name === null) return { ok: false, reason: "not_found" };
    if (notice !== undefined) await this.send(notice, now);
    return { ok: true, name };
  }

  /** The challenge a ceremony's client data carries, if this object issued it for `purpose` (used now). */
  private takeChallenge(clientDataJSON: string, purpose: PasskeyPurpose, now: number): Uint8Array | null {
    if (!this.store.initialized) return null;
    let challenge: Uint8Array;
    try {
      challenge = parseClientDataJSON(decodeBase64urlIgnorePadding(clientDataJSON)).challenge;
    } catch {
      return null;
    }
    return this.table.takeChallenge(hashSecret(encodeBase64urlNoPadding(challenge)), purpose, now) ? challenge : null;
  }

  private async check(
    response: AssertionResponse,
    challenge: Uint8Array,
    rp: PasskeyRelyingParty,
  ): Promise<{ ok: true; counter: number } | { ok: false; reason: PasskeyRefusal }> {
    const credential = this.table.credential(response.credentialId);
    if (credential === null) return { ok: false, reason: "unknown_credential" };
    const verified = await verifyPasskeyAssertion(response, credential, { challenge, ...rp, userVerification: true });
    return verified.ok ? { ok: true, counter: verified.counter } : verified;
  }

  /** After the check, with no await: the counter must advance (a cloned credential is behind); the use is recorded. */
  private count(id: string, counter: number, now: number): UsePasskeyResult {
    const credential = this.table.credential(id);
    if (credential === null) return { ok: false, reason: "unknown_credential" };
    if (!passkeyCounterAdvances(credential.counter, counter)) return { ok: false, reason: "counter" };
    this.table.markUsed(id, counter, now);
    return { ok: true, id, name: this.table.list().find((p) => p.id === id)?.name ?? "" };
  }

  private async send(notice: OutboxNotice, now: number): Promise<void> {
    this.store.outbox.add(notice.id, notice.message, now);
    await this.store.alarmBy(now);
  }
}
