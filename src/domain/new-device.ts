/**
 * The new-device notice: a page sign-in from a browser with no device cookie for the account, from a
 * network the account has not signed in from in 30 days, is emailed to the owner (issue 26), unless they
 * turned it off on /account. Not the account's first sign-in (there is no old device to compare with), and
 * not the API's (SDKs and CLIs carry no device cookie: every one would look new). The notice is kept by the
 * registry in the same step as the session (createSession), so a session never exists without its notice.
 */

import { clientNetwork } from "../core/client-info";
import { isoTime } from "../core/time";
import type { OutboxNotice } from "../durable/session-registry";
import { emailDatabase, userDatabase } from "../storage/shard-databases";
import { knownNetworkStatement } from "../storage/sign-in-cap";
import { updateNewDeviceNotices } from "../storage/user-preferences";
import type { User } from "../storage/users";
import { auditLater } from "./audit-trail";
import type { FlowContext } from "./context";
import { refreshProfileSnapshot } from "./profile-snapshot";
import { securityNotice } from "./security-notices";

/**
 * The notice for a sign-in to `user`, or undefined when none is due: `familiar` says whether the client
 * presented a device cookie for the account or comes from a network it used in 30 days.
 */
export function newDeviceNotice(ctx: FlowContext, user: User, familiar: boolean): OutboxNotice | undefined {
  if (familiar || !user.newDeviceNotices || user.lastLoginAt === null) return undefined;
  return securityNotice(ctx, user, "new_device");
}

/**
 * Whether the account (its email's key) signed in from this client's network in the last 30 days: for the
 * second step of a page sign-in, read beside the code's check (no step of its own).
 */
export async function networkKnown(ctx: FlowContext, key: string): Promise<boolean> {
  const db = emailDatabase(ctx.env, key);
  const row = await knownNetworkStatement(db, key, clientNetwork(ctx.client.ip), ctx.now).first<{ known: number }>();
  return row?.known === 1;
}

/** Turns the new-device notices on or off (the /account form); audited, as whoever turns them off hides the next one. */
export async function setNewDeviceNotices(ctx: FlowContext, userId: string, on: boolean): Promise<void> {
  await updateNewDeviceNotices(userDatabase(ctx.env, userId), userId, on, isoTime(ctx.now));
  await refreshProfileSnapshot(ctx.env, userId); // updated_at moved: GET /v3/user's copy goes
  auditLater(ctx, userId, on ? "new_device_notices_on" : "new_device_notices_off");
}
