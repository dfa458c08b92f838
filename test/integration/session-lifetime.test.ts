/**
 * A session's overall limit (NIST SP 800-63B rev 4 sections 2.1.3 and 5.2): 30 days from the sign-in,
 * however often it is used. The page says why the person was signed out, an open tab is told at the
 * limit, and the API answers as Contentstack does for any expired token.
 */
import { runDurableObjectAlarm } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { alteredToken, api, authtokenFor, BASE, json, page, STRONG_PASSWORD, signUp, uniqueEmail } from "../helpers";

const DAY = 86_400_000;
/** The overall limit, as docs/design.md states it (never the implementation's constant). */
const MAX_AGE = 30 * DAY;

/** A signed-up account and a session made at `t0` on the faked clock. */
async function sessionAt(label: string, t0: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(t0);
  const email = uniqueEmail(label);
  const { uid } = await signUp(email);
  return { email, uid, token: await authtokenFor(email, STRONG_PASSWORD) };
}

describe("a session's overall limit", () => {
  // Abuse: a stolen session kept alive by use (a script that opens /account every day) must still end.
  it("/account works every day for 29 days, then sends to /login saying sessions last 30 days", async () => {
    const t0 = Date.now();
    const { token } = await sessionAt("max-age-page", t0);
    for (const day of [1, 10, 20, 29]) {
      vi.setSystemTime(t0 + day * DAY);
      expect((await page("/account", { cookie: token })).status, `day ${day}`).toBe(200);
    }
    vi.setSystemTime(t0 + MAX_AGE);
    const ended = await page("/account", { cookie: token });
    expect(ended.status).toBe(303);
    expect(ended.headers.get("location")).toBe("/login?notice=session_max_age");
    const login = await (await page("/login?notice=session_max_age")).text();
    expect(login).toContain("a session lasts at most 30 days, however often it is used");
    // Told once: the row is gone, and the next visit is an ordinary missing session.
    expect((await page("/account", { cookie: token })).headers.get("location")).toBe("/login?notice=expired");
  });

  it("the API answers a session past its limit as any expired token: 401, error_code 105, Contentstack's words", async () => {
    const t0 = Date.now();
    const { token } = await sessionAt("max-age-api", t0);
    vi.setSystemTime(t0 + 29 * DAY);
    expect((await api("/v3/user", { authtoken: token })).status).toBe(200);
    vi.setSystemTime(t0 + MAX_AGE);
    const ended = await api("/v3/user", { authtoken: token });
    const unknown = await api("/v3/user", { authtoken: alteredToken(token) });
    expect(ended.status).toBe(401);
    const body = await json(ended);
    expect(body).toMatchObject({
      error_message: "You're not allowed in here unless you're logged in.",
      error_code: 105,
    });
    expect(body).toEqual(await json(unknown));
  });

  it("an open tab is told at the limit (reason session_max_age), by the registry's alarm", async () => {
    const t0 = Date.now();
    const { uid, token } = await sessionAt("max-age-tab", t0);
    vi.setSystemTime(t0 + 29 * DAY);
    const headers = { upgrade: "websocket", origin: BASE, cookie: `__Host-session=${token}` };
    const upgraded = await exports.default.fetch(new Request(`${BASE}/live`, { headers }));
    expect(upgraded.status).toBe(101);
    const socket = upgraded.webSocket!;
    const messages: string[] = [];
    socket.addEventListener("message", (event) => messages.push(String(event.data)));
    socket.accept();
    vi.setSystemTime(t0 + MAX_AGE + 1000);
    expect(await runDurableObjectAlarm(env.SESSION_REGISTRY.getByName(uid))).toBe(true);
    await vi.waitFor(() => expect(messages).toEqual([JSON.stringify({ type: "signout", reason: "session_max_age" })]));
  });
});
