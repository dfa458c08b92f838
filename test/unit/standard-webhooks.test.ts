/**
 * Our Standard Webhooks signatures (core/standard-webhooks.ts) against answers computed elsewhere, the
 * webhook settings (core/webhook-config.ts), and the consumer's retry schedule (queue/webhook-consumer.ts).
 */
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/config-values";
import { parseWebhookSecret, signWebhook } from "../../src/core/standard-webhooks";
import { parseWebhookConfig } from "../../src/core/webhook-config";
import { webhookRetryDelaySeconds } from "../../src/queue/webhook-consumer";

// The specification's reference libraries share this vector. The expected value, computed with Node:
//   createHmac("sha256", Buffer.from("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "base64"))
//     .update('msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}').digest("base64")
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const BODY = '{"test": 2432232314}';
const AT = 1614265330 * 1000;
const SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

describe("signWebhook", () => {
  it("signs id.timestamp.body with HMAC-SHA256 under the whsec_ key (a known answer)", async () => {
    const headers = await signWebhook(parseWebhookSecret(SECRET), ID, BODY, AT + 999);
    expect(headers).toEqual({ "webhook-id": ID, "webhook-timestamp": "1614265330", "webhook-signature": SIGNATURE });
  });

  it("gives what the standardwebhooks library signs, and the library verifies it", async () => {
    const now = Date.now();
    const headers = await signWebhook(parseWebhookSecret(SECRET), ID, BODY, now);
    const library = new Webhook(SECRET);
    expect(headers["webhook-signature"]).toBe(library.sign(ID, new Date(Math.floor(now / 1000) * 1000), BODY));
    expect(library.verify(BODY, { ...headers })).toEqual({ test: 2432232314 });
  });
});

describe("parseWebhookSecret", () => {
  it("refuses a secret without whsec_, one that is not base64, and keys under 24 or over 64 bytes", () => {
    expect(() => parseWebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toThrow(ConfigError);
    expect(() => parseWebhookSecret("whsec_not base64!")).toThrow(ConfigError);
    expect(() => parseWebhookSecret(`whsec_${btoa("x".repeat(23))}`)).toThrow(/24 to 64 bytes/);
    expect(() => parseWebhookSecret(`whsec_${btoa("x".repeat(65))}`)).toThrow(/24 to 64 bytes/);
    expect(parseWebhookSecret(`whsec_${btoa("x".repeat(64))}`)).toHaveLength(64);
  });
});

describe("webhook settings", () => {
  it("are off without endpoints, even with a secret", () => {
    expect(parseWebhookConfig({ WEBHOOK_URLS: " ", WEBHOOK_SECRET: SECRET })).toBeNull();
  });

  it("take several endpoints, separated by spaces or commas", () => {
    const config = parseWebhookConfig({
      WEBHOOK_URLS: "https://a.example/h, https://b.example/h",
      WEBHOOK_SECRET: SECRET,
    });
    expect(config?.urls).toEqual(["https://a.example/h", "https://b.example/h"]);
  });

  it("refuse endpoints without a secret (an event would go out unsigned)", () => {
    expect(() => parseWebhookConfig({ WEBHOOK_URLS: "https://a.example/h" })).toThrow(/WEBHOOK_SECRET/);
  });

  it("refuse http endpoints in production, loopback aside", () => {
    const production = { ENVIRONMENT: "production", WEBHOOK_SECRET: SECRET };
    expect(() => parseWebhookConfig({ ...production, WEBHOOK_URLS: "http://a.example/h" })).toThrow(/https/);
    expect(parseWebhookConfig({ ...production, WEBHOOK_URLS: "http://127.0.0.1:9/h" })?.urls).toHaveLength(1);
  });
});

describe("the retry schedule", () => {
  const MINUTE = 60;
  const HOUR = 60 * MINUTE;
  const t0 = Date.UTC(2026, 0, 1);

  it("waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h after the first six failures (no jitter)", () => {
    const delays = [1, 2, 3, 4, 5, 6].map((attempts) => webhookRetryDelaySeconds(attempts, t0, t0, null, 0));
    expect(delays).toEqual([5, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR]);
  });

  it("adds at most 10 % at random", () => {
    expect(webhookRetryDelaySeconds(4, t0, t0, null, 1)).toBe(2 * HOUR + 12 * MINUTE);
  });

  it("never waits past 24 hours after the event, and dead-letters it then", () => {
    // 17 h 35 min 5 s after the event the seventh failure would wait 10 h: only the 6 h 24 min 55 s left.
    const at = t0 + (17 * HOUR + 35 * MINUTE + 5) * 1000;
    expect(webhookRetryDelaySeconds(7, t0, at, null, 0)).toBe(6 * HOUR + 24 * MINUTE + 55);
    expect(webhookRetryDelaySeconds(8, t0, t0 + 24 * HOUR * 1000, null, 0)).toBeNull();
  });

  it("honours a longer Retry-After, within Cloudflare's 12-hour limit on a delay", () => {
    expect(webhookRetryDelaySeconds(1, t0, t0, 120, 0)).toBe(120);
    expect(webhookRetryDelaySeconds(1, t0, t0, 20 * HOUR, 0)).toBe(12 * HOUR);
  });
});
