/**
 * The short-lived cookies of two-factor pages, each __Host-, HttpOnly, Secure, SameSite=Lax, Path=/:
 * - sign_in_pending: this browser typed the right password of an account that asks for a code; it names
 *   the account and its credential version, expires in 5 minutes and carries a MAC (server-keys.ts);
 * - reset_factor: this browser typed a good code for the reset link it holds (10 minutes, MAC over the link);
 * - two_factor_setup: the new key of a setup page, sealed for the account until it expires (domain).
 * Each is bound to the browser that got it: another browser has only what it typed itself.
 */
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { constantTimeEqualText } from "../core/secrets";
import { serverMac } from "../core/server-keys";
import { MINUTE_MS } from "../core/time";
import type { PageEnv } from "./page-language";

const PENDING = "sign_in_pending";
const RESET_FACTOR = "reset_factor";
const SETUP = "two_factor_setup";
export const PENDING_MS = 5 * MINUTE_MS;
const RESET_FACTOR_MS = 10 * MINUTE_MS;

function write(c: Context<PageEnv>, name: string, value: string, maxAgeMs: number): void {
  const maxAge = Math.floor(maxAgeMs / 1000);
  setCookie(c, name, value, { prefix: "host", httpOnly: true, secure: true, sameSite: "Lax", path: "/", maxAge });
}

export function clearTwoFactorCookie(c: Context<PageEnv>, name: "pending" | "reset" | "setup"): void {
  const cookie = { pending: PENDING, reset: RESET_FACTOR, setup: SETUP }[name];
  deleteCookie(c, cookie, { prefix: "host", secure: true, path: "/" });
}

function mac(c: Context<PageEnv>, label: string, message: string): string {
  return encodeBase64urlNoPadding(serverMac(c.get("config").pepper, label, message));
}

/** After a right password on an account that asks for a code. */
export function writePendingSignIn(c: Context<PageEnv>, userId: string, credentialVersion: number, now: number): void {
  const body = `${userId}.${credentialVersion}.${now + PENDING_MS}`;
  write(c, PENDING, `${body}.${mac(c, "sign-in-pending", body)}`, PENDING_MS);
}

/** The account this browser proved the password of, if its cookie is genuine and not expired. */
export function readPendingSignIn(
  c: Context<PageEnv>,
  now: number,
): { userId: string; credentialVersion: number } | null {
  const [userId, version, expiresAt, tag] = (getCookie(c, PENDING, "host") ?? "").split(".");
  if (userId === undefined || version === undefined || expiresAt === undefined || tag === undefined) return null;
  if (!constantTimeEqualText(tag, mac(c, "sign-in-pending", `${userId}.${version}.${expiresAt}`))) return null;
  if (!(Number(expiresAt) > now)) return null;
  return { userId, credentialVersion: Number(version) };
}

/** After a good code on the reset page, for the link (`token`) this browser holds. */
export function writeResetFactor(c: Context<PageEnv>, token: string, now: number): void {
  const expiresAt = now + RESET_FACTOR_MS;
  write(c, RESET_FACTOR, `${expiresAt}.${mac(c, "reset-second-factor", `${token}.${expiresAt}`)}`, RESET_FACTOR_MS);
}

/** Whether this browser typed a good code for this very link, lately. */
export function hasResetFactor(c: Context<PageEnv>, token: string, now: number): boolean {
  const [expiresAt, tag] = (getCookie(c, RESET_FACTOR, "host") ?? "").split(".");
  if (expiresAt === undefined || tag === undefined || !(Number(expiresAt) > now)) return false;
  return constantTimeEqualText(tag, mac(c, "reset-second-factor", `${token}.${expiresAt}`));
}

export function writeSetupKey(c: Context<PageEnv>, pending: string, maxAgeMs: number): void {
  write(c, SETUP, pending, maxAgeMs);
}

export function readSetupKey(c: Context<PageEnv>): string | undefined {
  return getCookie(c, SETUP, "host");
}
