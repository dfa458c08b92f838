/**
 * Issue 30: limits no stranger can outrun or turn against the owner (NIST SP 800-63B rev 4 section 3.2.2:
 * at most 100 consecutive failures per account, with mitigations so that the owner is not locked out).
 * The email's daily cap is reserved when an attempt is let in, so guesses sent at once count like guesses
 * sent one after another; a browser that completed a reset, and an API client on a network the account
 * signed in from, are judged on their own failures only.
 */
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { emailKey } from "../../src/core/email-address";
import { emailDatabase } from "../../src/storage/shard-databases";
import { reserveCapStatement } from "../../src/storage/sign-in-cap";
import {
  auditTrail,
  BASE,
  deviceCookieOf,
  NEW_PASSWORD,
  page,
  pageSignIn,
  requestReset,
  STRONG_PASSWORD,
  signIn,
  signUp,
  tokenFrom,
  uniqueEmail,
  waitForMail,
} from "../helpers";

/** The new password typed on the Reset Password page of a browser holding `resetCookie`; its device cookie. */
async function finishResetInBrowser(resetCookie: string, ip: string): Promise<string | undefined> {
  const response = await exports.default.fetch(
    new Request(`${BASE}/reset-password`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: BASE,
        accept: "text/html",
        "cf-connecting-ip": ip,
        cookie: resetCookie,
      },
      body: new URLSearchParams({ password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD }),
      redirect: "manual",
    }),
  );
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe("/login?notice=reset&offer=passkey");
  return deviceCookieOf(response);
}

