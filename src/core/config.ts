/**
 * Typed, validated configuration read from the Worker's vars and secrets.
 * A bad value fails the first request loudly (logged, generic 500) instead of silently weakening security.
 */
import { ConfigError, emailQueueCount, integer, nonEmpty, required, shardLayout } from "./config-values";
import { isDevelopmentSealingKey, parseSealingKey } from "./secret-box";
import type { ShardLayout } from "./shards";
import { DAY_MS, MINUTE_MS } from "./time";
import { TURNSTILE_VERIFY_URL, type TurnstileConfig } from "./turnstile";

export type EmailProviderName = "resend" | "mailbox";

export interface Config {
  /** Origin used in every emailed link. Never taken from the request's Host header (invariant 6 in docs/design.md). */
  appUrl: string;
  production: boolean;
  emailProvider: EmailProviderName;
  /** `Name <address@domain>` or a bare address; validated so a typo fails at start-up, not at every send. */
  mailFrom: string;
  replyTo: string | null;
  passwordMinLength: number;
  sessionIdleMs: number;
  /** How long a reset link (and its code) works after the request: RESET_LINK_MINUTES, 5–1440, default 60. */
  resetLinkMs: number;
  maxSessionsPerUser: number;
  hibpEnabled: boolean;
  hibpFailOpen: boolean;
  benchRoutes: boolean;
  /** The pseudo-language (?lang=en-XA) is offered: development only. */
  pseudoLanguage: boolean;
  pepper: string | null;
  resendApiKey: string | null;
  /** Resend's webhook signing secret ("whsec_…"); without it the delivery-event endpoint is off. */
  resendWebhookSecret: string | null;
  /** How many email queues jobs are spread over (EMAIL_QUEUES, 1–16, default 1); each needs its binding. */
  emailQueues: number;
  /** TOTP_ENCRYPTION_KEY: seals authenticator keys at rest (core/secret-box.ts); required outside development. */
  sealingKey: Uint8Array | null;
  /** TOTP_ENCRYPTION_KEY_PREVIOUS, during a rotation: still opens what it sealed; each is re-sealed at its next use. */
  previousSealingKey: Uint8Array | null;
  /** Users' D1 shards per generation (D1_SHARD_LAYOUT, default "1"; core/shards.ts); each shard needs its binding. */
  shardLayout: ShardLayout;
  /** How long accounts' security events are kept: AUDIT_RETENTION_DAYS, 30–3650, default 400. */
  auditRetentionMs: number;
  /** How long an address that bounced or complained gets no email: BOUNCE_SUPPRESSION_DAYS, 1–365, default 14. */
  bounceSuppressionMs: number;
  /** Resend's API origin; a local stand-in in tests. https in production (loopback aside). */
  resendApiUrl: string;
  /** Sends per second across every consumer invocation: Resend's team limit (5/s by default). */
  resendRatePerSecond: number;
  /** Have I Been Pwned's range API origin; a local stand-in in tests. https in production (loopback aside). */
  hibpApiUrl: string;
  /** TURNSTILE_SITE_KEY + the TURNSTILE_SECRET_KEY secret (both or neither; domain/bot-check.ts); null: off. */
  turnstile: TurnstileConfig | null;
}

const cache = new WeakMap<object, Config>();
/** `openssl rand -base64 32` gives 44 characters; 32 is the least we accept. */
const MIN_PEPPER_LENGTH = 32;

/** Reads and validates configuration once per env object. */
export function readConfig(env: Env): Config {
  const cached = cache.get(env);
  if (cached !== undefined) return cached;
  const config = parseConfig(env);
  cache.set(env, config);
  return config;
}

