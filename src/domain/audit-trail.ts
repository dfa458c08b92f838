/** An account's security event, written to its shard after the response, so the row never changes the answer's timing. */
import { isoTime } from "../core/time";
import { type AuditEventType, auditEventStatement } from "../storage/audit";
import { userDatabase } from "../storage/shard-databases";
import type { FlowContext } from "./context";

export function auditLater(
  ctx: FlowContext,
  userId: string,
  event: AuditEventType,
  detail: string | null = null,
): void {
  const db = userDatabase(ctx.env, userId);
  ctx.defer(auditEventStatement(db, userId, event, ctx.client, isoTime(ctx.now), detail).run());
}
