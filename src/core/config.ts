/**
 * Typed, validated configuration read from the Worker's vars and secrets.
 * A bad value fails the first request loudly (logged, generic 500) instead of silently weakening security.
 */
import { DAY_MS } from "./time";

export type EmailProviderName = "resend" | "mailbox";

export interface Config {
  /** Origin used in every emailed link. Never taken from the request's Host header (invariant 6 in docs/design.md). */
  appUrl: string;
  production: boolean;
  emailProvider: EmailProviderName;
  mailFrom: string;
  passwordMinLength: number;
  sessionIdleMs: number;
  maxSessionsPerUser: number;
  hibpEnabled: boolean;
  hibpFailOpen: boolean;
  benchRoutes: boolean;
  pepper: string | null;
  resendApiKey: string | null;
}

/** A configuration value that would run the Worker weakened or broken. */
class ConfigError extends Error {
  override name = "ConfigError";
}

const cache = new WeakMap<object, Config>();

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
  return {
    appUrl: parseOrigin(vars.APP_URL),
    production,
    emailProvider,
    mailFrom: required(vars.MAIL_FROM, "MAIL_FROM"),
    passwordMinLength,
    sessionIdleMs: integer(vars.SESSION_IDLE_DAYS, "SESSION_IDLE_DAYS", 1, 365) * DAY_MS,
    maxSessionsPerUser: integer(vars.MAX_SESSIONS_PER_USER, "MAX_SESSIONS_PER_USER", 1, 100_000),
    hibpEnabled: flag(vars.HIBP_ENABLED, "HIBP_ENABLED"),
    hibpFailOpen: flag(vars.HIBP_FAIL_OPEN, "HIBP_FAIL_OPEN"),
    benchRoutes: flag(vars.BENCH_ROUTES, "BENCH_ROUTES") && !production,
    pepper: nonEmpty(vars.PASSWORD_PEPPER),
    resendApiKey,
  };
}

function parseOrigin(value: string | undefined): string {
  const text = required(value, "APP_URL");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`APP_URL is not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigError("APP_URL must be http(s)");
  return url.origin;
}

function required(value: string | undefined, name: string): string {
  const text = nonEmpty(value);
  if (text === null) throw new ConfigError(`${name} is required`);
  return text;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === "" ? null : value.trim();
}

function integer(value: string | undefined, name: string, min: number, max: number): number {
  const n = Number(required(value, name));
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

function flag(value: string | undefined, name: string): boolean {
  if (value === "true") return true;
  if (value === "false" || value === undefined) return false;
  throw new ConfigError(`${name} must be "true" or "false", got ${JSON.stringify(value)}`);
}
