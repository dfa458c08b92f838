/**
 * Session rotation on the pages (issue 29): signing in again in a browser that holds a live session ends
 * the session it replaces, with the password alone and through the two-factor step; other browsers'
 * sessions stay. Attack: a session planted in the browser (or left in it by its last user) outlives the
 * sign-in that should have replaced it.
 */
import { describe, expect, it, vi } from "vitest";
import { STRONG_PASSWORD, signUp, uniqueEmail, whoAmI } from "../helpers";
import { codeAt, enrolled, PageBrowser } from "../page-browser";

const SESSION = "__Host-session";

async function expectEnded(token: string): Promise<void> {
  await vi.waitFor(async () => expect((await whoAmI(token)).status).toBe(401), { timeout: 5_000, interval: 50 });
}

describe("a page sign-in over a live session", () => {
  it("with the password: the new session replaces the old one, which ends; another browser's stays", async () => {
    const email = uniqueEmail("rotate");
    await signUp(email);
    const browser = new PageBrowser();
    const other = new PageBrowser();
    for (const b of [browser, other]) await b.request("/login", { email, password: STRONG_PASSWORD });
    const replaced = browser.cookies.get(SESSION)!;
    expect((await whoAmI(replaced)).status).toBe(200);
    expect((await browser.request("/login", { email, password: STRONG_PASSWORD })).headers.get("location")).toBe(
      "/account",
    );
    const current = browser.cookies.get(SESSION)!;
    expect(current).not.toBe(replaced);
    await expectEnded(replaced);
    expect((await whoAmI(current)).status).toBe(200);
    expect((await whoAmI(other.cookies.get(SESSION)!)).status).toBe(200);
  });

  it("through the two-factor step: the session the browser held ends too", async () => {
    const { email, key } = await enrolled("rotate-2fa");
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    expect((await browser.request("/login/two-factor", { code: codeAt(key) })).headers.get("location")).toBe(
      "/account",
    );
    const replaced = browser.cookies.get(SESSION)!;
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    expect((await browser.request("/login/two-factor", { code: codeAt(key, 1) })).headers.get("location")).toBe(
      "/account",
    );
    expect(browser.cookies.get(SESSION)).not.toBe(replaced);
    await expectEnded(replaced);
    expect((await whoAmI(browser.cookies.get(SESSION)!)).status).toBe(200);
  });
});
