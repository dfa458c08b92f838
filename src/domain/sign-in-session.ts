/**
 * A sign-in that succeeded: the session created in the user's registry beside one D1 batch (last login, the
 * sign_in event, the throttle cleared, the network known), the client's older session ended, and the device
 * token it keeps. Shared by the password sign-in and its second step (sign-in.ts).
 */
import { clientNetwork } from "../core/client-info";
import { issueDeviceToken } from "../core/device-token";
import { isoTime } from "../core/time";
import { sessionRegistry } from "../durable/session-registry";
import { auditEventStatement } from "../storage/audit";
import { batchByDatabase, emailDatabase, userDatabase } from "../storage/shard-databases";
import { recordKnownNetworkStatement } from "../storage/sign-in-cap";
import { clearThrottleStatements } from "../storage/sign-in-throttle-upkeep";
import { recordSignInStatement, type User } from "../storage/users";
import type { FlowContext } from "./context";
import { newDeviceNotice } from "./new-device";
import { type SessionMethod, signOut } from "./sessions";
import { asksSecondFactor } from "./two-factor";

/** The session, and what comes with it: last login and throttle cleared, audit, rotation, device token. */
export async function startSession(
  ctx: FlowContext,
  user: User,
  key: string,
  options: {
    /** A session the client already holds: ended after success (rotation). */
    replacing?: string | undefined;
    /** The device token the browser sent, kept when it is still good (`trusted`). */
    deviceToken?: string | undefined;
    trusted: boolean;
    givesBack: boolean;
    familiar: boolean;
    method?: SessionMethod;
  },
): Promise<
  | { ok: true; user: User; token: string; deviceToken: string }
  | { ok: false; reason: "stale_credentials" | "reset_required" }
> {
  const { env, now } = ctx;
  const method = options.method ?? (asksSecondFactor(user) ? "password_code" : "password");
  const notice = newDeviceNotice(ctx, user, options.familiar);
  // The session and the success's D1 batch at once: the person waits for one step, not two.
  const [created] = await Promise.all([
    sessionRegistry(env, user.id).createSession(
      user.id,
      user.credentialVersion,
      { ...ctx.client, method },
      now,
      notice,
    ),
    recordSuccess(ctx, user, key, { givesBack: options.givesBack, newDevice: notice !== undefined }),
  ]);
  // The password was changed between our read and the session (the verified password is no longer valid),
  // or a lock-down holds every sign-in until a reset. (The success's batch has recorded the sign_in event
  // already; a failure recorded next follows it.)
  if (!created.ok) return { ok: false, reason: created.reason };
  if (options.replacing !== undefined) ctx.defer(signOut(ctx, options.replacing).catch(() => undefined));
  const deviceToken =
    options.trusted && options.deviceToken !== undefined
      ? options.deviceToken
      : issueDeviceToken(ctx.config.pepper, key, user.credentialVersion);
  return { ok: true, user, token: created.token, deviceToken };
}

/**
 * Last login and the sign_in event (and new_device_sign_in for a new device), the throttle and its marks cleared (the attempt's reservation given back
 * when `givesBack`), and the client's network known for 30 days, in one batch, run beside createSession: the
 * event rides in the batch the person waits for anyway rather than costing a D1 call of its own after the
 * response (issue 28). In the rare race where a reset then refuses the session, the trail shows this event
 * and the failure counted after it. Awaited, not
 * deferred: it frees the email's attempt slot, so the person's next sign-in is never "busy". In the rare
 * race where a reset then refuses the session, the failure is counted after this batch (Promise.all has
 * settled it), and what was cleared was cleared for someone who did hold the password until that moment.
 */
async function recordSuccess(
  ctx: FlowContext,
  user: User,
  key: string,
  { givesBack, newDevice }: { givesBack: boolean; newDevice: boolean },
): Promise<void> {
  const { env, now } = ctx;
  const db = userDatabase(env, user.id);
  const throttles = emailDatabase(env, key);
  const network = clientNetwork(ctx.client.ip);
  await batchByDatabase([
    [
      db,
      [
        recordSignInStatement(db, user.id, isoTime(now)),
        auditEventStatement(db, user.id, "sign_in", ctx.client, isoTime(now)),
        ...(newDevice ? [auditEventStatement(db, user.id, "new_device_sign_in", ctx.client, isoTime(now))] : []),
      ],
    ],
    [
      throttles,
      [
        ...clearThrottleStatements(throttles, key, { now, givesBack }),
        recordKnownNetworkStatement(throttles, key, network, now),
      ],
    ],
  ]);
}
