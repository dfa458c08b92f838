/** User-Agent strings: how much of one is kept, and the short human name shown for it ("Chrome on Linux"). */

/** Longest User-Agent kept on sessions and audit rows: it is requester-controlled. */
const MAX_USER_AGENT_LENGTH = 512;

/** The stored form of a User-Agent header: at most 512 characters, null when absent. */
export function truncateUserAgent(userAgent: string | null | undefined): string | null {
  return userAgent === null || userAgent === undefined ? null : userAgent.slice(0, MAX_USER_AGENT_LENGTH);
}

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/OPR\//, "Opera"],
  [/Firefox\//, "Firefox"],
  [/HeadlessChrome\//, "Headless Chrome"],
  [/Chrome\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//, "curl"],
  [/contentstack-management-javascript/, "Contentstack SDK"],
  [/node|undici/i, "Node.js"],
];

const SYSTEMS: [RegExp, string][] = [
  [/Windows/, "Windows"],
  [/iPhone|iPad/, "iOS"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/**
 * The names in a User-Agent ("Firefox", "Linux"), or null for none at all: never the raw text, which the
 * requester controls. Names are brands, the same in every language; the words around them are i18n/device.ts's.
 */
export function userAgentParts(userAgent: string | null): { browser: string | null; system: string | null } | null {
  if (userAgent === null || userAgent === "") return null;
  return {
    browser: BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null,
    system: SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null,
  };
}
