/**
 * Whether signed outbound events are on, where they go, and the key that signs them: WEBHOOK_URLS (one or
 * more endpoints, separated by spaces or commas) and the WEBHOOK_SECRET secret. No endpoints: off (a secret
 * alone is harmless). Endpoints without a valid secret fail loudly, like every bad setting (core/config.ts):
 * an event must never go out unsigned. Each endpoint is https in production, loopback aside (a local receiver).
 */
import { ConfigError, nonEmpty } from "./config-values";
import { parseWebhookSecret } from "./standard-webhooks";

/** Where events go and the key that signs them. */
export interface WebhookConfig {
  urls: string[];
  key: Uint8Array;
}

const cache = new WeakMap<object, WebhookConfig | null>();

/** Reads and validates the webhook settings once per env object; null when events are off. */
export function readWebhookConfig(env: Env): WebhookConfig | null {
  const cached = cache.get(env);
  if (cached !== undefined) return cached;
  const config = parseWebhookConfig(env as unknown as Record<string, string | undefined>);
  cache.set(env, config);
  return config;
}

/**
 * The key that signs deliveries, or null without WEBHOOK_SECRET. Read by the queue's consumer on its own:
 * a delivery already queued is signed (or dead-lettered, never sent unsigned) whatever WEBHOOK_URLS says now.
 */
export function webhookSigningKey(env: Env): Uint8Array | null {
  const secret = nonEmpty((env as unknown as Record<string, string | undefined>).WEBHOOK_SECRET);
  return secret === null ? null : parseWebhookSecret(secret);
}

/** Validates the settings; throws ConfigError naming the first bad one. Exported for its tests. */
export function parseWebhookConfig(vars: Record<string, string | undefined>): WebhookConfig | null {
  const urls = (vars.WEBHOOK_URLS ?? "").split(/[\s,]+/).filter((url) => url !== "");
  if (urls.length === 0) return null;
  const secret = nonEmpty(vars.WEBHOOK_SECRET);
  if (secret === null) throw new ConfigError("WEBHOOK_URLS needs the WEBHOOK_SECRET secret");
  const production = vars.ENVIRONMENT === "production";
  return { urls: urls.map((url) => endpoint(url, production)), key: parseWebhookSecret(secret) };
}

function endpoint(text: string, production: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`WEBHOOK_URLS holds something that is not a URL: ${JSON.stringify(text)}`);
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && (loopback || !production))) {
    throw new ConfigError(`WEBHOOK_URLS must be https URLs${production ? " in production" : ""}, got ${text}`);
  }
  return url.href;
}
