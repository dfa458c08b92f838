/**
 * /account and its sign-out actions, plus /live: the WebSocket that pushes sign-out to open tabs.
 * Every route here needs a live session cookie; without one the browser is sent to /login.
 */
import { type Context, Hono } from "hono";
import { accountOverview } from "../domain/account";
import {
  type AuthResult,
  authenticate,
  openLiveSignOut,
  signOut,
  signOutEverywhere,
  signOutOtherSessions,
} from "../domain/sessions";
import type { AppEnv } from "../http/app-env";
import { flowContext } from "../http/request-context";
import { AccountPage } from "./account-page";
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from "./session-cookie";

const ACCOUNT_NOTICES: Record<string, string> = { others: "Every other session has been signed out." };

async function currentSession(c: Context<AppEnv>, now = Date.now()): Promise<AuthResult> {
  return authenticate(c.env, readSessionCookie(c), now);
}

function toLogin(c: Context<AppEnv>, notice: string): Response {
  clearSessionCookie(c);
  return c.redirect(`/login?notice=${notice}`, 303);
}

export const accountRoutes = new Hono<AppEnv>()
  .get("/account", async (c) => {
    const now = Date.now();
    const auth = await currentSession(c, now);
    if (!auth.ok) return toLogin(c, "expired");
    const { sessions, events } = await accountOverview(c.env, auth.user.id, now);
    // The cookie follows the server's sliding idle timeout: each visit renews it for another idle period.
    writeSessionCookie(c, auth.token, c.get("config").sessionIdleMs);
    const notice = ACCOUNT_NOTICES[c.req.query("done") ?? ""] ?? null;
    const page = (
      <AccountPage
        user={auth.user}
        sessions={sessions}
        currentSessionId={auth.session.id}
        events={events}
        notice={notice}
      />
    );
    return c.render(page, { title: "Your account", live: true });
  })
  .post("/account/sign-out", async (c) => {
    const ended = await signOut(flowContext(c), readSessionCookie(c));
    return toLogin(c, ended.ok ? "signed_out" : "expired");
  })
  .post("/account/sign-out-others", async (c) => {
    const auth = await currentSession(c);
    if (!auth.ok) return toLogin(c, "expired");
    await signOutOtherSessions(flowContext(c), auth);
    return c.redirect("/account?done=others", 303);
  })
  .post("/account/sign-out-everywhere", async (c) => {
    const auth = await currentSession(c);
    if (!auth.ok) return toLogin(c, "expired");
    await signOutEverywhere(flowContext(c), auth);
    return toLogin(c, "signed_out_everywhere");
  })
  .get("/live/status", async (c) => {
    const auth = await currentSession(c);
    return c.body(null, auth.ok ? 204 : 401);
  })
  .get("/live", async (c) => {
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") return c.text("Expected a WebSocket upgrade", 426);
    // Cross-site WebSocket hijacking: browsers send cookies on cross-origin upgrades, so check Origin.
    if (c.req.header("origin") !== new URL(c.req.url).origin) return c.text("Forbidden origin", 403);
    const auth = await currentSession(c);
    if (!auth.ok) return c.text("Not signed in", 401);
    return openLiveSignOut(c.env, auth);
  });