/** Validates every value; throws ConfigError naming the first bad one. Exported for its tests. */
export function parseConfig(env: Env): Config {
  // Read as plain strings: vars can be overridden per environment, and secrets are not in wrangler.toml.
  const vars = env as unknown as Record<string, string | undefined>;
  const production = vars.ENVIRONMENT === "production";
  const emailProvider = vars.EMAIL_PROVIDER;
  if (emailProvider !== "resend" && emailProvider !== "mailbox") {
    throw new ConfigError(`EMAIL_PROVIDER must be "resend" or "mailbox", got ${JSON.stringify(emailProvider)}`);
  }
  if (emailProvider === "mailbox" && production) {
    throw new ConfigError("the mailbox email provider is for local development only");
  }
  const resendApiKey = nonEmpty(vars.RESEND_API_KEY);
  if (emailProvider === "resend" && resendApiKey === null) {
    throw new ConfigError("EMAIL_PROVIDER=resend needs the RESEND_API_KEY secret");
  }
  const passwordMinLength = integer(vars.PASSWORD_MIN_LENGTH, "PASSWORD_MIN_LENGTH", 8, 64);
  const config: Config = {
    appUrl: parseOrigin(vars.APP_URL, production),
    production,
    emailProvider,
    mailFrom: mailbox(required(vars.MAIL_FROM, "MAIL_FROM"), "MAIL_FROM"),
    replyTo: optionalMailbox(vars.REPLY_TO, "REPLY_TO"),
    passwordMinLength,
    sessionIdleMs: integer(vars.SESSION_IDLE_DAYS, "SESSION_IDLE_DAYS", 1, 365) * DAY_MS,
    resetLinkMs: integer(vars.RESET_LINK_MINUTES ?? "60", "RESET_LINK_MINUTES", 5, 1440) * MINUTE_MS,
    maxSessionsPerUser: integer(vars.MAX_SESSIONS_PER_USER, "MAX_SESSIONS_PER_USER", 1, 100_000),
    hibpEnabled: flag(vars.HIBP_ENABLED, "HIBP_ENABLED"),
    hibpFailOpen: flag(vars.HIBP_FAIL_OPEN, "HIBP_FAIL_OPEN"),
    benchRoutes: flag(vars.BENCH_ROUTES, "BENCH_ROUTES") && !production,
    pseudoLanguage: vars.ENVIRONMENT === "development",
    pepper: nonEmpty(vars.PASSWORD_PEPPER),
    resendApiKey,
    resendWebhookSecret: nonEmpty(vars.RESEND_WEBHOOK_SECRET),
    emailQueues: emailQueueCount(env, vars.EMAIL_QUEUES),
    shardLayout: shardLayout(env, vars.D1_SHARD_LAYOUT),
    sealingKey: parseSealingKey(vars.TOTP_ENCRYPTION_KEY),
    previousSealingKey: optionalSealingKey(vars.TOTP_ENCRYPTION_KEY_PREVIOUS),
    auditRetentionMs: integer(vars.AUDIT_RETENTION_DAYS ?? "400", "AUDIT_RETENTION_DAYS", 30, 3650) * DAY_MS,
    bounceSuppressionMs: integer(vars.BOUNCE_SUPPRESSION_DAYS ?? "14", "BOUNCE_SUPPRESSION_DAYS", 1, 365) * DAY_MS,
    resendApiUrl: apiOrigin(vars.RESEND_API_URL, "RESEND_API_URL", "https://api.resend.com", production),
    resendRatePerSecond: integer(vars.RESEND_RATE_PER_SECOND ?? "5", "RESEND_RATE_PER_SECOND", 1, 1000),
    hibpApiUrl: apiOrigin(vars.HIBP_API_URL, "HIBP_API_URL", "https://api.pwnedpasswords.com", production),
    turnstile: turnstile(vars, production),
  };
  // The pepper keys the password hashes and the sign-in failure marks: without it a stolen database could
  // be attacked offline, so production does not run without one.
  // Any deployment but local development (a staging Worker too) keys tokens and marks with a real secret.
  const development = vars.ENVIRONMENT === "development";
  if (!development && (config.pepper === null || config.pepper.length < MIN_PEPPER_LENGTH)) {
    const where = production ? "production" : `ENVIRONMENT=${JSON.stringify(vars.ENVIRONMENT)}`;
    throw new ConfigError(`${where} needs the PASSWORD_PEPPER secret, at least ${MIN_PEPPER_LENGTH} characters`);
  }
  if (!development && (config.sealingKey === null || isDevelopmentSealingKey(config.sealingKey))) {
    throw new ConfigError("TOTP_ENCRYPTION_KEY must be a secret of 32 bytes in base64 (openssl rand -base64 32)");
  }
  return config;
}

