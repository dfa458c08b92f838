/**
 * Browser sessions ride in a __Host- cookie (HttpOnly, Secure, SameSite=Lax, Path=/, no Domain), holding
 * the same token the API returns as authtoken. The reset token rides in its own short-lived cookie,
 * scoped to /reset-password, so it can leave the URL (invariant 7).
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { RESET_LINK_TTL_SECONDS } from "../core/reset-token";

const SESSION_COOKIE = "session";
const RESET_COOKIE = "reset_token";
const RESET_PATH = "/reset-password";

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE, "host");
}

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

export function readResetCookie(c: Context): string | undefined {
  return getCookie(c, RESET_COOKIE, "secure");
}

export function writeResetCookie(c: Context, token: string): void {
  setCookie(c, RESET_COOKIE, token, {
    prefix: "secure",
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: RESET_PATH,
    maxAge: RESET_LINK_TTL_SECONDS,
  });
}

export function clearResetCookie(c: Context): void {
  deleteCookie(c, RESET_COOKIE, { prefix: "secure", secure: true, path: RESET_PATH });
}
