/**
 * A dead link's page says why it is dead (expired, used, replaced by a newer email, the password changed
 * since, or not a link at all) and offers a new link without showing or asking for the address. The API
 * keeps answering every dead link alike (422/162), as Contentstack does.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { parseResetToken } from "../../src/core/password-reset-token";
import {
  authtokenFor,
  NEW_PASSWORD,
  page,
  resetPassword,
  resetTokenFor,
  STRONG_PASSWORD,
  signUp,
  tokenFrom,
  uniqueEmail,
  waitForMail,
} from "../helpers";

async function deadPage(token: string) {
  const response = await page(`/reset-password?token=${token}`);
  expect(response.status).toBe(410);
  expect(response.headers.get("set-cookie")).toBeNull();
  return response.text();
}

describe("a dead link's page names its cause", () => {
  it("used: when it was used", async () => {
    const email = uniqueEmail("dead-used");
    await signUp(email);
    const token = await resetTokenFor(email);
    expect((await resetPassword(token)).status).toBe(200);
    const html = await deadPage(token);
    expect(html).toContain("This link has already been used");
    expect(html).toMatch(
      /It was used to reset your password on <time datetime="[^"]+">\w+ \d+, \d{4} at \d+:\d\d [AP]M UTC/,
    );
    expect((await resetPassword(token, "another-fresh-passphrase-91")).status).toBe(422);
  });

  it("replaced: when the newer email was sent", async () => {
    const email = uniqueEmail("dead-replaced");
    await signUp(email);
    const older = await resetTokenFor(email);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 60_000 }); // past the one-a-minute limit
    try {
      const newer = await resetTokenFor(email);
      expect(newer).not.toBe(older);
    } finally {
      vi.useRealTimers();
    }
    const html = await deadPage(older);
    expect(html).toContain("A newer link replaced this one");
    expect(html).toContain("You asked for another email on");
  });

  it("password changed since: on /account, after the link was sent", async () => {
    const email = uniqueEmail("dead-changed");
    await signUp(email);
    const token = await resetTokenFor(email);
    const authtoken = await authtokenFor(email, STRONG_PASSWORD);
    const form = { current_password: STRONG_PASSWORD, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD };
    const changed = await page("/account/password", { form, cookie: authtoken });
    expect(changed.status).toBe(303);
    const html = await deadPage(token);
    expect(html).toContain("Your password was changed since");
  });

  it("expired: when it expired", async () => {
    const email = uniqueEmail("dead-expired");
    await signUp(email);
    const token = await resetTokenFor(email);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61 * 60_000 });
    try {
      const html = await deadPage(token);
      expect(html).toContain("This link has expired");
      expect(html).toContain("Reset links work for 60 minutes. This one expired on");
    } finally {
      vi.useRealTimers();
    }
  });

  it("not a link of ours: asks for the address instead of sending anything", async () => {
    const html = await deadPage(`blt${"0".repeat(24)}.${"A".repeat(43)}`);
    expect(html).toContain("This link is not valid");
    expect(html).toContain('href="/forgot-password"');
    expect(html).not.toContain("/reset-password/new-link");
  });
});

describe("Send a new link", () => {
  it("mails the address the dead link went to, without showing it", async () => {
    const email = uniqueEmail("dead-resend");
    await signUp(email);
    const token = await resetTokenFor(email);
    expect((await resetPassword(token)).status).toBe(200);
    const before = (await waitForMail(email, 2)).length; // the link, and the "password changed" notice
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 60_000 });
    try {
      const response = await page("/reset-password/new-link", { form: { token } });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("We have sent a new link to the address the old one was sent to.");
      expect(html).not.toContain(email);
    } finally {
      vi.useRealTimers();
    }
    const links = (await waitForMail(email, before + 1)).filter((m) => m.subject === "Reset your password");
    expect(links).toHaveLength(2);
    const fresh = tokenFrom(links[0]!);
    expect(fresh).not.toBe(token);
  });

  // Abuse: a made-up token naming someone's user id must not make us mail them.
  it("sends nothing for a token the account never had: asks for the address", async () => {
    const email = uniqueEmail("dead-forged");
    const user = await signUp(email);
    const send = vi.spyOn(env.EMAIL_QUEUE, "send");
    const forged = `${user.uid}.${"B".repeat(43)}`;
    expect(parseResetToken(forged)).not.toBeNull();
    const response = await page("/reset-password/new-link", { form: { token: forged } });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/forgot-password");
    expect(send).not.toHaveBeenCalled();
  });
});
