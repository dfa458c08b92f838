/**
 * Live sign-out: every signed-in page holds a hibernatable WebSocket to its user's SessionRegistry,
 * tagged with its session id. When sessions end, the object pushes one message to each affected socket
 * and closes it, so open tabs leave at once instead of on their next request.
 */

/** The keep-alive the page's script sends, and the answer the runtime gives without waking the object. */
export const LIVE_PING = "ping";
export const LIVE_PONG = "pong";

/** Why a tab was signed out; the page maps it to the notice shown on /login. */
export type SignOutReason =
  | "password_reset"
  | "password_changed"
  | "signed_out"
  | "signed_out_elsewhere"
  | "signed_out_everywhere"
  | "session_limit"
  | "session_max_age"
  | "email_changed"
  | "locked_down";

/** Close code sent after the sign-out message (application range 4000-4999). */
const SIGN_OUT_CLOSE_CODE = 4401;

interface SocketAttachment {
  sessionId: string;
}

/** The request the Worker forwards to a user's registry to open a live socket for one authenticated session. */
export function liveSocketRequest(sessionId: string): Request {
  return new Request("https://session-registry/live", { headers: { upgrade: "websocket", "x-session-id": sessionId } });
}

/**
 * Accepts the upgrade the Worker forwarded (header x-session-id) through the Hibernation API (never
 * ws.accept()), if that session is live.
 */
export function acceptLiveSocket(
  ctx: DurableObjectState,
  request: Request,
  isLive: (sessionId: string) => boolean,
): Response {
  const sessionId = request.headers.get("x-session-id");
  if (request.headers.get("upgrade") !== "websocket" || sessionId === null) return new Response(null, { status: 400 });
  if (!isLive(sessionId)) return new Response(null, { status: 401 });
  const pair = new WebSocketPair();
  const server = pair[1];
  ctx.acceptWebSocket(server, [sessionId]);
  server.serializeAttachment({ sessionId } satisfies SocketAttachment);
  return new Response(null, { status: 101, webSocket: pair[0] });
}

/** Echoes a client's close; 1005/1006 are reserved and cannot be sent back (docs/design.md, "Platform facts"). */
export function answerSocketClose(ws: WebSocket, code: number): void {
  ws.close(code === 1005 || code === 1006 || code === SIGN_OUT_CLOSE_CODE ? 1000 : code, "closing");
}

/** Tells every socket whose session matches that it was signed out, then closes it. */
export function notifySignedOut(
  ctx: DurableObjectState,
  reason: SignOutReason,
  matches: (sessionId: string) => boolean,
): number {
  const message = JSON.stringify({ type: "signout", reason });
  let sent = 0;
  for (const ws of ctx.getWebSockets()) {
    const attachment = ws.deserializeAttachment() as SocketAttachment | null;
    if (attachment === null || !matches(attachment.sessionId)) continue;
    try {
      ws.send(message);
      ws.close(SIGN_OUT_CLOSE_CODE, reason);
      sent++;
    } catch {
      // Already closing: nothing to tell.
    }
  }
  return sent;
}
