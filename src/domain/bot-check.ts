/**
 * The bot challenge before the last of the cap (NIST SP 800-63B rev 4's bot detection; docs/design.md):
 * once half of an email's daily cap of untrusted failures is spent, a page sign-in from a browser that is
 * not a trusted device must carry a solved Cloudflare Turnstile token. It is verified with siteverify
 * before the password is checked (password-attempt.ts), so each remaining guess costs a solved challenge,
 * and a refused challenge counts no password failure. The API never asks (it has no widget; its clients
 * meet the cap alone). Off without TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY. Siteverify unreachable:
 * the attempt is refused (fail closed) with a message to try again, and counts nothing.
 */
import { type TurnstileVerdict, verifyTurnstileToken } from "../core/turnstile";
import type { FlowContext } from "./context";

/** The widget's action on the sign-in form: a token made for another form is refused. */
export const SIGN_IN_CHALLENGE_ACTION = "login";

/** What a page sign-in form carried: Turnstile's `cf-turnstile-response` field, if any. */
export interface BotCheck {
  token: string | undefined;
}

/** The challenge was needed and not passed: `missing` (none solved), `failed`, or `unavailable` (retry). */
export type ChallengeRefusal = {
  ok: false;
  reason: "challenge_required";
  problem: "missing" | "failed" | "unavailable";
};

/**
 * Null if this attempt may go on to its password check: no challenge applies (the API, Turnstile off, a
 * trusted device, less than half of the cap spent) or the form's token passed; else the refusal.
 */
export async function checkChallenge(
  ctx: FlowContext,
  botCheck: BotCheck | undefined,
  standing: { trusted: boolean; capSpent: number; capMax: number },
): Promise<ChallengeRefusal | null> {
  if (botCheck === undefined || standing.trusted || standing.capSpent * 2 < standing.capMax) return null;
  const turnstile = ctx.config.turnstile;
  if (turnstile === null) return null;
  const token = botCheck.token?.trim() ?? "";
  if (token === "") return { ok: false, reason: "challenge_required", problem: "missing" };
  const verdict: TurnstileVerdict = await verifyTurnstileToken(
    // Called as a plain function: workerd refuses the global fetch called as a method of another object.
    { ...turnstile, fetch: (input, init) => fetch(input, init) },
    { token, remoteIp: ctx.client.ip, action: SIGN_IN_CHALLENGE_ACTION, idempotencyKey: crypto.randomUUID() },
  );
  if (verdict.outcome === "passed") return null;
  if (verdict.outcome === "failed") return { ok: false, reason: "challenge_required", problem: "failed" };
  console.error(JSON.stringify({ event: "turnstile_unavailable", detail: verdict.detail }));
  return { ok: false, reason: "challenge_required", problem: "unavailable" };
}
