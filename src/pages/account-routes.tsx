/**
 * /account and its sign-out actions, plus /live: the WebSocket that pushes sign-out to open tabs.
 * Every route here needs a live session cookie; without one the browser is sent to /login.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../api/app-env";
import { type Authenticated, authenticate, sessionRegistry } from "../domain/sessions";
import { auditEventStatement, listAuditEvents } from "../storage/audit";
import { AccountPage } from "./account-page";
import { clearSessionCookie, readSessionCookie } from "./session-cookie";

const ACCOUNT_NOTICES: Record<string, string> = { others: "Every other session has been signed out." };

async function currentSession(c: Context<AppEnv>): Promise<Authenticated | null> {
  return authenticate(c.env, readSessionCookie(c), Date.now());
}

function toLogin(c: Context<AppEnv>, notice: string): Response {
  clearSessionCookie(c);
  return c.redirect(`/login?notice=${notice}`, 303);
}

export const accountRoutes = new Hono<AppEnv>()
  .get("/account", async (c) => {
    const auth = await currentSession(c);
    if (auth === null) return toLogin(c, "expired");
    const [sessions, events] = await Promise.all([
      sessionRegistry(c.env, auth.user.id).listSessions(Date.now()),
      listAuditEvents(c.env.DB, auth.user.id, 10),
    ]);
    const notice = ACCOUNT_NOTICES[c.req.query("done") ?? ""] ?? null;
    return c.render(<AccountPage user={auth.user} sessions={sessions} currentSessionId={auth.session.id} events={events} notice={notice} />, {
      title: "Your account",
      live: true,
    });
  })
  .post("/account/sign-out", async (c) => {
    const auth = await currentSession(c);
    if (auth === null) return toLogin(c, "expired");
    await sessionRegistry(c.env, auth.user.id).revokeSession(auth.session.id, "signed_out");
    c.executionCtx.waitUntil(auditEventStatement(c.env.DB, auth.user.id, "sign_out", c.get("client"), new Date().toISOString()).run());
    return toLogin(c, "signed_out");
  })
  .post("/account/sign-out-others", async (c) => {
    const auth = await currentSession(c);
    if (auth === null) return toLogin(c, "expired");
    const ended = await sessionRegistry(c.env, auth.user.id).revokeOtherSessions(auth.session.id);
    c.executionCtx.waitUntil(auditEventStatement(c.env.DB, auth.user.id, "sessions_revoked", c.get("client"), new Date().toISOString(), `${ended} other sessions`).run());
    return c.redirect("/account?done=others", 303);
  })
  .post("/account/sign-out-everywhere", async (c) => {
    const auth = await currentSession(c);
    if (auth === null) return toLogin(c, "expired");
    const ended = await sessionRegistry(c.env, auth.user.id).revokeAllSessions("signed_out_everywhere");
    c.executionCtx.waitUntil(auditEventStatement(c.env.DB, auth.user.id, "sessions_revoked", c.get("client"), new Date().toISOString(), `all ${ended} sessions`).run());
    return toLogin(c, "signed_out_everywhere");
  })
  .get("/live/status", async (c) => {
    const auth = await currentSession(c);
    return c.body(null, auth === null ? 401 : 204);
  })
  .get("/live", async (c) => {
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") return c.text("Expected a WebSocket upgrade", 426);
    // Cross-site WebSocket hijacking: browsers send cookies on cross-origin upgrades, so check Origin.
    if (c.req.header("origin") !== new URL(c.req.url).origin) return c.text("Forbidden origin", 403);
    const auth = await currentSession(c);
    if (auth === null) return c.text("Not signed in", 401);
    const headers = new Headers({ upgrade: "websocket", "x-session-id": auth.session.id });
    return sessionRegistry(c.env, auth.user.id).fetch(new Request("https://session-registry/live", { headers }));
  });
