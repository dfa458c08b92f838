/**
 * Every API endpoint and every error it can give, through the Worker's real fetch, checked against the
 * Contentstack wire format (docs/api.md) and the invariants of docs/design.md.
 *
 * Storage persists across the tests of this file, so every test uses its own email addresses.
 */
import { env, exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, authtokenFor, BASE, json, STRONG_PASSWORD, signIn, signUp, uniqueEmail, whoAmI } from "../helpers";

const INVALID_CREDENTIALS = {
  error_message: "Looks like your email or password is invalid. Please try again or reset your password.",
  error_code: 104,
  errors: {},
};
const NOT_LOGGED_IN = {
  error_message: "You're not allowed in here unless you're logged in.",
  error_code: 105,
  errors: {},
};
const TOKEN_SHAPE = /^blt[0-9a-f]{24}\.[A-Za-z0-9_-]{32}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MINUTE = 60_000;

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/**
 * Asserts an error response: status, `Cache-Control: no-store`, JSON, and a body with exactly the keys
 * error_message (non-empty string), error_code (number), errors (object of string arrays).
 */
async function expectEnvelope(
  response: Response,
  status: number,
  code: number,
): Promise<{ error_message: string; error_code: number; errors: Record<string, string[]> }> {
  expect(response.status).toBe(status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = await json(response);
  expect(Object.keys(body).sort()).toEqual(["error_code", "error_message", "errors"]);
  expect(typeof body.error_message).toBe("string");
  expect(body.error_message.length).toBeGreaterThan(0);
  expect(body.error_code).toBe(code);
  expect(body.errors !== null && typeof body.errors === "object" && !Array.isArray(body.errors)).toBe(true);
  for (const messages of Object.values(body.errors)) {
    expect(Array.isArray(messages)).toBe(true);
    for (const message of messages as unknown[]) expect(typeof message).toBe("string");
  }
  return body;
}

/** A POST with raw bytes and exactly the given headers (no helper defaults such as a JSON Content-Type). */
function rawPost(path: string, body: BodyInit | null, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(
    new Request(`${BASE}${path}`, {
      method: "POST",
      body,
      headers: { "cf-connecting-ip": `10.9.${Math.floor(Math.random() * 255)}.1`, ...headers },
    }),
  );
}

function signUpBody(
  email: string,
  password = STRONG_PASSWORD,
  confirmation = password,
  extra: Record<string, unknown> = {},
) {
  return { user: { email, password, password_confirmation: confirmation, ...extra } };
}

function postSignUp(
  email: string,
  password = STRONG_PASSWORD,
  confirmation = password,
  extra: Record<string, unknown> = {},
): Promise<Response> {
  return api("/v3/user", { body: signUpBody(email, password, confirmation, extra) });
}

function lockedEnvelopeCheck(response: Response, retryAfter: number): Promise<unknown> {
  expect(response.headers.get("retry-after")).toBe(String(retryAfter));
  return expectEnvelope(response, 429, 429);
}

describe("POST /v3/user (sign up)", () => {
  it("201 {notice, user} with Contentstack field names, the email lower-cased, and no authtoken", async () => {
    const email = uniqueEmail("Mixed.Case").replace("@example.com", "@Example.COM");
    const response = await api("/v3/user", {
      body: signUpBody(email, STRONG_PASSWORD, STRONG_PASSWORD, { first_name: "Ada", last_name: "Lovelace" }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const body = JSON.parse(text);
    expect(Object.keys(body).sort()).toEqual(["notice", "user"]);
    expect(body.notice).toBe("Your account has been created.");
    const { user } = body;
    expect(user.uid).toMatch(/^blt[0-9a-f]{24}$/);
    expect(user.email).toBe(email.toLowerCase());
    expect(user.first_name).toBe("Ada");
    expect(user.last_name).toBe("Lovelace");
    expect(user.created_at).toMatch(ISO_DATE);
    expect(user.updated_at).toMatch(ISO_DATE);
    expect(user.active).toBe(true);
    expect(user.failed_attempts).toBe(0);
    expect(user.org_uid).toEqual([]);
    expect(user.roles).toEqual([]);
    // Sign-up creates no session, so it hands out no token.
    expect(user).not.toHaveProperty("authtoken");
    // Leak check: neither the password nor its stored hash is ever echoed.
    expect(text).not.toContain(STRONG_PASSWORD);
    expect(text.toLowerCase()).not.toMatch(/pbkdf2|password_hash|"salt"/);
  });

  it("201 with null names when first_name/last_name are omitted", async () => {
    const response = await postSignUp(uniqueEmail("noname"));
    expect(response.status).toBe(201);
    const { user } = await json(response);
    expect(user.first_name).toBeNull();
    expect(user.last_name).toBeNull();
  });

  it("422 error_code 119 errors.email for a taken email, also when spelled in another case", async () => {
    // Attack: registering "Victim@Example.com" next to "victim@example.com" to shadow an account.
    const email = uniqueEmail("dup");
    await signUp(email);
    for (const variant of [email, email.toUpperCase(), email.replace(/^./, (c) => c.toUpperCase())]) {
      const body = await expectEnvelope(await postSignUp(variant), 422, 119);
      expect(body.errors).toEqual({ email: ["is already taken."] });
    }
  });

  it("422 error_code 141 errors.password_confirmation when the confirmation differs, and nothing is created", async () => {
    const email = uniqueEmail("mismatch");
    const body = await expectEnvelope(await postSignUp(email, STRONG_PASSWORD, `${STRONG_PASSWORD}x`), 422, 141);
    expect(body.errors).toEqual({ password_confirmation: ["doesn't match password."] });
    // The refusal wrote nothing: the same email can still sign up.
    expect((await postSignUp(email)).status).toBe(201);
  });

  it("422 error_code 142 for a password shorter than 15 characters; 15 is accepted", async () => {
    const short = "abcdefghij-klm"; // 14
    const response = await postSignUp(uniqueEmail("short"), short);
    const text = await response.clone().text();
    const body = await expectEnvelope(response, 422, 142);
    expect(body.errors).toEqual({ password: ["must be at least 15 characters long."] });
    expect(text).not.toContain(short);
    expect((await postSignUp(uniqueEmail("fifteen"), "abcdefghij-klmn")).status).toBe(201);
  });

  it("422 error_code 142 too_short when 8 emoji are 16 UTF-16 units but only 8 characters", async () => {
    // Attack: padding the length with surrogate pairs; NIST counts code points.
    const body = await expectEnvelope(await postSignUp(uniqueEmail("emoji"), "🔑".repeat(8)), 422, 142);
    expect(body.errors.password).toEqual(["must be at least 15 characters long."]);
  });

  it("422 error_code 142 for a common password, whatever its case", async () => {
    // "mailcreated5240" is one of the few ≥15-character entries of the shipped 10k blocklist.
    // "password1234567890" is a listed password stretched with a digit run.
    for (const password of ["mailcreated5240", "MAILCREATED5240", "MailCreated5240", "password1234567890"]) {
      const body = await expectEnvelope(await postSignUp(uniqueEmail("common"), password), 422, 142);
      expect(body.errors).toEqual({
        password: [
          "is too common or predictable (a well-known password, a repeat or a sequence). Please choose a less predictable one.",
        ],
      });
    }
  });

  it("422 error_code 142 when the password is the email address (any case)", async () => {
    const email = uniqueEmail("selfpass");
    for (const password of [email, email.toUpperCase()]) {
      const body = await expectEnvelope(await postSignUp(email, password), 422, 142);
      expect(body.errors).toEqual({ password: ["must not be your email address."] });
    }
  });

  it("422 error_code 142 for a password over 256 characters; 256 is accepted", async () => {
    const body = await expectEnvelope(await postSignUp(uniqueEmail("long"), "a1-".repeat(86).slice(0, 257)), 422, 142);
    expect(body.errors).toEqual({ password: ["must be at most 256 characters long."] });
    expect((await postSignUp(uniqueEmail("max"), "b2_".repeat(86).slice(0, 256))).status).toBe(201);
  });

  it("422 error_code 141 errors.password for a password over the 1024-character schema bound (never hashed)", async () => {
    // Attack: a huge password to make the server burn CPU hashing it.
    const body = await expectEnvelope(await postSignUp(uniqueEmail("huge"), "x".repeat(1025)), 422, 141);
    expect(Object.keys(body.errors)).toContain("password");
  });

  it("422 error_code 141 errors.email for an address that is not an email", async () => {
    for (const email of ["not-an-email", "a@b", "", " spaced@example.com", `${"x".repeat(250)}@example.com`]) {
      const body = await expectEnvelope(await postSignUp(email), 422, 141);
      expect(Object.keys(body.errors)).toEqual(["email"]);
    }
  });

  it("422 error_code 141 when a client tries to set server-owned fields (mass assignment)", async () => {
    // Attack: mass assignment of uid / active / failed_attempts / authtoken in the sign-up body.
    const email = uniqueEmail("mass");
    for (const extra of [
      { uid: "blt000000000000000000000000" },
      { active: false },
      { failed_attempts: -1 },
      { authtoken: "x" },
    ]) {
      const body = await expectEnvelope(await postSignUp(email, STRONG_PASSWORD, STRONG_PASSWORD, extra), 422, 141);
      expect(body.errors).toEqual({ user: [`has unknown fields: ${Object.keys(extra)[0]}.`] });
    }
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(422);
  });
});

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
  async function failTimes(email: string, times: number): Promise<void> {
    for (let i = 0; i < times; i++) {
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
    expect(body.errors).toEqual({});
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
    expect(Date.now()).toBe(start);
    const email = uniqueEmail("timed");
    await signUp(email);
    await failTimes(email, 5);
    await lockedEnvelopeCheck(await signIn(email, STRONG_PASSWORD), 300);

    vi.setSystemTime(start + 5 * MINUTE - 1000);
    await lockedEnvelopeCheck(await signIn(email, STRONG_PASSWORD), 1);

    // Lock over: the 6th failure is an ordinary 422, and locks for 10 minutes.
    vi.setSystemTime(start + 5 * MINUTE);
    await failTimes(email, 1);
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

describe("GET /v3/user", () => {
  it("200 {user:{…,authtoken}} without notice", async () => {
    const email = uniqueEmail("whoami");
    const created = await signUp(email);
    const token = await authtokenFor(email, STRONG_PASSWORD);
    const response = await whoAmI(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await json(response);
    expect(Object.keys(body)).toEqual(["user"]);
    expect(body.user).toMatchObject({
      uid: created.uid,
      email,
      first_name: "Ada",
      last_name: "Lovelace",
      active: true,
      failed_attempts: 0,
      authtoken: token,
    });
    expect(body.user.created_at).toBe(created.created_at);
    expect(body.user.last_login_at === null || ISO_DATE.test(body.user.last_login_at)).toBe(true);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["malformed", "bltfake0000000000000"],
    ["well-formed but unknown", `blt${"0".repeat(24)}.${"A".repeat(32)}`],
    ["SQL-ish", "' OR 1=1 --"],
  ])("401 error_code 105 for a %s authtoken", async (_label, token) => {
    const response = await api("/v3/user", token === undefined ? {} : { authtoken: token });
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await json(response)).toEqual(NOT_LOGGED_IN);
  });

  it("401 error_code 105 for a real user's id with a forged secret", async () => {
    // Attack: the uid is public (it is in every user JSON); the secret part must be what authenticates.
    const email = uniqueEmail("forged");
    const { uid } = await signUp(email);
    const real = await authtokenFor(email, STRONG_PASSWORD);
    const forged = `${uid}.${"A".repeat(32)}`;
    expect(await json(await whoAmI(forged))).toEqual(NOT_LOGGED_IN);
    // Another user's secret with this uid does not work either.
    const otherEmail = uniqueEmail("other");
    await signUp(otherEmail);
    const otherSecret = (await authtokenFor(otherEmail, STRONG_PASSWORD)).split(".")[1];
    expect(await json(await whoAmI(`${uid}.${otherSecret}`))).toEqual(NOT_LOGGED_IN);
    expect((await whoAmI(real)).status).toBe(200);
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

    const again = await api("/v3/user-session", { method: "DELETE", authtoken: first });
    expect(again.status).toBe(401);
    expect(await json(again)).toEqual(NOT_LOGGED_IN);
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
const POST_ENDPOINTS = [
  {
    path: "/v3/user",
    fields: ["email", "password", "password_confirmation"],
    valid: () => ({
      user: { email: uniqueEmail("bad-input"), password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD },
    }),
  },
  {
    path: "/v3/user-session",
    fields: ["email", "password"],
    valid: () => ({ user: { email: uniqueEmail("bad-input"), password: STRONG_PASSWORD } }),
  },
  { path: "/v3/user/forgot_password", fields: ["email"], valid: () => ({ user: { email: uniqueEmail("bad-input") } }) },
  {
    path: "/v3/user/reset_password",
    fields: ["reset_password_token", "password", "password_confirmation"],
    valid: () => ({
      user: { reset_password_token: "A".repeat(43), password: STRONG_PASSWORD, password_confirmation: STRONG_PASSWORD },
    }),
  },
] as const;

describe.each(POST_ENDPOINTS)("bad input on POST $path", ({ path, fields, valid }) => {
  it("400 error_code 100 for malformed JSON", async () => {
    for (const body of ['{"user":', "{user: {}}", "'single'", "", "\u0000", '{"user":{}}}']) {
      await expectEnvelope(await api(path, { body }), 400, 100);
    }
  });

  it("400 error_code 100 errors['content-type'] for a missing or non-JSON Content-Type", async () => {
    // Attack: CSRF through a plain HTML form, which can only send form or text/plain bodies.
    const payload = JSON.stringify(valid());
    const cases: Array<[BodyInit, Record<string, string>]> = [
      [new TextEncoder().encode(payload), {}],
      [payload, { "content-type": "text/plain" }],
      [payload, { "content-type": "application/x-www-form-urlencoded" }],
      ["user[email]=a%40b.co", { "content-type": "application/x-www-form-urlencoded" }],
      [payload, { "content-type": "multipart/form-data; boundary=x" }],
      [payload, { "content-type": "application/jsonp" }],
    ];
    for (const [body, headers] of cases) {
      const envelope = await expectEnvelope(await rawPost(path, body, headers), 400, 100);
      expect(envelope.errors).toEqual({ "content-type": ["must be application/json."] });
    }
  });

  it("413 error_code 101 for a body over 16 KiB, with or without Content-Length", async () => {
    // Attack: memory/CPU exhaustion with huge bodies; a chunked body has no Content-Length to check.
    const big = JSON.stringify({ ...valid(), pad: "x".repeat(17 * 1024) });
    await expectEnvelope(await api(path, { body: big }), 413, 101);
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.slice(i, i + 1024));
        controller.close();
      },
    });
    await expectEnvelope(await rawPost(path, stream, { "content-type": "application/json" }), 413, 101);
  });

  it("not 400/413 for a valid body padded to exactly 16 KiB", async () => {
    const payload = JSON.stringify(valid());
    const padded = payload + " ".repeat(16 * 1024 - new TextEncoder().encode(payload).length);
    expect(new TextEncoder().encode(padded).length).toBe(16 * 1024);
    const response = await api(path, { body: padded });
    expect([200, 201, 422]).toContain(response.status);
    if (response.status === 422) expect((await json(response)).error_code).not.toBe(141);
  });

  it("422 error_code 141 errors.user without the `user` wrapper", async () => {
    const { user } = valid();
    const body = await expectEnvelope(await api(path, { body: user }), 422, 141);
    expect(body.errors.user).toBeDefined();
    expect(body.errors.body).toEqual([`has unknown fields: ${Object.keys(user).join(", ")}.`]);
  });

  it("422 error_code 141 errors.<field> for each missing required field", async () => {
    for (const field of fields) {
      const body = valid() as { user: Record<string, unknown> };
      delete body.user[field];
      const envelope = await expectEnvelope(await api(path, { body }), 422, 141);
      expect(Object.keys(envelope.errors)).toEqual([field]);
    }
  });

  it("422 error_code 141 for an unknown field at the top level or inside user", async () => {
    // Attack: smuggling extra fields (mass assignment, parser confusion, prototype keys).
    const top = await expectEnvelope(await api(path, { body: { ...valid(), admin: true } }), 422, 141);
    expect(top.errors).toEqual({ body: ["has unknown fields: admin."] });
    const inner = valid() as { user: Record<string, unknown> };
    inner.user.is_admin = true;
    const nested = await expectEnvelope(await api(path, { body: inner }), 422, 141);
    expect(nested.errors).toEqual({ user: ["has unknown fields: is_admin."] });
    const proto = JSON.stringify(valid()).replace('{"user":{', '{"user":{"__proto__":{"admin":true},');
    const protoBody = await expectEnvelope(await api(path, { body: proto }), 422, 141);
    expect(protoBody.errors).toEqual({ user: ["has unknown fields: __proto__."] });
  });

  it("422 error_code 141 errors.<field> for a number, array, object, boolean or null in a field", async () => {
    for (const field of fields) {
      for (const wrong of [42, ["a@example.com"], { $ne: "" }, true, null]) {
        const body = valid() as { user: Record<string, unknown> };
        body.user[field] = wrong;
        const envelope = await expectEnvelope(await api(path, { body }), 422, 141);
        expect(Object.keys(envelope.errors)).toEqual([field]);
      }
    }
  });

  it("422 error_code 141 errors.body / errors.user for a body or wrapper of the wrong type", async () => {
    for (const body of ["null", "[]", "42", '"text"', "true", "[{}]"]) {
      const envelope = await expectEnvelope(await api(path, { body }), 422, 141);
      expect(Object.keys(envelope.errors)).toEqual(["body"]);
    }
    for (const user of [null, [], "text", 1, [valid().user]]) {
      const envelope = await expectEnvelope(await api(path, { body: { user } }), 422, 141);
      expect(Object.keys(envelope.errors)).toEqual(["user"]);
    }
  });
});

describe("unknown paths and wrong methods", () => {
  it.each([
    ["GET", "/v3/nope"],
    ["POST", "/v3/nope"],
    ["GET", "/v3"],
    ["GET", "/v3/"],
    ["DELETE", "/v3/users"],
    ["GET", "/v3/user/activate/abc"],
    ["GET", "/v3/user/"],
  ])("404 error_code 112 envelope for %s %s", async (method, path) => {
    const response = await api(path, { method });
    await expectEnvelope(response, 404, 112);
    expect(response.headers.get("allow")).toBeNull();
  });

  it("404 envelope (not an HTML page) under /v3 even for a browser's Accept header", async () => {
    const response = await api("/v3/nope", { headers: { accept: "text/html,application/xhtml+xml" } });
    await expectEnvelope(response, 404, 112);
  });

  it.each([
    ["PUT", "/v3/user-session", "POST, DELETE", undefined],
    ["PUT", "/v3/user-session", "POST, DELETE", { user: {} }],
    ["GET", "/v3/user-session", "POST, DELETE", undefined],
    ["PATCH", "/v3/user-session/", "POST, DELETE", undefined],
    ["GET", "/v3/user/forgot_password", "POST", undefined],
    ["DELETE", "/v3/user/forgot_password", "POST", undefined],
    ["PUT", "/v3/user/reset_password", "POST", { user: {} }],
    ["GET", "/v3/user/reset_password", "POST", undefined],
    ["DELETE", "/v3/user", "GET, POST", undefined],
    ["PATCH", "/v3/user", "GET, POST", undefined],
    ["OPTIONS", "/v3/user", "GET, POST", undefined],
  ])("405 error_code 113 envelope with Allow for %s %s", async (method, path, allow, body) => {
    const response = await api(path, { method, body });
    expect(response.headers.get("allow")).toBe(allow);
    await expectEnvelope(response, 405, 113);
  });
});
