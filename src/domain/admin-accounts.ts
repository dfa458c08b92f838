/**
 * What the admin API reads: an account found by email or uid (shard-aware), its look-up (status,
 * two-factor, sessions, locks, suppression, recent events) and its export. Read-only; the calls that change
 * an account are in admin-actions.ts.
 */
import { emailKey, normalizeEmail } from "../core/email-address";
import { shardOfUserId, UID_PATTERN } from "../core/shards";
import { type RegistryAdminView, type SessionInfo, sessionRegistry } from "../durable/session-registry";
import { listMailEventsOf, listSignInLocks, type SignInLock } from "../storage/account-erasure";
import { listAdminActions } from "../storage/admin-actions";
import { AUDIT_EVENTS_PER_USER, type AuditEvent, listAuditEvents } from "../storage/audit";
import { findSuppression } from "../storage/mail-events";
import { emailCandidateDatabases, emailDatabase, shardDatabase, userDatabase } from "../storage/shard-databases";
import { findUserById, type User } from "../storage/users";
import { findUserByEmailIn } from "../storage/users-by-email";

/** Events a look-up lists. */
const LOOKUP_EVENTS = 20;

/** Who the operator asks about: an address, or a uid. */
export type AccountRef = { email: string } | { uid: string };

/** The account behind `ref` as the primary has it, or null (a uid that is not one of ours finds nothing). */
export async function findAccount(env: Env, ref: AccountRef): Promise<User | null> {
  if ("uid" in ref) {
    if (!UID_PATTERN.test(ref.uid)) return null;
    return findUserById(userDatabase(env, ref.uid), ref.uid);
  }
  const email = normalizeEmail(ref.email);
  return findUserByEmailIn(env, emailCandidateDatabases(env, emailKey(email)), email);
}

/** An operator's view of one account. */
export interface AccountLookup {
  user: User;
  shard: number;
  sessions: SessionInfo[];
  signInLocks: SignInLock[];
  registry: RegistryAdminView;
  suppression: { until: number; reason: string; since: number } | null;
  events: AuditEvent[];
}

/** Everything the look-up shows, read side by side from the account's shard, its email's placement and its registry. */
export async function lookUpAccount(env: Env, user: User, now: number): Promise<AccountLookup> {
  const key = emailKey(user.email);
  const registry = sessionRegistry(env, user.id);
  const placement = emailDatabase(env, key);
  const [sessions, registryView, signInLocks, suppression, events] = await Promise.all([
    registry.listSessions(now),
    registry.adminView(now),
    listSignInLocks(placement, key, now),
    findSuppression(placement, key, now),
    listAuditEvents(userDatabase(env, user.id), user.id, LOOKUP_EVENTS),
  ]);
  const shard = shardOfUserId(user.id) ?? 0;
  return { user, shard, sessions, signInLocks, registry: registryView, suppression, events };
}

/** An account's data as an export holds it: the look-up with every kept event, its deliveries and the admin calls about it. */
export interface AccountExport extends AccountLookup {
  mailEvents: { type: string; detail: string | null; createdAt: string }[];
  adminActions: { keyName: string; action: string; reason: string | null; createdAt: string }[];
}

/** The account's data: never its password hash nor its authenticator key. */
export async function exportAccount(env: Env, user: User, now: number): Promise<AccountExport> {
  const db = userDatabase(env, user.id);
  const [lookup, events, mailEvents, adminActions] = await Promise.all([
    lookUpAccount(env, user, now),
    listAuditEvents(db, user.id, AUDIT_EVENTS_PER_USER),
    listMailEventsOf(db, user.id),
    listAdminActions(shardDatabase(env, 0), user.id),
  ]);
  const calls = adminActions.map(({ keyName, action, reason, createdAt }) => ({ keyName, action, reason, createdAt }));
  return { ...lookup, events, mailEvents, adminActions: calls };
}
