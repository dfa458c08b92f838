/**
 * Changing the password on /account: the current password under the sign-in throttle, the policy, every
 * other session signed out while this one stays, the "password changed" email, the audit row, and every
 * outstanding reset link void.
 */
import { describe, expect, it } from "vitest";
import {
  authtokenFor,
  homeIp,
  NEW_PASSWORD,
  page,
  resetPassword,
  resetTokenFor,
  STRONG_PASSWORD,
  signIn,
  signUp,
  uniqueEmail,
  waitForMail,
  whoAmI,
} from "../helpers";

/** A page request from the person's own browser: their session cookie, their address, same-origin. */
function fromBrowser(email: string, authtoken: string, path: string, form?: Record<string, string>) {
  return page(path, { form, cookie: authtoken, ip: homeIp(email) });
}

function change(email: string, authtoken: string, current: string, password = NEW_PASSWORD, confirmation = password) {
  return fromBrowser(email, authtoken, "/account/password", {
    current_password: current,
    password,
    password_confirmation: confirmation,
  });
}

async function account() {
  const email = uniqueEmail("change");
  await signUp(email);
  const here = await authtokenFor(email, STRONG_PASSWORD);
  const elsewhere = await authtokenFor(email, STRONG_PASSWORD);
  return { email, here, elsewhere };
}

describe("change password on /account", () => {
  it("offers the form on the account page", async () => {
    const { email, here } = await account();
    const html = await (await fromBrowser(email, here, "/account")).text();
    expect(html).toContain('action="/account/password"');
    expect(html).toContain('autocomplete="current-password"');
    expect(html).toContain("Change password");
  });

  it("changes it: this session stays, every other one ends, the old password and old links stop working", async () => {
    const { email, here, elsewhere } = await account();
    const link = await resetTokenFor(email);

    const response = await change(email, here, STRONG_PASSWORD);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/account?done=password");
    expect(response.headers.get("set-cookie")).toContain("__Host-device=");

    expect((await whoAmI(here)).status).toBe(200);
    expect((await whoAmI(elsewhere)).status).toBe(401);
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(422);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    expect((await resetPassword(link, "another-fresh-passphrase-91")).status).toBe(422);

    const page = await (await fromBrowser(email, here, "/account?done=password")).text();
    expect(page).toContain("Your password has been changed. Every other session has been signed out.");
    expect(page).toContain("Password changed");
    const [notice] = await waitForMail(email, 2);
    expect(notice!.subject).toBe("Your password was changed");
    expect(notice!.text).toContain("the one it was changed on stays signed in");
  });

  // Attack: someone holding an open session (a borrowed laptop) guesses the current password to take the
  // account over. Each wrong guess counts like a failed sign-in, so the lock stops them as it would at /login.
  it("a wrong current password is refused and counted toward the sign-in lock", async () => {
    const { email, here } = await account();
    const wrong = await change(email, here, "not-my-password-0");
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("That is not your current password.");
    for (let i = 1; i < 5; i++) expect((await change(email, here, `not-my-password-${i}`)).status).toBe(422);
    const locked = await change(email, here, STRONG_PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("Too many sign-in attempts");
    // Nothing changed, and sign-in from the same network meets the same lock.
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(429);
    expect((await whoAmI(here)).status).toBe(200);
  });

  it("a mismatch or a weak new password changes nothing and signs nobody out", async () => {
    const { email, here, elsewhere } = await account();
    const mismatch = await change(email, here, STRONG_PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}x`);
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain("Doesn&#39;t match the password.");
    const weak = await change(email, here, STRONG_PASSWORD, "short");
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain("Password must be at least 15 characters");
    expect((await whoAmI(elsewhere)).status).toBe(200);
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(200);
  });

  it("without a live session the browser is sent to sign in", async () => {
    const { email } = await account();
    const response = await change(email, "blt0000000000000000000000000.x.y", STRONG_PASSWORD);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?notice=expired");
  });
});
