/**
 * Browser cookies. The session rides in a __Host- cookie (HttpOnly, Secure, SameSite=Lax, Path=/, no
 * Domain), holding the same token the API returns as authtoken; it lasts SESSION_IDLE_DAYS and is renewed
 * by every authenticated page, like the server's idle timeout it mirrors. The reset token rides in its own
 * __Host- cookie (no sibling subdomain can plant one), without Max-Age (it dies with the browser session,
 * not an hour later on a shared computer), deleted when the reset finishes or the link is refused; so the
 * token can leave the URL (invariant 7). The device cookie marks a browser that signed in to an account
 * before: its sign-ins are judged on its own failures only (invariant 12).
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

const SESSION_COOKIE = "session";
const RESET_COOKIE = "reset_token";
const DEVICE_COOKIE = "device";
/** A device stays trusted for half a year after its last successful sign-in. */
const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

/** The session token this browser holds, if any. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE, "host");
}

/** Sets (or renews) the session cookie for another `maxAgeMs`. */
export function writeSessionCookie(c: Context, token: string, maxAgeMs: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    prefix: "host",
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { prefix: "host", secure: true, path: "/" });
}

/** The reset token this browser carries from its link, if any. */
export function readResetCookie(c: Context): string | undefined {
  return getCookie(c, RESET_COOKIE, "host");
}

export function writeResetCookie(c: Context, token: string): void {
  setCookie(c, RESET_COOKIE, token, { prefix: "host", httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
}

export function clearResetCookie(c: Context): void {
  deleteCookie(c, RESET_COOKIE, { prefix: "host", secure: true, path: "/" });
}

/** This browser's device token (it signed in successfully before), if any. */
export function readDeviceCookie(c: Context): string | undefined {
  return getCookie(c, DEVICE_COOKIE, "host");
}

/** Strict: only this site's own forms send it; a cross-site POST cannot borrow the owner's trust. */
export function writeDeviceCookie(c: Context, token: string): void {
  setCookie(c, DEVICE_COOKIE, token, {
    prefix: "host",
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}
