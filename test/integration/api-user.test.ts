import { describe, expect, it } from "vitest";
import {
  api,
  authtokenFor,
  expectEnvelope,
  ISO_DATE,
  json,
  NOT_LOGGED_IN,
  postSignUp,
  STRONG_PASSWORD,
  signIn,
  signUp,
  signUpBody,
  uniqueEmail,
  whoAmI,
} from "../helpers";

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
    expect(user.uid).toMatch(/^blt(?:[0-9a-f]{4})?[0-9a-f]{24}$/);
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
