import { describe, expect, it } from "vitest";
import {
  NEW_PASSWORD,
  pageSignIn,
  resetPassword,
  resetTokenFor,
  STRONG_PASSWORD,
  signIn,
  signUp,
  uniqueEmail,
} from "../helpers";

const failFrom = async (email: string, ip: string, times: number, label = "x") => {
  for (let i = 0; i < times; i++) await signIn(email, `stranger-guess-${label}-${i}-${ip}`, { ip });
};

describe("invariant 12: strangers cannot lock the owner out", () => {
  it("a stranger's failures lock the stranger's network, not the owner's", async () => {
    const email = uniqueEmail("owner-net");
    await signUp(email);
    await failFrom(email, "198.51.100.20", 5);
    expect((await signIn(email, STRONG_PASSWORD, { ip: "198.51.100.20" })).status).toBe(429);
    expect((await signIn(email, STRONG_PASSWORD, { ip: "203.0.113.40" })).status).toBe(200);
  });

  it("a browser that signed in before keeps signing in on the same network while that network is locked", async () => {
    const email = uniqueEmail("owner-device");
    await signUp(email);
    const shared = "192.0.2.77"; // one NAT: the owner and the stranger look alike by address
    const first = await pageSignIn(email, STRONG_PASSWORD, { ip: shared });
    expect(first.status).toBe(303);
    expect(first.cookies).toMatch(/__Host-device=[^;]+; Max-Age=15552000; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    await failFrom(email, shared, 6);
    expect((await pageSignIn(email, STRONG_PASSWORD, { ip: shared })).status).toBe(429);
    const owner = await pageSignIn(email, STRONG_PASSWORD, { ip: shared, device: first.device! });
    expect(owner.status).toBe(303);
  });

  it("a device's own failures lock that device only; a device token of another account earns no trust", async () => {
    const email = uniqueEmail("own-device");
    const other = uniqueEmail("other-account");
    await signUp(email);
    await signUp(other);
    const mine = (await pageSignIn(email, STRONG_PASSWORD, { ip: "192.0.2.90" })).device!;
    const theirs = (await pageSignIn(other, STRONG_PASSWORD, { ip: "192.0.2.91" })).device!;
    for (let i = 0; i < 5; i++) await pageSignIn(email, `my-own-typo-number-${i}`, { ip: "192.0.2.90", device: mine });
    expect((await pageSignIn(email, STRONG_PASSWORD, { ip: "192.0.2.90", device: mine })).status).toBe(429);
    expect((await signIn(email, STRONG_PASSWORD, { ip: "192.0.2.92" })).status).toBe(200);
    // Trust is per account: the other account's token counts as no token here.
    await failFrom(other, "192.0.2.93", 5, "o");
    expect((await pageSignIn(other, STRONG_PASSWORD, { ip: "192.0.2.93", device: mine })).status).toBe(429);
    expect((await pageSignIn(other, STRONG_PASSWORD, { ip: "192.0.2.93", device: theirs })).status).toBe(303);
  });

  // Attack: guessing from many networks, four guesses each. The email's daily cap bounds it at 100.
  it("100 failures from 100 networks lock every untrusted client of the email; the owner's device still signs in", async () => {
    const email = uniqueEmail("botnet");
    await signUp(email);
    const device = (await pageSignIn(email, STRONG_PASSWORD, { ip: "192.0.2.10" })).device!;
    for (let chunk = 0; chunk < 10; chunk++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          signIn(email, `botnet-guess-${chunk}-${i}`, { ip: `100.64.${chunk}.${i + 1}` }),
        ),
      );
    }
    const fresh = await signIn(email, STRONG_PASSWORD, { ip: "203.0.113.250" });
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get("retry-after"))).toBeGreaterThan(23 * 60 * 60);
    expect((await pageSignIn(email, STRONG_PASSWORD, { ip: "203.0.113.251", device })).status).toBe(303);
  }, 60_000);
});

describe("marks and device tokens stay honest across password changes", () => {
  // A failure marked before the account existed (or before a reset) proves nothing about today's password.
  it("a password that failed before the account existed signs in once it is the account's password", async () => {
    const email = uniqueEmail("mark-before-signup");
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(422);
    await signUp(email, STRONG_PASSWORD);
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(200);
  });

  // Attack: someone who once knew the password hoards device tokens to guess past the daily cap later.
  it("a reset voids every device token: a token from before it earns no trust", async () => {
    const email = uniqueEmail("device-reset");
    await signUp(email);
    const shared = "192.0.2.150";
    const before = (await pageSignIn(email, STRONG_PASSWORD, { ip: shared })).device!;
    const token = await resetTokenFor(email);
    expect((await resetPassword(token)).status).toBe(200);
    await failFrom(email, shared, 5, "after-reset");
    expect((await pageSignIn(email, NEW_PASSWORD, { ip: shared, device: before })).status).toBe(429);
    const elsewhere = await pageSignIn(email, NEW_PASSWORD, { ip: "192.0.2.151" });
    expect(elsewhere.status).toBe(303);
    expect((await pageSignIn(email, NEW_PASSWORD, { ip: shared, device: elsewhere.device! })).status).toBe(303);
  });
});
