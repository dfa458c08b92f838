/**
 * Cloudflare Turnstile's server-side check (siteverify): POST the widget's token with the secret, the
 * visitor's IP and an idempotency key; Cloudflare answers JSON `{ success, "error-codes", action, … }`.
 * A token is single-use and lives 300 s; a second check of it answers `timeout-or-duplicate`. The verdict
 * is a value: `passed`, `failed` (the visitor must solve a new challenge), or `unavailable` (our side or
 * Cloudflare's: siteverify unreachable, `internal-error`, or a secret it does not know). No clock, no
 * storage; the caller passes `fetch`.
 */

/** Where the widget's script comes from: the only origin the page CSP adds while it is shown. */
export const TURNSTILE_ORIGIN = "https://challenges.cloudflare.com";
/** The widget's script (implicit rendering: it finds `.cf-turnstile` and adds `cf-turnstile-response` to the form). */
export const TURNSTILE_SCRIPT = `${TURNSTILE_ORIGIN}/turnstile/v0/api.js`;
/** siteverify's documented URL; TURNSTILE_VERIFY_URL overrides it for a local stand-in. */
export const TURNSTILE_VERIFY_URL = `${TURNSTILE_ORIGIN}/turnstile/v0/siteverify`;
/** Tokens longer than this are not Turnstile's (documented maximum): refused without a call. */
export const TURNSTILE_TOKEN_MAX_LENGTH = 2048;
/** Each try's limit: two tries stay within the sign-in slot the attempt holds meanwhile (5 s). */
const TRY_TIMEOUT_MS = 1500;

/** TURNSTILE_SITE_KEY, the TURNSTILE_SECRET_KEY secret, and where siteverify is. */
export interface TurnstileConfig {
  siteKey: string;
  secretKey: string;
  verifyUrl: string;
}

export type TurnstileVerdict =
  | { outcome: "passed" }
  | { outcome: "failed"; errorCodes: string[] }
  | { outcome: "unavailable"; detail: string };

/** The documented codes that mean "this token proves nothing": the visitor solves a new challenge. */
const VISITOR_CODES = new Set([
  "missing-input-response",
  "invalid-input-response",
  "timeout-or-duplicate",
  "bad-request",
]);
/** Codes that mean our configuration is wrong: no visitor can pass until an operator fixes it. */
const OPERATOR_CODES = new Set(["missing-input-secret", "invalid-input-secret"]);

interface SiteverifyAnswer {
  success?: unknown;
  "error-codes"?: unknown;
  action?: unknown;
}

/**
 * Verifies `token` (made by a widget with `action`) once. A transport failure, a 5xx or `internal-error` is
 * tried once more with the same idempotency key (Cloudflare then answers the first check's result, not
 * `timeout-or-duplicate`); still failing, the verdict is `unavailable` and the caller fails closed.
 */
export async function verifyTurnstileToken(
  config: TurnstileConfig & { fetch: typeof fetch },
  check: { token: string; remoteIp: string | null; action: string; idempotencyKey: string },
): Promise<TurnstileVerdict> {
  if (check.token === "") return { outcome: "failed", errorCodes: ["missing-input-response"] };
  if (check.token.length > TURNSTILE_TOKEN_MAX_LENGTH)
    return { outcome: "failed", errorCodes: ["invalid-input-response"] };
  const body = new URLSearchParams({
    secret: config.secretKey,
    response: check.token,
    idempotency_key: check.idempotencyKey,
  });
  if (check.remoteIp !== null) body.set("remoteip", check.remoteIp);
  let verdict: TurnstileVerdict = { outcome: "unavailable", detail: "not tried" };
  for (let attempt = 0; attempt < 2; attempt++) {
    verdict = await siteverify(config, body, check.action);
    if (verdict.outcome !== "unavailable" || verdict.detail.startsWith("secret:")) return verdict;
  }
  return verdict;
}

async function siteverify(
  config: { verifyUrl: string; fetch: typeof fetch },
  body: URLSearchParams,
  action: string,
): Promise<TurnstileVerdict> {
  let answer: SiteverifyAnswer;
  try {
    const response = await config.fetch(config.verifyUrl, {
      method: "POST",
      body,
      signal: AbortSignal.timeout(TRY_TIMEOUT_MS),
    });
    if (response.status >= 500) return { outcome: "unavailable", detail: `status ${response.status}` };
    answer = (await response.json()) as SiteverifyAnswer;
  } catch (error) {
    return { outcome: "unavailable", detail: String(error) };
  }
  const codes = Array.isArray(answer["error-codes"]) ? answer["error-codes"].map(String) : [];
  if (answer.success === true) {
    // A token made by another widget of the same site key (another form) is not this form's proof.
    const made = typeof answer.action === "string" ? answer.action : "";
    return made === "" || made === action
      ? { outcome: "passed" }
      : { outcome: "failed", errorCodes: [`action:${made}`] };
  }
  const operator = codes.find((code) => OPERATOR_CODES.has(code));
  if (operator !== undefined) return { outcome: "unavailable", detail: `secret:${operator}` };
  if (codes.length > 0 && codes.every((code) => VISITOR_CODES.has(code)))
    return { outcome: "failed", errorCodes: codes };
  // internal-error, or an answer we do not know: nothing the visitor can fix.
  return { outcome: "unavailable", detail: codes.length > 0 ? codes.join(",") : "no error codes" };
}
