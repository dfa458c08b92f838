/**
 * The checks route files share before they act. A page that needs a signed-in browser asks currentSession
 * and sends a browser without one to /login with toLogin; a WebSocket upgrade must come from this site's own
 * pages (form posts are checked for the same by hono/csrf in routes.tsx, for every page at once).
 */
import type { Context } from "hono";
import { type AuthResult, authenticate } from "../domain/sessions";
import { clearSessionCookie, readSessionCookie } from "./cookies";
import type { PageEnv } from "./page-language";

/** The session this browser's cookie names, at the request's `now`, or why there is none. */
export async function currentSession(c: Context<PageEnv>): Promise<AuthResult> {
  return authenticate(c.env, readSessionCookie(c), c.get("now"));
}

/** To /login with a notice (`?notice=`), the session cookie cleared. */
export function toLogin(c: Context<PageEnv>, notice: string): Response {
  clearSessionCookie(c);
  return c.redirect(`/login?notice=${notice}`, 303);
}

/**
 * Whether a request came from a page of this very origin. Cross-site WebSocket hijacking: browsers send
 * cookies on cross-origin upgrades, and hono/csrf checks form posts only.
 */
export function isSameOrigin(c: Context<PageEnv>): boolean {
  return c.req.header("origin") === new URL(c.req.url).origin;
}
