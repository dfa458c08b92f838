/**
 * POST and DELETE /v3/user-session (sign in, sign out) and the sign-in throttle, as src/api/user-session.ts
 * serves them, through the Worker's real fetch, checked against docs/api.md and invariant 12.
 *
 * Storage persists across the tests of this file, so every test uses its own email addresses.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import {
  api,
  auditTrail,
  authtokenFor,
  expectEnvelope,
  INVALID_CREDENTIALS,
  json,
  lockedEnvelopeCheck,
  MINUTE,
  NOT_LOGGED_IN,
  page,
  STRONG_PASSWORD,
  signIn,
  signUp,
  TOKEN_SHAPE,
  uniqueEmail,
  whoAmI,
} from "../helpers";

describe("POST /v3/user-session (sign in)", () => {
  it('200 {"notice":"Login Successful.","user":{…,"authtoken"}}', async () => {
    const email = uniqueEmail("login");
    const created = await signUp(email);
    const response = await signIn(email, STRONG_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await json(response);
    expect(Object.keys(body).sort()).toEqual(["notice", "user"]);
    expect(body.notice).toBe("Login Successful.");
    expect(body.user.uid).toBe(created.uid);
    expect(body.user.email).toBe(email);
    expect(body.user.first_name).toBe("Ada");
    expect(body.user.failed_attempts).toBe(0);
    expect(body.user.authtoken).toMatch(TOKEN_SHAPE);
    expect(body.user.authtoken.startsWith(`${created.uid}.`)).toBe(true);
    // The token works.
    expect((await whoAmI(body.user.authtoken)).status).toBe(200);
  });

  it("422 error_code 104, byte-identical, for a wrong password and for an unknown email", async () => {
    // Attack: account enumeration through different sign-in errors.
    const email = uniqueEmail("enum");
    await signUp(email);
    const wrong = await signIn(email, "definitely-not-the-password");
    const unknown = await signIn(uniqueEmail("nobody"), "definitely-not-the-password");
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    const wrongText = await wrong.text();
    expect(await unknown.text()).toBe(wrongText);
    expect(JSON.parse(wrongText)).toEqual(INVALID_CREDENTIALS);
    expect([...wrong.headers].sort()).toEqual([...unknown.headers].sort());
  });

  it("422 error_code 104 for an empty email, and 141 errors.password for an empty password", async () => {
    expect(await json(await signIn("", STRONG_PASSWORD))).toEqual(INVALID_CREDENTIALS);
    const body = await expectEnvelope(await signIn(uniqueEmail("empty"), ""), 422, 141);
    expect(body.errors).toEqual({ password: ["is required."] });
  });

  it("200 with tfa_token present: accepted and ignored", async () => {
    const email = uniqueEmail("tfa");
    await signUp(email);
    const response = await api("/v3/user-session", {
      body: { user: { email, password: STRONG_PASSWORD, tfa_token: "123456" } },
    });
    expect(response.status).toBe(200);
    expect((await json(response)).user.authtoken).toMatch(TOKEN_SHAPE);
  });

  it("200 with the email in another case and surrounding spaces", async () => {
    const email = uniqueEmail("case");
    await signUp(email);
    const response = await signIn(`  ${email.toUpperCase()} `, STRONG_PASSWORD);
    expect(response.status).toBe(200);
    expect((await json(response)).user.email).toBe(email);
  });

  it("200 for the credentials' owner whatever stray authtoken header is sent (SDKs send one)", async () => {
    // Attack: riding another user's authtoken header into someone else's session.
    const alice = uniqueEmail("alice");
    const bob = uniqueEmail("bob");
    const aliceUser = await signUp(alice);
    await signUp(bob);
    const bobToken = await authtokenFor(bob, STRONG_PASSWORD);
    for (const stray of [bobToken, "bltfake0000000000000", "garbage"]) {
      const response = await api("/v3/user-session", {
        body: { user: { email: alice, password: STRONG_PASSWORD } },
        authtoken: stray,
      });
      expect(response.status).toBe(200);
      const { user } = await json(response);
      expect(user.uid).toBe(aliceUser.uid);
      expect(user.authtoken).not.toBe(bobToken);
    }
    // A stray token does not make wrong credentials good either.
    expect(
      await json(
        await api("/v3/user-session", {
          body: { user: { email: alice, password: "wrong-password-here" } },
          authtoken: bobToken,
        }),
      ),
    ).toEqual(INVALID_CREDENTIALS);
    // Nor is it honoured by forgot/reset: they answer as for anyone.
    expect(
      (await api("/v3/user/forgot_password", { body: { user: { email: alice } }, authtoken: bobToken })).status,
    ).toBe(200);
    await expectEnvelope(
      await api("/v3/user/reset_password", {
        body: {
          user: { reset_password_token: "x", password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD },
        },
        authtoken: bobToken,
      }),
      422,
      162,
    );
  });
});

describe("sign-in throttle", () => {
  /** `times` distinct wrong passwords (a repeated one would count once), numbered from `from`. */
  async function failTimes(email: string, times: number, from = 0): Promise<void> {
    for (let i = from; i < from + times; i++) {
      const response = await signIn(email, `wrong-password-number-${i}`);
      expect(response.status).toBe(422);
      expect(await json(response)).toEqual(INVALID_CREDENTIALS);
    }
  }

  it("429 Retry-After 300 with the envelope after 5 failures, even with the right password", async () => {
    // Attack: online password guessing against one account.
    const email = uniqueEmail("lock");
    await signUp(email);
    await failTimes(email, 5);
    const locked = await signIn(email, STRONG_PASSWORD);
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(295);
    expect(retryAfter).toBeLessThanOrEqual(300);
    const body = await expectEnvelope(locked, 429, 429);
    // The truth about the lock: how long it lasts, and that a reset lifts it.
    expect(body.errors).toEqual({
      email: ["has too many sign-in attempts: try again in 5 minutes, or reset the password to sign in now."],
    });
  });

  it("429 with the same body and Retry-After for an unknown email after 5 failures (no enumeration)", async () => {
    // Attack: telling existing accounts apart by whether they lock.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2031, 0, 1));
    const known = uniqueEmail("known");
    await signUp(known);
    const unknown = uniqueEmail("ghost");
    await failTimes(known, 5);
    await failTimes(unknown, 5);
    const a = await signIn(known, STRONG_PASSWORD);
    const b = await signIn(unknown, STRONG_PASSWORD);
    expect(a.headers.get("retry-after")).toBe("300");
    expect(b.headers.get("retry-after")).toBe("300");
    expect(await a.clone().text()).toBe(await b.clone().text());
    await expectEnvelope(a, 429, 429);
    await expectEnvelope(b, 429, 429);
  });

  it("the lock lifts after 5 minutes; the 6th failure locks 10 minutes; then the right password works (fake time)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.UTC(2032, 5, 1, 12, 0, 0);
    vi.setSystemTime(start);
    const email = uniqueEmail("timed");
    await signUp(email);
    await failTimes(email, 5);
    await lockedEnvelopeCheck(await signIn(email, STRONG_PASSWORD), 300);

    vi.setSystemTime(start + 5 * MINUTE - 1000);
    await lockedEnvelopeCheck(await signIn(email, STRONG_PASSWORD), 1);

    // Lock over: the 6th distinct failure is an ordinary 422, and locks for 10 minutes.
    vi.setSystemTime(start + 5 * MINUTE);
    await failTimes(email, 1, 5);
    await lockedEnvelopeCheck(await signIn(email, STRONG_PASSWORD), 600);

    vi.setSystemTime(start + 15 * MINUTE - 1000);
    await lockedEnvelopeCheck(await signIn(email, STRONG_PASSWORD), 1);

    vi.setSystemTime(start + 15 * MINUTE);
    const ok = await signIn(email, STRONG_PASSWORD);
    expect(ok.status).toBe(200);
    const token = (await json(ok)).user.authtoken;
    // The success cleared the counter (deferred write, so wait for it).
    await vi.waitFor(async () => expect((await json(await whoAmI(token))).user.failed_attempts).toBe(0), {
      timeout: 5000,
      interval: 50,
    });
  });

  it("a successful sign-in clears failures: GET /v3/user shows 3 then 0, and 4 new failures do not lock", async () => {
    const email = uniqueEmail("clear");
    await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    await failTimes(email, 3);
    expect((await json(await whoAmI(token))).user.failed_attempts).toBe(3);
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(200);
    await vi.waitFor(async () => expect((await json(await whoAmI(token))).user.failed_attempts).toBe(0), {
      timeout: 5000,
      interval: 50,
    });
    await failTimes(email, 4);
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(200);
  });

  it("429 envelope with Retry-After when the per-IP limit refuses, before any password check", async () => {
    // Attack: password spraying many accounts from one address.
    const email = uniqueEmail("sprayed");
    await signUp(email);
    const limit = vi.spyOn(env.IP_SIGN_IN_LIMIT, "limit").mockResolvedValue({ success: false });
    const response = await signIn(email, STRONG_PASSWORD, { ip: "198.51.100.7" });
    expect(response.headers.get("retry-after")).toBe("60");
    await expectEnvelope(response, 429, 429);
    expect(limit).toHaveBeenCalledWith({ key: "IP_SIGN_IN_LIMIT:198.51.100.7" });
    limit.mockRestore();
    // The refused attempt did not count as a failure against the account.
    const token = await authtokenFor(email, STRONG_PASSWORD);
    expect((await json(await whoAmI(token))).user.failed_attempts).toBe(0);
  });

  it.each([
    [
      "/v3/user",
      "IP_SIGN_UP_LIMIT",
      { user: { email: "x@example.com", password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD } },
    ],
    ["/v3/user/forgot_password", "IP_FORGOT_LIMIT", { user: { email: "x@example.com" } }],
    [
      "/v3/user/reset_password",
      "IP_RESET_LIMIT",
      { user: { reset_password_token: "t", password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD } },
    ],
  ] as const)("429 envelope on POST %s when the per-IP binding %s refuses", async (path, binding, body) => {
    const limit = vi.spyOn(env[binding], "limit").mockResolvedValue({ success: false });
    const response = await api(path, { body, ip: "198.51.100.8" });
    expect(response.headers.get("retry-after")).toBe("60");
    await expectEnvelope(response, 429, 429);
    expect(limit).toHaveBeenCalledWith({ key: `${binding}:198.51.100.8` });
  });
});

