/**
 * Property-based fuzzing of the four POST endpoints (invariant 9: bad input never yields a 500, every API
 * error uses the Contentstack envelope). Three families of input per endpoint: arbitrary JSON values,
 * arbitrary strings as the raw body, and structurally near-valid bodies (right wrapper, random field
 * values and types, random extra keys). Runs are bounded: sign-in/sign-up bodies that pass the schema
 * cost one PBKDF2 hash each.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { api, resetTokenFor, STRONG_PASSWORD, signUp, uniqueEmail } from "../helpers";

const ALLOWED_STATUSES = [200, 201, 400, 413, 422, 429];
const TIMEOUT_MS = 60_000;

interface Endpoint {
  path: string;
  /** Fields the schema knows inside `user`; error keys must be among these, "user" or "body". */
  fields: string[];
  success: number;
}

const ENDPOINTS: Endpoint[] = [
  { path: "/v3/user", fields: ["email", "password", "password_confirmation", "first_name", "last_name"], success: 201 },
  { path: "/v3/user-session", fields: ["email", "password", "tfa_token"], success: 200 },
  { path: "/v3/user/forgot_password", fields: ["email"], success: 200 },
  {
    path: "/v3/user/reset_password",
    fields: ["reset_password_token", "password", "password_confirmation"],
    success: 200,
  },
];

/** One account that near-valid sign-in bodies can hit with the right password, and a live reset token for it. */
let knownEmail = "";
let liveResetToken = "";

beforeAll(async () => {
  knownEmail = uniqueEmail("fuzz-known");
  await signUp(knownEmail);
  liveResetToken = await resetTokenFor(knownEmail);
});

/**
 * The property every response must satisfy: an allowed status (never 5xx), `Cache-Control: no-store`,
 * and for errors the envelope with exactly {error_message, error_code, errors}, field-keyed string arrays
 * whose keys are schema fields (never attacker-chosen keys), plus Retry-After on 429.
 */
async function expectWellFormed(endpoint: Endpoint, response: Response, sent: string): Promise<void> {
  const context = `${endpoint.path} ← ${sent.slice(0, 300)}`;
  expect(ALLOWED_STATUSES, context).toContain(response.status);
  expect(response.headers.get("cache-control"), context).toBe("no-store");
  const body = await response.json<Record<string, any>>();
  if (response.status < 300) {
    expect(response.status, context).toBe(endpoint.success);
    expect(typeof body.notice, context).toBe("string");
    if (endpoint.path === "/v3/user-session") expect(typeof body.user?.authtoken, context).toBe("string");
    if (endpoint.path === "/v3/user") expect(body.user?.uid, context).toMatch(/^blt(?:[0-9a-f]{4})?[0-9a-f]{24}$/);
    return;
  }
  expect(Object.keys(body).sort(), context).toEqual(["error_code", "error_message", "errors"]);
  expect(typeof body.error_message, context).toBe("string");
  expect(typeof body.error_code, context).toBe("number");
  expect(body.errors !== null && typeof body.errors === "object" && !Array.isArray(body.errors), context).toBe(true);
  for (const [key, messages] of Object.entries(body.errors)) {
    expect([...endpoint.fields, "user", "body", "content-type"], context).toContain(key);
    expect(Array.isArray(messages), context).toBe(true);
    for (const message of messages as unknown[]) expect(typeof message, context).toBe("string");
  }
  if (response.status === 429) expect(response.headers.get("retry-after"), context).toMatch(/^\d+$/);
}

async function postRaw(endpoint: Endpoint, raw: string): Promise<void> {
  const response = await api(endpoint.path, { body: raw });
  await expectWellFormed(endpoint, response, raw);
}

/** Any JSON-representable value, including nasty strings (lone surrogates, NUL, huge code points). */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: "binary", maxLength: 64 }),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, "", " ", "\u0000", "\uD800", "__proto__", "constructor"),
);

/** Keys an attacker might add: random ones and the usual prototype/mass-assignment suspects. */
const extraKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "uid",
    "active",
    "authtoken",
    "failed_attempts",
    "admin",
  ),
);
const extras = fc.dictionary(extraKey, anyValue, { minKeys: 1, maxKeys: 2 });
/** True about one time in five: most near-valid bodies carry no extra keys, so they reach the handlers. */
const sometimes = fc.nat(4).map((n) => n === 0);

