/**
 * Turnstile's siteverify through the real global fetch, against the local stand-in that answers as
 * Cloudflare documents (test/support/turnstile-stand-in.mjs): success, each documented error code, a token
 * checked twice, a retry with the same idempotency key, and siteverify out of reach.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type TurnstileConfig, verifyTurnstileToken } from "../../src/core/turnstile";

const config: TurnstileConfig = {
  siteKey: env.TEST_TURNSTILE_SITE_KEY,
  secretKey: env.TEST_TURNSTILE_SECRET,
  verifyUrl: `${env.TEST_TURNSTILE_URL}/turnstile/v0/siteverify`,
};
const realFetch = { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init) };

/** A token as a solved widget hands the form; `fail`: its first checks answer that code instead. */
async function solved(options: { action?: string; fail?: string; times?: number; issuedAt?: number } = {}) {
  const response = await fetch(`${env.TEST_TURNSTILE_URL}/__stand-in/token`, {
    method: "POST",
    body: JSON.stringify({ action: "login", ...options }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function siteverify(body: Record<string, string>, contentType = "application/x-www-form-urlencoded") {
  const response = await fetch(config.verifyUrl, {
    method: "POST",
    headers: { "content-type": contentType },
    body: contentType === "application/json" ? JSON.stringify(body) : new URLSearchParams(body),
  });
  return response.json() as Promise<{ success: boolean; "error-codes": string[]; action?: string }>;
}

async function requestsFor(token: string) {
  const response = await fetch(`${env.TEST_TURNSTILE_URL}/__stand-in/requests`);
  const all = (await response.json()) as { body: Record<string, string> | null }[];
  return all.filter((r) => r.body?.response === token).map((r) => r.body!);
}

function verify(token: string, overrides: Partial<TurnstileConfig> = {}, idempotencyKey = crypto.randomUUID()) {
  return verifyTurnstileToken(
    { ...config, ...overrides, ...realFetch },
    { token, remoteIp: "203.0.113.9", action: "login", idempotencyKey },
  );
}

describe("the stand-in answers as Cloudflare documents", () => {
  it("success, then timeout-or-duplicate for the same token; the documented error codes for bad input", async () => {
    const token = await solved();
    const first = await siteverify({ secret: config.secretKey, response: token });
    expect(first).toMatchObject({ success: true, "error-codes": [], action: "login" });
    expect(await siteverify({ secret: config.secretKey, response: token })).toMatchObject({
      success: false,
      "error-codes": ["timeout-or-duplicate"],
    });
    const codeOf = async (body: Record<string, string>, type?: string) => (await siteverify(body, type))["error-codes"];
    expect(await codeOf({ response: await solved() })).toEqual(["missing-input-secret"]);
    expect(await codeOf({ secret: "wrong", response: await solved() })).toEqual(["invalid-input-secret"]);
    expect(await codeOf({ secret: config.secretKey })).toEqual(["missing-input-response"]);
    expect(await codeOf({ secret: config.secretKey, response: "forged" })).toEqual(["invalid-input-response"]);
    expect(await codeOf({ secret: config.secretKey, response: "x" }, "text/plain")).toEqual(["bad-request"]);
    const json = await codeOf({ secret: config.secretKey, response: await solved() }, "application/json");
    expect(json).toEqual([]);
  });
});

describe("verifyTurnstileToken", () => {
  it("a solved token passes once; checked again it fails as timeout-or-duplicate (a token used twice)", async () => {
    const token = await solved();
    expect(await verify(token)).toEqual({ outcome: "passed" });
    expect(await verify(token)).toEqual({ outcome: "failed", errorCodes: ["timeout-or-duplicate"] });
    const [sent] = await requestsFor(token);
    expect(sent).toMatchObject({ secret: "***", remoteip: "203.0.113.9", idempotency_key: expect.any(String) });
  });

  it("a token older than 300 s fails as timeout-or-duplicate", async () => {
    const token = await solved({ issuedAt: Date.now() - 301_000 });
    expect(await verify(token)).toEqual({ outcome: "failed", errorCodes: ["timeout-or-duplicate"] });
  });

  it("the visitor's codes fail (a new challenge helps): missing, invalid and duplicate responses, bad-request", async () => {
    expect(await verify("")).toEqual({ outcome: "failed", errorCodes: ["missing-input-response"] });
    expect(await verify("forged-token")).toEqual({ outcome: "failed", errorCodes: ["invalid-input-response"] });
    expect(await verify("x".repeat(2049))).toEqual({ outcome: "failed", errorCodes: ["invalid-input-response"] });
    for (const code of ["missing-input-response", "invalid-input-response", "timeout-or-duplicate", "bad-request"]) {
      expect(await verify(await solved({ fail: code })), code).toEqual({ outcome: "failed", errorCodes: [code] });
    }
  });

  it("the operator's codes are 'unavailable' at once, not tried again: missing-input-secret, invalid-input-secret", async () => {
    const wrong = await solved();
    expect(await verify(wrong, { secretKey: "0x-not-our-secret" })).toEqual({
      outcome: "unavailable",
      detail: "secret:invalid-input-secret",
    });
    expect(await requestsFor(wrong)).toHaveLength(1);
    const forced = await solved({ fail: "missing-input-secret" });
    expect(await verify(forced)).toEqual({ outcome: "unavailable", detail: "secret:missing-input-secret" });
  });

  it("internal-error is tried once more with the same idempotency key, and then passes", async () => {
    const token = await solved({ fail: "internal-error", times: 1 });
    expect(await verify(token)).toEqual({ outcome: "passed" });
    const sent = await requestsFor(token);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.idempotency_key).toBe(sent[0]!.idempotency_key);
  });

  it("a retry with the same idempotency key gets the first answer again, not timeout-or-duplicate", async () => {
    const token = await solved();
    const key = crypto.randomUUID();
    expect(await verify(token, {}, key)).toEqual({ outcome: "passed" });
    expect(await verify(token, {}, key)).toEqual({ outcome: "passed" });
    expect(await verify(token)).toMatchObject({ outcome: "failed" });
  });

  it("internal-error twice, no answer within the timeout, or nothing listening: 'unavailable' (fail closed)", async () => {
    const twice = await solved({ fail: "internal-error", times: 2 });
    expect(await verify(twice)).toEqual({ outcome: "unavailable", detail: "internal-error" });
    const hung = await solved({ fail: "hang", times: 2 });
    expect(await verify(hung)).toMatchObject({ outcome: "unavailable" });
    // Nothing listening (workerd's fetch rejects; a refused connection also logs noise, so it is simulated here).
    const refused = await verifyTurnstileToken(
      { ...config, fetch: () => Promise.reject(new TypeError("Network connection lost.")) },
      { token: "any", remoteIp: null, action: "login", idempotencyKey: crypto.randomUUID() },
    );
    expect(refused).toEqual({ outcome: "unavailable", detail: "TypeError: Network connection lost." });
  });

  it("a token made by a widget for another form (action) fails", async () => {
    expect(await verify(await solved({ action: "signup" }))).toEqual({
      outcome: "failed",
      errorCodes: ["action:signup"],
    });
  });
});
