/**
 * The checks route files share before they act. A page that needs a signed-in browser asks currentSession
 * and sends a browser without one to /login with toLogin; a WebSocket upgrade must come from this site's own
 * pages (form posts are checked for the same by hono/csrf in routes.tsx, for every page at once).
 */
import type { Context } from "hono";
import { type AuthResult, authenticate } from "../domain/sessions";
import { clearSessionCookie, readSessionCookie } from "./cookies";
import type { PageEnv } from "./page-language";

/**
 * Requests whose session just ended at its overall limit: every page answers a missing session with
 * toLogin(c, "expired"), and this lets that one call say the real reason instead.
 */
const endedTooOld = new WeakSet<Context<PageEnv>>();

/** The session this browser's cookie names, at the request's `now`, or why there is none. */
export async function currentSession(c: Context<PageEnv>): Promise<AuthResult> {
  const auth = await authenticate(c.env, readSessionCookie(c), c.get("now"));
  if (!auth.ok && auth.ended === "too_old") endedTooOld.add(c);
  return auth;
}

/**
 * To /login with a notice (`?notice=`), the session cookie cleared. "expired" becomes "session_max_age" for
 * a session that reached its overall limit on this request (NIST SP 800-63B section 2.1.3).
 */
export function toLogin(c: Context<PageEnv>, notice: string): Response {
  clearSessionCookie(c);
  const shown = notice === "expired" && endedTooOld.has(c) ? "session_max_age" : notice;
  return c.redirect(`/login?notice=${shown}`, 303);
}

/**
 * Whether a request came from a page of this very origin. Cross-site WebSocket hijacking: browsers send
 * cookies on cross-origin upgrades, and hono/csrf checks form posts only.
 */
export function isSameOrigin(c: Context<PageEnv>): boolean {
  return c.req.header("origin") === new URL(c.req.url).origin;
}