/** Both keys or neither: one alone is a half-done setup that would silently leave the challenge off. */
function turnstile(vars: Record<string, string | undefined>, production: boolean): TurnstileConfig | null {
  const siteKey = nonEmpty(vars.TURNSTILE_SITE_KEY);
  const secretKey = nonEmpty(vars.TURNSTILE_SECRET_KEY);
  if (siteKey === null && secretKey === null) return null;
  if (siteKey === null || secretKey === null)
    throw new ConfigError("set TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY, or neither");
  const verifyUrl = apiUrl(vars.TURNSTILE_VERIFY_URL, "TURNSTILE_VERIFY_URL", TURNSTILE_VERIFY_URL, production).href;
  return { siteKey, secretKey, verifyUrl };
}

function optionalSealingKey(text: string | undefined): Uint8Array | null {
  if (nonEmpty(text) === null) return null;
  const key = parseSealingKey(text);
  if (key === null) throw new ConfigError("TOTP_ENCRYPTION_KEY_PREVIOUS must be 32 bytes in base64, or unset");
  return key;
}

function parseOrigin(value: string | undefined, production: boolean): string {
  const url = parseUrl(required(value, "APP_URL"), "APP_URL");
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigError("APP_URL must be http(s)");
  if (production && url.protocol === "http:" && !isLoopback(url)) {
    throw new ConfigError(`APP_URL must be https in production, got ${JSON.stringify(value)}`);
  }
  return url.origin;
}

function isLoopback(url: URL): boolean {
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}

function parseUrl(text: string, name: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new ConfigError(`${name} is not a URL: ${JSON.stringify(text)}`);
  }
}

/**
 * The origin of an outside API. Production insists on https, except for a loopback host, which can only be a
 * local stand-in (a deployed Worker cannot reach one).
 */
function apiOrigin(value: string | undefined, name: string, fallback: string, production: boolean): string {
  return apiUrl(value, name, fallback, production).origin;
}

/** An outside API's URL, under apiOrigin's rule. */
function apiUrl(value: string | undefined, name: string, fallback: string, production: boolean): URL {
  const url = parseUrl(nonEmpty(value) ?? fallback, name);
  const allowed = url.protocol === "https:" || (url.protocol === "http:" && (isLoopback(url) || !production));
  if (!allowed) {
    throw new ConfigError(
      `${name} must be an https URL${production ? " in production" : ""}, got ${JSON.stringify(value)}`,
    );
  }
  return url;
}

const MAILBOX = /^(?:[^<>@\r\n]+ )?<[^\s<>@]+@[^\s<>@]+>$|^[^\s<>@]+@[^\s<>@]+$/;

/** A sender or reply-to: `Name <address@domain>` or `address@domain`. */
function mailbox(value: string, name: string): string {
  if (!MAILBOX.test(value))
    throw new ConfigError(`${name} must look like "Name <address@domain>", got ${JSON.stringify(value)}`);
  return value;
}

function optionalMailbox(value: string | undefined, name: string): string | null {
  const text = nonEmpty(value);
  return text === null ? null : mailbox(text, name);
}

function flag(value: string | undefined, name: string): boolean {
  if (value === "true") return true;
  if (value === "false" || value === undefined) return false;
  throw new ConfigError(`${name} must be "true" or "false", got ${JSON.stringify(value)}`);
}
