/** User-Agent descriptions shown on /account and in emails: a short name, never the requester's text. */
import { describe, expect, it } from "vitest";
import { truncateUserAgent } from "../../src/core/user-agent";
import { translator } from "../../src/i18n/catalogue";
import { describeDevice } from "../../src/i18n/device";

describe("describeDevice", () => {
  it.each([
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
      "Chrome on Linux",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0",
      "Edge on Windows",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Safari on macOS",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari on iOS",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0", "Firefox on Linux"],
    [
      "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36",
      "Chrome on Android",
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0 Safari/537.36",
      "Headless Chrome on Linux",
    ],
    ["curl/8.5.0", "curl"],
    ["contentstack-management-javascript/1.30.2 node/v22.23.3", "Contentstack SDK"],
    ["undici", "Node.js"],
    ["<script>alert(1)</script>", "Unknown browser"],
    ["", "Unknown device"],
    [null, "Unknown device"],
  ])("%o -> %s", (userAgent, described) => {
    expect(describeDevice(translator("en"), userAgent)).toBe(described);
  });
});

describe("truncateUserAgent", () => {
  it("keeps at most 512 characters and passes absence through", () => {
    expect(truncateUserAgent("x".repeat(600))).toBe("x".repeat(512));
    expect(truncateUserAgent("curl/8.5.0")).toBe("curl/8.5.0");
    expect(truncateUserAgent(null)).toBeNull();
    expect(truncateUserAgent(undefined)).toBeNull();
  });
});
