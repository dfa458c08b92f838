/** Configuration: every refusal names the bad value, and a good configuration reads as expected. */
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/core/config";
import { DAY } from "../helpers";

/** The development defaults of wrangler.toml, as plain strings. */
const DEV_VARS = {
  APP_URL: "http://localhost:8787",
  ENVIRONMENT: "development",
  EMAIL_PROVIDER: "mailbox",
  MAIL_FROM: "Account Security <no-reply@localhost>",
  PASSWORD_MIN_LENGTH: "15",
  SESSION_IDLE_DAYS: "30",
  MAX_SESSIONS_PER_USER: "20",
  HIBP_ENABLED: "false",
  HIBP_FAIL_OPEN: "true",
  BENCH_ROUTES: "false",
};

const PEPPER = "a-production-pepper-of-44-characters-0123456";
/** 32 bytes in base64, as `openssl rand -base64 32` prints. */
const SEALING_KEY = btoa("a-32-byte-totp-sealing-key-01234");

/** Stands in for a D1 binding: the configuration only checks that each shard's binding exists. */
const BOUND = { DB: {} };

function parse(vars: Record<string, string | undefined>, bindings: Record<string, object> = BOUND) {
  return parseConfig({ ...DEV_VARS, ...bindings, ...vars } as unknown as Env);
}

