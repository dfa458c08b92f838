/** The admin API's audit: every authenticated call, recorded in the first shard before its answer leaves. */
import { isoTime } from "../core/time";
import { recordAdminAction } from "../storage/admin-actions";
import { shardDatabase } from "../storage/shard-databases";

export interface AdminCall {
  keyName: string;
  action: string;
  /** The account's uid, never its address (an erased account's row is its tombstone). */
  userId: string | null;
  reason: string | null;
  status: number;
  ip: string | null;
}

/** Records one call at `now`. */
export async function recordAdminCall(env: Env, call: AdminCall, now: number): Promise<void> {
  await recordAdminAction(shardDatabase(env, 0), { ...call, createdAt: isoTime(now) });
}
