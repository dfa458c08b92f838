/** The daily clean-up: state that exists only for a while is forgotten on schedule. */

import { readConfig } from "../core/config";
import { DAY_MS, isoTime } from "../core/time";
import { pruneAuditEvents } from "../storage/audit";
import { deleteStalePasskeyRows } from "../storage/passkey-sign-in";
import { deleteOldCodeFailures } from "../storage/password-reset-code-failures";
import { allShardDatabases } from "../storage/shard-databases";
import { deleteStaleThrottles } from "../storage/sign-in-throttle-upkeep";

/** Failed sign-ins are forgotten a day after the last one (a live lock is always kept). */
const THROTTLE_MEMORY_MS = DAY_MS;
/** Failed sign-ins on unknown emails are kept a month for spotting credential stuffing, then dropped. */
const UNKNOWN_EMAIL_EVENTS_MS = 30 * DAY_MS;

/**
 * Deletes stale sign-in counters, audit rows past their age (AUDIT_RETENTION_DAYS for accounts' events, a
 * month for failures on unknown emails) in bounded slices, and old wrong-code counts, in every shard side by
 * side (each is its own database, so none slows another). Logs how many per shard, and whether old audit
 * rows remain for tomorrow (a backlog larger than one run's budget).
 */
export async function runDailyCleanup(env: Env, now: number): Promise<void> {
  const retention = readConfig(env).auditRetentionMs;
  await Promise.all(allShardDatabases(env).map(({ name, db }) => cleanUpShard(name, db, retention, now)));
}

async function cleanUpShard(shard: string, db: D1Database, retention: number, now: number): Promise<void> {
  const staleThrottles = await deleteStaleThrottles(db, now - THROTTLE_MEMORY_MS, now);
  const accountEvents = await pruneAuditEvents(db, "accounts", isoTime(now - retention));
  const unknownEmailEvents = await pruneAuditEvents(db, "unknown_emails", isoTime(now - UNKNOWN_EMAIL_EVENTS_MS));
  // A count outlives its window (at most a day, RESET_LINK_MINUTES' ceiling) by nothing that matters.
  const codeFailures = await deleteOldCodeFailures(db, now - DAY_MS);
  // Passkey sign-in challenges live 5 minutes, failure counts 15: a day is far past both.
  const passkeyRows = await deleteStalePasskeyRows(db, now, now - DAY_MS);
  const counts = { staleThrottles, accountEvents, unknownEmailEvents, codeFailures, passkeyRows };
  console.log(JSON.stringify({ event: "daily_cleanup", shard, ...counts }));
}