/** The reset cookie a page answer set, as the browser sends it back. */
function resetCookieOf(response: Response): string {
  const cookie = /(__Host-reset_token=[^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (cookie === undefined) throw new Error("no reset cookie");
  return cookie;
}

/** Strangers: 4 guesses from each of 25 networks (each under its network's own lock), the networks at once. */
async function strangersSpendTheCap(email: string, round: number): Promise<void> {
  await Promise.all(
    Array.from({ length: 25 }, async (_, n) => {
      for (let i = 0; i < 4; i++)
        await signIn(email, `stranger-${round}-${n}-${i}`, { ip: `100.${64 + round}.7.${n + 1}` });
    }),
  );
}

describe("issue 30: limits reserved, and trust strangers cannot spend", () => {
  // Attack: 400 wrong passwords at once from 400 networks. Each network has a slot of its own, so only the
  // email's daily cap stands in the way; read at entry and counted after the hash, it let every one through.
  it("400 concurrent guesses from 400 networks: at most 100 reach the password check; the owner's device gets in", async () => {
    const email = uniqueEmail("cap-race");
    const { uid } = await signUp(email);
    const device = (await pageSignIn(email, STRONG_PASSWORD, { ip: "192.0.2.30" })).device!;
    const responses = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        signIn(email, `concurrent-guess-${i}`, { ip: `100.96.${i >> 8}.${(i & 255) + 1}` }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    const checked = (await auditTrail(uid, "sign_in_failed")).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(100);
    expect(statuses.filter((s) => s === 422).length).toBe(checked);
    expect(statuses.filter((s) => s === 429).length).toBe(400 - checked);
    expect((await pageSignIn(email, STRONG_PASSWORD, { ip: "203.0.113.31", device })).status).toBe(303);
  }, 120_000);

  // Attack: 100 guesses from 25 networks use up the cap; the lock message used to advise a reset, which voided
  // every device cookie; 100 more guesses then locked the owner's browser too, every day.
  it("strangers use up the cap twice around a reset: the owner gets in from the browser that reset and from the API at a known network", async () => {
    const email = uniqueEmail("cap-reset");
    await signUp(email);
    const cli = "198.18.40.1"; // the owner's CLI signs in from here
    expect((await signIn(email, STRONG_PASSWORD, { ip: cli })).status).toBe(200);
    await strangersSpendTheCap(email, 0);
    expect((await signIn(email, STRONG_PASSWORD, { ip: "203.0.113.41" })).status).toBe(429);

    // The owner resets by link in a new browser.
    expect((await requestReset(email, "203.0.113.42")).status).toBe(200);
    const [mail] = await waitForMail(email);
    const opened = await page(`/reset-password?token=${tokenFrom(mail!)}`, { ip: "203.0.113.42" });
    const device = await finishResetInBrowser(resetCookieOf(opened), "203.0.113.42");
    expect(device).toMatch(/^[A-Za-z0-9_-]{22}\.1\.[A-Za-z0-9_-]{22}$/); // at the new credential version

    await strangersSpendTheCap(email, 1);
    const stranger = await signIn(email, NEW_PASSWORD, { ip: "203.0.113.43" });
    expect(stranger.status).toBe(429);
    expect((await pageSignIn(email, NEW_PASSWORD, { ip: "203.0.113.44", device })).status).toBe(303);
    expect((await signIn(email, NEW_PASSWORD, { ip: cli })).status).toBe(200);
  }, 120_000);

  it("a browser that resets by the emailed code gets a device cookie trusted while strangers hold the cap", async () => {
    const email = uniqueEmail("cap-code");
    await signUp(email);
    expect((await requestReset(email, "203.0.113.50")).status).toBe(200);
    const [mail] = await waitForMail(email);
    const code = /\n([0-9A-Z]{4}-[0-9A-Z]{4})\n/.exec(mail!.text)?.[1];
    const redeemed = await page("/reset-password/code", { form: { email, code: code! }, ip: "203.0.113.50" });
    expect(redeemed.status).toBe(303);
    const device = await finishResetInBrowser(resetCookieOf(redeemed), "203.0.113.50");
    expect(device).toMatch(/\.1\./);
    await strangersSpendTheCap(email, 2);
    expect((await signIn(email, NEW_PASSWORD, { ip: "203.0.113.51" })).status).toBe(429);
    expect((await pageSignIn(email, NEW_PASSWORD, { ip: "203.0.113.52", device })).status).toBe(303);
  }, 120_000);

  it("a known network is judged on its own failures: its fifth wrong password locks it as any network", async () => {
    const email = uniqueEmail("known-net");
    await signUp(email);
    const ip = "198.18.41.1";
    expect((await signIn(email, STRONG_PASSWORD, { ip })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await signIn(email, `own-typo-${i}-abc`, { ip })).status).toBe(422);
    expect((await signIn(email, STRONG_PASSWORD, { ip })).status).toBe(429);
  });
});

// The platform: an attempt whose worker dies, or whose D1 reply is lost, after its reservation was taken
// never reports back. Its reservation must not hold a share of the cap for ever (strangers could otherwise
// spend the cap by crashing attempts); it lapses 30 s after the latest one was taken.
describe("a reservation nobody reports back", () => {
  const CAP = { max: 2, windowMs: 24 * 60 * 60 * 1000 };

  /** An untrusted attempt holding its network's slot asks for one of the cap; whether it was granted. */
  async function reserve(key: string, network: string, now: number): Promise<boolean> {
    const db = emailDatabase(env, key);
    const attemptId = `attempt-${network}-${now}`;
    await db
      .prepare(
        `INSERT INTO sign_in_throttle (email_key, scope, failures, locked_until, updated_at, attempt_id, busy_until)
         VALUES (?, ?, 0, 0, ?, ?, ?)`,
      )
      .bind(key, `net:${network}`, now, attemptId, now + 5000)
      .run();
    const row = await reserveCapStatement(
      db,
      { emailKey: key, email: "nobody@example.com", attemptId, slotScope: `net:${network}` },
      { claimVersion: null, network: null },
      now,
      CAP,
    ).first<{ attempt_id: string | null }>();
    return row?.attempt_id === attemptId;
  }

  it("holds its share while it may still report, and lapses 30 s after the latest was taken", async () => {
    const key = emailKey(uniqueEmail("lapse"));
    const t0 = Date.now();
    expect(await reserve(key, "192.0.2.1", t0)).toBe(true);
    expect(await reserve(key, "192.0.2.2", t0 + 1)).toBe(true);
    // Two attempts in flight hold both of the cap's two: a third is refused without a password check.
    expect(await reserve(key, "192.0.2.3", t0 + 2)).toBe(false);
    expect(await reserve(key, "192.0.2.4", t0 + 1 + 29_999)).toBe(false);
    // Neither reported back; 30 s after the latest reservation both have lapsed.
    expect(await reserve(key, "192.0.2.5", t0 + 1 + 30_000)).toBe(true);
  });
});
