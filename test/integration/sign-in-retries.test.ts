/**
 * One mistake counts once (invariant 12): a wrong password sent again (a client's retries, a resubmitted
 * form, a retyped typo) adds nothing to the failure count, so it cannot walk the owner into the lock, while
 * distinct guesses still lock as before. Contentstack's CLI repeats every 422 three more times.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { emailKey } from "../../src/core/email-address";
import { hashSecret } from "../../src/core/secrets";
import {
  BASE,
  homeIp,
  INVALID_CREDENTIALS,
  json,
  MINUTE,
  STRONG_PASSWORD,
  shardForEmail,
  signIn,
  signUp,
  uniqueEmail,
  whoAmI,
} from "../helpers";

/** What Contentstack's CLI does with one typed password: the attempt, then three retries of its 422. */
async function cliSignIn(email: string, password: string): Promise<Response[]> {
  const responses: Response[] = [];
  for (let i = 0; i < 4; i++) {
    const response = await signIn(email, password);
    responses.push(response);
    if (response.status !== 422) break;
  }
  return responses;
}

async function failures(email: string): Promise<number> {
  const row = await shardForEmail(email)
    .prepare("SELECT failures FROM sign_in_throttle WHERE email_key = ?")
    .bind(emailKey(email))
    .first<{ failures: number }>();
  return row?.failures ?? 0;
}

describe("one mistake counts once", () => {
  it("two typos sent with the CLI's retry pattern leave the account usable; the right password signs in", async () => {
    const email = uniqueEmail("cli");
    await signUp(email);
    for (const typo of ["violet-harbour-lantern-74", "violet-harbor-lantern-47"]) {
      const responses = await cliSignIn(email, typo);
      expect(responses.map((r) => r.status)).toEqual([422, 422, 422, 422]);
      for (const response of responses) expect(await json(response)).toEqual(INVALID_CREDENTIALS);
    }
    expect(await failures(email)).toBe(2);
    const ok = await signIn(email, STRONG_PASSWORD);
    expect(ok.status).toBe(200);
    // Success forgets the failures and their marks.
    expect(await failures(email)).toBe(0);
    const marks = await shardForEmail(email)
      .prepare("SELECT COUNT(*) AS n FROM sign_in_failure_marks WHERE email_key = ?")
      .bind(emailKey(email))
      .first<{ n: number }>();
    expect(marks?.n).toBe(0);
    expect((await whoAmI((await json(ok)).user.authtoken)).status).toBe(200);
  });

  // Attack: online guessing. Distinct guesses are new guesses, and still lock after five.
  it("five distinct wrong passwords still lock, even when each is retried", async () => {
    const email = uniqueEmail("distinct");
    await signUp(email);
    for (let i = 0; i < 5; i++) await cliSignIn(email, `wrong-guess-number-${i}-x`);
    expect(await failures(email)).toBe(5);
    const locked = await signIn(email, STRONG_PASSWORD);
    expect(locked.status).toBe(429);
  });

  it("an unknown email counts the same way, with the same answers (no enumeration)", async () => {
    const known = uniqueEmail("known");
    await signUp(known);
    const unknown = uniqueEmail("ghost");
    const a = await cliSignIn(known, "the-same-typo-for-both-1");
    const b = await cliSignIn(unknown, "the-same-typo-for-both-1");
    expect(await Promise.all(a.map((r) => r.text()))).toEqual(await Promise.all(b.map((r) => r.text())));
    expect(await failures(known)).toBe(1);
    expect(await failures(unknown)).toBe(1);
  });

  it("a typo repeated minutes later is still not counted again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.UTC(2033, 2, 1, 9, 0, 0);
    vi.setSystemTime(start);
    const email = uniqueEmail("later");
    await signUp(email);
    expect((await signIn(email, "a-typo-made-twice-xyz")).status).toBe(422);
    vi.setSystemTime(start + 3 * MINUTE);
    expect((await signIn(email, "a-typo-made-twice-xyz")).status).toBe(422);
    expect(await failures(email)).toBe(1);
  });

  // Data at rest: a typo is close to the real password, so it must not be stored, nor an unkeyed hash of it.
  it("stores a keyed mark, not the password nor an unkeyed hash of it", async () => {
    const email = uniqueEmail("mark");
    const typo = "violet-harbour-lantern-48";
    await signUp(email);
    await signIn(email, typo);
    const { results } = await shardForEmail(email)
      .prepare("SELECT mark FROM sign_in_failure_marks WHERE email_key = ?")
      .bind(emailKey(email))
      .all<{ mark: string }>();
    expect(results).toHaveLength(1);
    const mark = results[0]!.mark;
    expect(mark).toMatch(/^[0-9a-f]{64}$/);
    for (const unkeyed of [typo, hashSecret(typo), hashSecret(`${emailKey(email)}\u0000${typo}`)]) {
      expect(mark).not.toBe(unkeyed);
    }
  });

  it("the sign-in page tells how long the lock lasts and that a reset lifts it", async () => {
    const email = uniqueEmail("page-lock");
    await signUp(email);
    for (let i = 0; i < 5; i++) await signIn(email, `wrong-guess-number-${i}-y`);
    const page = await exports.default.fetch(
      new Request(`${BASE}/login`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: BASE,
          accept: "text/html",
          "cf-connecting-ip": homeIp(email), // the network the failures came from, without a device cookie
        },
        body: new URLSearchParams({ email, password: STRONG_PASSWORD }),
      }),
    );
    expect(page.status).toBe(429);
    expect(await page.text()).toContain(
      "Too many sign-in attempts. Sign in from a browser you have signed in with before, or try again in 5 minutes.",
    );
  });
});
