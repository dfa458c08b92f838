/**
 * The browser's cookies, but the language and zone (page-language.ts): each one's name, attributes and
 * lifetime, and the Set-Cookie/Cookie plumbing. All are __Host- (Secure, Path=/, no Domain: no sibling
 * subdomain can plant one) and HttpOnly. The signed values' formats are core's (session-token.ts,
 * device-token.ts, sign-in-pending.ts, password-reset-factor.ts); docs/storage.md tables every cookie.
 * - session: the same token the API returns as authtoken; it lasts SESSION_IDLE_DAYS and is renewed by every
 *   authenticated page, like the server's idle timeout it mirrors.
 * - reset_token: the token from the reset link, so it can leave the URL (invariant 7); without Max-Age (it
 *   dies with the browser session, not an hour later on a shared computer), deleted when the reset finishes
 *   or the link is refused.
 * - device: a browser that signed in to an account before; its sign-ins are judged on its own failures only
 *   (invariant 12).
 * - sign_in_pending, reset_factor, two_factor_setup: the short-lived steps of two-factor pages (the right
 *   password waiting for its code; a good code for the reset link this browser holds; a setup page's new key,
 *   sealed for the account by the domain). Each is bound to the browser that got it: another browser has only
 *   what it typed itself.
 * - passkey_sign_in: the id of a passkey sign-in's challenge (5 minutes), so only the browser that asked for
 *   the challenge can answer it.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { RESET_FACTOR_MS, resetFactorKey, signResetFactor, verifyResetFactor } from "../core/password-reset-factor";
import {
  SIGN_IN_PENDING_MS,
  type SignInPending,
  signInPendingKey,
  signSignInPending,
  verifySignInPending,
} from "../core/sign-in-pending";
import type { PageEnv } from "./page-language";

const SESSION_COOKIE = "session";
const RESET_COOKIE = "reset_token";
const DEVICE_COOKIE = "device";
const PENDING = "sign_in_pending";
const RESET_FACTOR = "reset_factor";
const SETUP = "two_factor_setup";
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

/** Ends the session cookie (the session itself is the server's to end). */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { prefix: "host", secure: true, path: "/" });
}

/** The reset token this browser carries from its link, if any. */
export function readResetCookie(c: Context): string | undefined {
  return getCookie(c, RESET_COOKIE, "host");
}

/** Holds the link's token for this browser session, so the address bar need not. */
export function writeResetCookie(c: Context, token: string): void {
  setCookie(c, RESET_COOKIE, token, { prefix: "host", httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
}

/** Forgets the link's token: the reset finished, or the link is dead. */
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

/** A two-factor step's cookie, for `maxAgeMs`. */
function writeStep(c: Context<PageEnv>, name: string, value: string, maxAgeMs: number): void {
  const maxAge = Math.floor(maxAgeMs / 1000);
  setCookie(c, name, value, { prefix: "host", httpOnly: true, secure: true, sameSite: "Lax", path: "/", maxAge });
}

/** Ends a two-factor step: the code signed in, the reset finished, or two-factor was turned on. */
export function clearTwoFactorCookie(c: Context<PageEnv>, name: "pending" | "reset" | "setup"): void {
  const cookie = { pending: PENDING, reset: RESET_FACTOR, setup: SETUP }[name];
  deleteCookie(c, cookie, { prefix: "host", secure: true, path: "/" });
}

/** After a right password on an account that asks for a code. */
export function writePendingSignIn(c: Context<PageEnv>, pending: SignInPending, now: number): void {
  const value = signSignInPending(signInPendingKey(c.get("config").pepper), pending, now);
  writeStep(c, PENDING, value, SIGN_IN_PENDING_MS);
}

/** The account this browser proved the password of, if its cookie is genuine and not expired. */
export function readPendingSignIn(c: Context<PageEnv>, now: number): SignInPending | null {
  return verifySignInPending(signInPendingKey(c.get("config").pepper), getCookie(c, PENDING, "host"), now);
}

/** After a good code on the reset page, for the link (`token`) this browser holds. */
export function writeResetFactor(c: Context<PageEnv>, token: string, now: number): void {
  writeStep(c, RESET_FACTOR, signResetFactor(resetFactorKey(c.get("config").pepper), token, now), RESET_FACTOR_MS);
}

/** Whether this browser typed a good code for this very link, lately. */
export function hasResetFactor(c: Context<PageEnv>, token: string, now: number): boolean {
  const value = getCookie(c, RESET_FACTOR, "host");
  return verifyResetFactor(resetFactorKey(c.get("config").pepper), token, value, now);
}

/** The sealed key of a setup page (domain/two-factor-setup.ts), until it expires. */
export function writeSetupKey(c: Context<PageEnv>, pending: string, maxAgeMs: number): void {
  writeStep(c, SETUP, pending, maxAgeMs);
}

/** The sealed key this browser's setup page showed, if any. */
export function readSetupKey(c: Context<PageEnv>): string | undefined {
  return getCookie(c, SETUP, "host");
}

const PASSKEY_SIGN_IN = "passkey_sign_in";

/** The id of this browser's passkey sign-in challenge (domain/passkey-sign-in.ts), for its 5 minutes. */
export function writePasskeySignIn(c: Context<PageEnv>, challengeId: string, maxAgeMs: number): void {
  writeStep(c, PASSKEY_SIGN_IN, challengeId, maxAgeMs);
}

/** The passkey sign-in challenge this browser began, if any; the cookie goes with the read (single use). */
export function takePasskeySignIn(c: Context<PageEnv>): string | undefined {
  const id = getCookie(c, PASSKEY_SIGN_IN, "host");
  if (id !== undefined) deleteCookie(c, PASSKEY_SIGN_IN, { prefix: "host", secure: true, path: "/" });
  return id;
}
