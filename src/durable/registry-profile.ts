/**
 * The SessionRegistry's copy of the profile (profile-snapshot-table.ts): GET /v3/user's session check and
 * profile in one call. A plain class over the object's tables; each method reads, decides and writes with
 * no await between, so a copy is stored or refused atomically against the changes that drop it.
 */
import type { ProfileSnapshot } from "./profile-snapshot-table";
import type { RegistrySessions } from "./registry-sessions";
import type { RegistryStorage } from "./registry-storage";
import type { SessionInfo } from "./session-registry-schema";

/** What whoAmI answers for a live session: the session, the copy (null: read D1) and its generation. */
export interface WhoAmI {
  session: SessionInfo;
  profile: ProfileSnapshot | null;
  generation: number;
}

/** The profile copy of one registry. */
export class RegistryProfile {
  constructor(
    private readonly store: RegistryStorage,
    private readonly sessions: RegistrySessions,
  ) {}

  /**
   * The live session with this id and the profile copy; null if the session is not live (the API answers a
   * session past its overall limit as any expired token).
   */
  whoAmI(sessionId: string, now: number): WhoAmI | null {
    const session = this.sessions.validateSession(sessionId, now);
    if (session === null || "ended" in session) return null;
    return { session, ...this.store.profile.read() };
  }

  /**
   * Keeps a copy read from D1's primary in `generation` at `credentialVersion`. Refused (false) if the profile
   * changed since that generation, or if D1's row predates a password change this registry has begun (its
   * new hash not yet written: the copy would carry the old password_updated_at).
   */
  storeProfile(profile: ProfileSnapshot, generation: number, credentialVersion: number): boolean {
    const { store } = this;
    if (!store.initialized) return false;
    if (credentialVersion < store.state().credential_version) return false;
    return store.profile.store(profile, generation);
  }

  /** Something the copy holds changed in D1 (or may have): the copy goes; the next GET /v3/user reads D1. */
  profileChanged(): void {
    if (this.store.initialized) this.store.profile.changed();
  }
}