describe("DELETE /v3/user-session (sign out)", () => {
  it("200 logs out that token only; then 401 for it, another session still works, and a second DELETE is 401", async () => {
    const email = uniqueEmail("logout");
    await signUp(email);
    const first = await authtokenFor(email, STRONG_PASSWORD);
    const second = await authtokenFor(email, STRONG_PASSWORD);
    const response = await api("/v3/user-session", { method: "DELETE", authtoken: first });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await json(response)).toEqual({ notice: "You've logged out successfully!" });

    expect(await json(await whoAmI(first))).toEqual(NOT_LOGGED_IN);
    expect((await whoAmI(second)).status).toBe(200);
    // The pages ask the same registry (through the whole account, not GET /v3/user's copy): back to sign-in.
    expect((await page("/account", { cookie: first })).headers.get("location")).toMatch(/^\/login/);
    expect((await page("/account", { cookie: second })).status).toBe(200);

    const again = await api("/v3/user-session", { method: "DELETE", authtoken: first });
    expect(again.status).toBe(401);
    expect(await json(again)).toEqual(NOT_LOGGED_IN);
  });

  // The API and the account page share one sign-out flow, so an API sign-out shows up in the audit trail too.
  it("an API sign-out is recorded as a sign_out security event, a refused one is not", async () => {
    const email = uniqueEmail("logout-audit");
    const { uid } = await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    expect((await api("/v3/user-session", { method: "DELETE", authtoken: token })).status).toBe(200);
    expect((await api("/v3/user-session", { method: "DELETE", authtoken: token })).status).toBe(401);
    const events = await vi.waitFor(async () => {
      const types = await auditTrail(uid, "sign_out");
      if (types.length === 0) throw new Error("no sign_out event yet");
      return types;
    });
    expect(events).toEqual(["sign_out"]);
  });

  it.each([
    ["missing", undefined],
    ["malformed", "bltfake0000000000000"],
    ["well-formed but unknown", `blt${"f".repeat(24)}.${"B".repeat(32)}`],
  ])("401 error_code 105 for a %s authtoken", async (_label, token) => {
    const response = await api(
      "/v3/user-session",
      token === undefined ? { method: "DELETE" } : { method: "DELETE", authtoken: token },
    );
    expect(response.status).toBe(401);
    expect(await json(response)).toEqual(NOT_LOGGED_IN);
  });
});

describe("20 sessions per user", () => {
  it("the 21st sign-in evicts the oldest token: 1st refused, 2nd and 21st work", async () => {
    const email = uniqueEmail("cap");
    await signUp(email);
    const tokens: string[] = [];
    for (let i = 0; i < 21; i++) tokens.push(await authtokenFor(email, STRONG_PASSWORD));
    expect(new Set(tokens).size).toBe(21);
    expect(await json(await whoAmI(tokens[0]!))).toEqual(NOT_LOGGED_IN);
    expect((await whoAmI(tokens[1]!)).status).toBe(200);
    expect((await whoAmI(tokens[20]!)).status).toBe(200);
  });
});

/** The four POST endpoints, each with a valid body and its required fields. */
