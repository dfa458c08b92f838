// Debian's Chromium driven by playwright-core. Without Chromium the browser tests are skipped with a
// notice, except under CI=true, where a missing browser is a failure.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const INSTALL_HINT = "Install it with: sudo apt-get install -y chromium (Debian/Ubuntu), or set CHROMIUM_PATH.";

/** null when no browser is installed (and this is not CI). */
export function browserAvailability() {
  if (existsSync(CHROMIUM_PATH)) return { available: true };
  if (process.env.CI === "true")
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} under CI=true. ${INSTALL_HINT}`);
  return {
    available: false,
    reason: `Skipping browser tests: Chromium not found at ${CHROMIUM_PATH}. ${INSTALL_HINT}`,
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machine's network is closed: without these, Chromium keeps trying to reach Google's hosts.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** Clicks a submit button and waits until the server's answer has replaced the page. */
export async function submitAndWait(page, selector) {
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click(selector)]);
}