const emailValue = fc.oneof(
  { weight: 2, arbitrary: fc.emailAddress() },
  {
    weight: 5,
    arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9_+-]{0,15}$/).map((local) => `${local}@fuzz.example.com`),
  },
  { weight: 1, arbitrary: fc.constant("known") }, // replaced by the known account's address
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 1, arbitrary: anyValue },
);
const passwordValue = fc.oneof(
  { weight: 3, arbitrary: fc.constant(STRONG_PASSWORD) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 15, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constant("x".repeat(1025)) },
  { weight: 1, arbitrary: anyValue },
);
const tokenValue = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
  { weight: 1, arbitrary: fc.constant("live") }, // replaced by the live reset token
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 600 }) },
  { weight: 1, arbitrary: anyValue },
);
const nameValue = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 100 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 101, maxLength: 120 }) },
  { weight: 1, arbitrary: anyValue },
);

/** A field value, or absent (undefined is dropped by JSON.stringify). */
function maybe<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined, freq: 10 });
}

/** Near-valid `user` objects per endpoint; `confirmSame` copies the password so the mismatch check is passed often. */
const nearValidUser: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  "/v3/user": fc
    .record({
      email: maybe(emailValue),
      password: maybe(passwordValue),
      first_name: maybe(nameValue),
      last_name: maybe(nameValue),
      confirmSame: fc.boolean(),
      confirmation: maybe(passwordValue),
    })
    .map(({ confirmSame, confirmation, ...user }) => ({
      ...user,
      password_confirmation: confirmSame ? user.password : confirmation,
    })),
  "/v3/user-session": fc.record({
    email: maybe(emailValue),
    password: maybe(passwordValue),
    tfa_token: fc.option(
      fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 64 }) }, { weight: 1, arbitrary: anyValue }),
      { nil: undefined, freq: 2 },
    ),
  }),
  "/v3/user/forgot_password": fc.record({ email: maybe(emailValue) }),
  "/v3/user/reset_password": fc
    .record({
      reset_password_token: maybe(tokenValue),
      password: maybe(passwordValue),
      confirmSame: fc.boolean(),
      confirmation: maybe(passwordValue),
    })
    .map(({ confirmSame, confirmation, ...user }) => ({
      ...user,
      password_confirmation: confirmSame ? user.password : confirmation,
    })),
};

/** The full near-valid body: the right wrapper with random extras inside and (sometimes) at the top level. */
function nearValidBody(path: string): fc.Arbitrary<string> {
  return fc
    .tuple(nearValidUser[path]!, extras, extras, sometimes, sometimes)
    .map(([user, inner, outer, addInner, addOuter]) => {
      const filled: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(user)) {
        if (value === "known") filled[key] = knownEmail;
        else if (value === "live") filled[key] = liveResetToken;
        else filled[key] = value;
      }
      // JSON text built by hand so "__proto__" keys arrive as real own keys, as an attacker would send them.
      const entries = (object: Record<string, unknown>) =>
        Object.entries(object)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
      const userText = `{${[...entries(filled), ...(addInner ? entries(inner) : [])].join(",")}}`;
      return `{${[`"user":${userText}`, ...(addOuter ? entries(outer) : [])].join(",")}}`;
    });
}

describe.each(ENDPOINTS)("fuzz POST $path", (endpoint) => {
  it(
    "arbitrary JSON values: never a 5xx, errors in the envelope",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) =>
          postRaw(endpoint, JSON.stringify(value) ?? "null"),
        ),
        { numRuns: 150 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    "arbitrary strings as the raw body: never a 5xx, errors in the envelope",
    async () => {
      const raw = fc.oneof(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.string({ maxLength: 200 }).map((s) => `{"user":${s}}`),
        fc.string({ maxLength: 200 }).map((s) => `{"user":{"email":${s}`),
        fc.constantFrom(
          "",
          " ",
          "{",
          "[",
          "\uFEFF{}",
          '{"user":{}}',
          "1e999999",
          '"\\ud800"',
          "[".repeat(3000) + "]".repeat(3000),
        ),
      );
      await fc.assert(
        fc.asyncProperty(raw, async (body) => postRaw(endpoint, body)),
        { numRuns: 120 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    "near-valid bodies (right wrapper, random values, types and extra keys): never a 5xx, errors in the envelope",
    async () => {
      await fc.assert(
        fc.asyncProperty(nearValidBody(endpoint.path), async (body) => postRaw(endpoint, body)),
        { numRuns: 200 },
      );
    },
    TIMEOUT_MS,
  );
});