describe("readConfig / parseConfig", () => {
  it("reads the development defaults", () => {
    expect(parse({})).toEqual({
      appUrl: "http://localhost:8787",
      production: false,
      emailProvider: "mailbox",
      mailFrom: "Account Security <no-reply@localhost>",
      passwordMinLength: 15,
      sessionIdleMs: 30 * DAY,
      resetLinkMs: 60 * 60_000,
      maxSessionsPerUser: 20,
      hibpEnabled: false,
      hibpFailOpen: true,
      benchRoutes: false,
      pseudoLanguage: true,
      pepper: null,
      resendWebhookSecret: null,
      emailQueues: 1,
      shardLayout: [1],
      sealingKey: null,
      previousSealingKey: null,
      auditRetentionMs: 400 * DAY,
      bounceSuppressionMs: 14 * DAY,
      resendApiKey: null,
      replyTo: null,
      resendApiUrl: "https://api.resend.com",
      resendRatePerSecond: 5,
      hibpApiUrl: "https://api.pwnedpasswords.com",
      turnstile: null,
    });
  });

  it("keeps only the origin of APP_URL, trims secrets, and never turns bench routes on in production", () => {
    const config = parse({
      APP_URL: "https://accounts.example.com/some/path?x=1",
      ENVIRONMENT: "production",
      EMAIL_PROVIDER: "resend",
      RESEND_API_KEY: "  re_key  ",
      PASSWORD_PEPPER: ` ${PEPPER} `,
      TOTP_ENCRYPTION_KEY: SEALING_KEY,
      BENCH_ROUTES: "true",
    });
    expect(config).toMatchObject({
      appUrl: "https://accounts.example.com",
      production: true,
      resendApiKey: "re_key",
      pepper: PEPPER,
      benchRoutes: false,
      pseudoLanguage: false,
    });
  });

  it("takes the services' URLs as origins; production allows http only for a loopback stand-in", () => {
    const production = {
      ENVIRONMENT: "production",
      EMAIL_PROVIDER: "resend",
      RESEND_API_KEY: "k",
      PASSWORD_PEPPER: PEPPER,
      TOTP_ENCRYPTION_KEY: SEALING_KEY,
    };
    expect(
      parse({ ...production, RESEND_API_URL: "http://127.0.0.1:9999/x", HIBP_API_URL: "http://localhost:1" }),
    ).toMatchObject({
      resendApiUrl: "http://127.0.0.1:9999",
      hibpApiUrl: "http://localhost:1",
    });
    expect(parse({ HIBP_API_URL: "http://hibp.internal.example" }).hibpApiUrl).toBe("http://hibp.internal.example");
    expect(parse({ REPLY_TO: "Support <help@example.com>", MAIL_FROM: "no-reply@example.com" })).toMatchObject({
      replyTo: "Support <help@example.com>",
      mailFrom: "no-reply@example.com",
    });
  });

  it("Turnstile: on with both keys (siteverify's documented URL unless TURNSTILE_VERIFY_URL), off with neither", () => {
    expect(parse({ TURNSTILE_SITE_KEY: " 0x4site ", TURNSTILE_SECRET_KEY: "0x4secret" }).turnstile).toEqual({
      siteKey: "0x4site",
      secretKey: "0x4secret",
      verifyUrl: "https://challenges.cloudflare.com/turnstile/v0/siteverify",
    });
    const local = { TURNSTILE_SITE_KEY: "s", TURNSTILE_SECRET_KEY: "k", TURNSTILE_VERIFY_URL: "http://127.0.0.1:8/v" };
    expect(parse(local).turnstile?.verifyUrl).toBe("http://127.0.0.1:8/v");
    expect(parse({ TURNSTILE_SITE_KEY: "", TURNSTILE_SECRET_KEY: " " }).turnstile).toBeNull();
  });

  it("reads a shard layout whose every shard is bound", () => {
    const four = { ...BOUND, DB_2: {}, DB_3: {}, DB_4: {} };
    expect(parse({ D1_SHARD_LAYOUT: " 1, 4 " }, four).shardLayout).toEqual([1, 4]);
    expect(parse({ D1_SHARD_LAYOUT: "2,3,4" }, four).shardLayout).toEqual([2, 3, 4]);
    expect(() => parse({ D1_SHARD_LAYOUT: "1,4" }, { ...BOUND, DB_2: {}, DB_4: {} })).toThrow(
      "D1_SHARD_LAYOUT=1,4 needs a binding DB_3",
    );
    expect(() => parse({}, {})).toThrow("D1_SHARD_LAYOUT=undefined needs a binding DB");
  });

  // Each refusal: a misconfigured deployment must fail loudly, not run weakened.
  it.each([
    [{ EMAIL_PROVIDER: "smtp" }, 'EMAIL_PROVIDER must be "resend" or "mailbox", got "smtp"'],
    [{ EMAIL_PROVIDER: undefined }, 'EMAIL_PROVIDER must be "resend" or "mailbox", got undefined'],
    [{ ENVIRONMENT: "production" }, "the mailbox email provider is for local development only"],
    [{ EMAIL_PROVIDER: "resend", RESEND_API_KEY: "  " }, "EMAIL_PROVIDER=resend needs the RESEND_API_KEY secret"],
    [{ APP_URL: undefined }, "APP_URL is required"],
    [{ APP_URL: "accounts.example.com" }, 'APP_URL is not a URL: "accounts.example.com"'],
    [{ APP_URL: "ftp://accounts.example.com" }, "APP_URL must be http(s)"],
    [{ MAIL_FROM: "" }, "MAIL_FROM is required"],
    [{ PASSWORD_MIN_LENGTH: "7" }, 'PASSWORD_MIN_LENGTH must be an integer from 8 to 64, got "7"'],
    [{ PASSWORD_MIN_LENGTH: "65" }, 'PASSWORD_MIN_LENGTH must be an integer from 8 to 64, got "65"'],
    [{ PASSWORD_MIN_LENGTH: "15.5" }, 'PASSWORD_MIN_LENGTH must be an integer from 8 to 64, got "15.5"'],
    [{ SESSION_IDLE_DAYS: "0" }, 'SESSION_IDLE_DAYS must be an integer from 1 to 365, got "0"'],
    [{ RESET_LINK_MINUTES: "4" }, 'RESET_LINK_MINUTES must be an integer from 5 to 1440, got "4"'],
    [{ RESET_LINK_MINUTES: "1441" }, 'RESET_LINK_MINUTES must be an integer from 5 to 1440, got "1441"'],
    [{ MAX_SESSIONS_PER_USER: "many" }, 'MAX_SESSIONS_PER_USER must be an integer from 1 to 100000, got "many"'],
    [{ HIBP_ENABLED: "yes" }, 'HIBP_ENABLED must be "true" or "false", got "yes"'],
    [{ BENCH_ROUTES: "1" }, 'BENCH_ROUTES must be "true" or "false", got "1"'],
    [{ D1_SHARD_LAYOUT: "4" }, "D1_SHARD_LAYOUT=4 needs a binding DB_2"],
    [{ TOTP_ENCRYPTION_KEY_PREVIOUS: "short" }, "TOTP_ENCRYPTION_KEY_PREVIOUS must be 32 bytes in base64, or unset"],
    [{ D1_SHARD_LAYOUT: "4,2" }, 'D1_SHARD_LAYOUT "4,2": each generation must add shards'],
    [{ D1_SHARD_LAYOUT: "1,1" }, 'D1_SHARD_LAYOUT "1,1": each generation must add shards'],
    [{ D1_SHARD_LAYOUT: "0" }, 'D1_SHARD_LAYOUT "0": each generation is a shard count from 1 to 1024'],
    [{ D1_SHARD_LAYOUT: "1025" }, 'D1_SHARD_LAYOUT "1025": each generation is a shard count from 1 to 1024'],
    [{ D1_SHARD_LAYOUT: "one" }, 'D1_SHARD_LAYOUT "one": each generation is a shard count from 1 to 1024'],
    [{ D1_SHARD_LAYOUT: "1,,4" }, 'D1_SHARD_LAYOUT "1,,4": each generation is a shard count from 1 to 1024'],
    [
      { MAIL_FROM: "Account Security no-reply@example.com" },
      'MAIL_FROM must look like "Name <address@domain>", got "Account Security no-reply@example.com"',
    ],
    [{ MAIL_FROM: "Account <no-reply>" }, 'MAIL_FROM must look like "Name <address@domain>", got "Account <no-reply>"'],
    [{ REPLY_TO: "help" }, 'REPLY_TO must look like "Name <address@domain>", got "help"'],
    [{ RESEND_RATE_PER_SECOND: "0" }, 'RESEND_RATE_PER_SECOND must be an integer from 1 to 1000, got "0"'],
    [{ HIBP_API_URL: "ftp://hibp.example" }, 'HIBP_API_URL must be an https URL, got "ftp://hibp.example"'],
    [{ TURNSTILE_SITE_KEY: "0x4site" }, "set TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY, or neither"],
    [{ TURNSTILE_SECRET_KEY: "0x4secret" }, "set TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY, or neither"],
    [
      {
        ENVIRONMENT: "production",
        EMAIL_PROVIDER: "resend",
        RESEND_API_KEY: "k",
        RESEND_API_URL: "http://api.resend.com",
      },
      'RESEND_API_URL must be an https URL in production, got "http://api.resend.com"',
    ],
    [
      { ENVIRONMENT: "production", EMAIL_PROVIDER: "resend", RESEND_API_KEY: "k" },
      "production needs the PASSWORD_PEPPER secret, at least 32 characters",
    ],
    [
      { ENVIRONMENT: "production", EMAIL_PROVIDER: "resend", RESEND_API_KEY: "k", PASSWORD_PEPPER: "short" },
      "production needs the PASSWORD_PEPPER secret, at least 32 characters",
    ],
    [{ ENVIRONMENT: "staging" }, 'ENVIRONMENT="staging" needs the PASSWORD_PEPPER secret, at least 32 characters'],
    [
      { ENVIRONMENT: "production", EMAIL_PROVIDER: "resend", RESEND_API_KEY: "k", PASSWORD_PEPPER: PEPPER },
      "TOTP_ENCRYPTION_KEY must be a secret of 32 bytes in base64 (openssl rand -base64 32)",
    ],
    [
      {
        ENVIRONMENT: "production",
        EMAIL_PROVIDER: "resend",
        RESEND_API_KEY: "k",
        PASSWORD_PEPPER: PEPPER,
        TOTP_ENCRYPTION_KEY: btoa("sixteen-bytes!!!"),
      },
      "TOTP_ENCRYPTION_KEY must be a secret of 32 bytes in base64 (openssl rand -base64 32)",
    ],
    [
      {
        ENVIRONMENT: "production",
        EMAIL_PROVIDER: "resend",
        RESEND_API_KEY: "k",
        PASSWORD_PEPPER: PEPPER,
        TOTP_ENCRYPTION_KEY: "ZGV2ZWxvcG1lbnQtb25seS10b3RwLWtleS0wMDAwMDA=",
      },
      "TOTP_ENCRYPTION_KEY must be a secret of 32 bytes in base64 (openssl rand -base64 32)",
    ],
    [
      {
        ENVIRONMENT: "production",
        EMAIL_PROVIDER: "resend",
        RESEND_API_KEY: "k",
        PASSWORD_PEPPER: PEPPER,
        APP_URL: "http://accounts.example.com",
      },
      'APP_URL must be https in production, got "http://accounts.example.com"',
    ],
  ])("refuses %o: %s", (vars, message) => {
    expect(() => parse(vars)).toThrow(expect.objectContaining({ name: "ConfigError", message }));
  });
});
