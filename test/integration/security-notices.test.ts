/**
 * The security notices of issue 26 beyond the password and two-factor changes: a recovery code used (with
 * the number left, and below 3 a request to make new ones), and a sign-in from a new device (a browser
 * with no device cookie, from a network the account has not used in 30 days; the owner can turn it off).
 * Each goes through the registry's outbox, is audited, and says what to do if it was not the owner.
 */
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { describe, expect, it, vi } from "vitest";
import { api, auditTrail, json, STRONG_PASSWORD, signUp, uniqueEmail } from "../helpers";
import { codeAt, PageBrowser } from "../page-browser";

type Mail = { subject: string; text: string; html: string };

/** The mail in `email`'s dev mailbox once `ready` holds; each look runs the user's registry alarm (its outbox). */
async function mailWhen(uid: string, email: string, ready: (found: Mail[]) => boolean): Promise<Mail[]> {
  return vi.waitFor(
    async () => {
      await runDurableObjectAlarm(env.SESSION_REGISTRY.getByName(uid));
      const { messages } = await json(await api(`/dev/mailbox?to=${encodeURIComponent(email)}`));
      const found = messages as Mail[];
      if (!ready(found)) throw new Error("not yet");
      return found;
    },
    { timeout: 10_000, interval: 100 },
  );
}

/** An account with two-factor on (through the pages) and its ten recovery codes. */
async function enrolled(label: string) {
  const email = uniqueEmail(label);
  const { uid } = await signUp(email);
  const browser = new PageBrowser();
  expect((await browser.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
  const html = await (await browser.request("/account/two-factor")).text();
  const key = decodeBase32IgnorePadding(/<code id="setup-key">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, ""));
  const on = await browser.request("/account/two-factor", { code: codeAt(key), password: STRONG_PASSWORD });
  const codes = /<pre id="recovery-codes"[^>]*>([^<]+)<\/pre>/
    .exec(await on.text())![1]!
    .trim()
    .split(/\s+/);
  expect(codes).toHaveLength(10);
  return { email, uid, codes };
}

function apiSignIn(email: string, tfa_token: string) {
  return api("/v3/user-session", { body: { user: { email, password: STRONG_PASSWORD, tfa_token } } });
}

describe("a recovery code used", () => {
  it("is told with the number left; from 2 left on, the notice asks for new codes; each use is audited", async () => {
    const { email, uid, codes } = await enrolled("recovery-notice");
    const used = (mail: Mail[]) => mail.filter((m) => m.subject === "A recovery code was used");
    expect((await apiSignIn(email, codes[0]!)).status).toBe(200);
    const first = used(await mailWhen(uid, email, (found) => used(found).length === 1));
    expect(first[0]!.text).toContain("9 recovery codes are left.");
    expect(first[0]!.text).not.toContain("Make new ones");
    expect(first[0]!.text).toContain("If this wasn't you, someone has your password and a recovery code");
    for (const code of codes.slice(1, 8)) expect((await apiSignIn(email, code)).status).toBe(200);
    const all = used(await mailWhen(uid, email, (found) => used(found).length === 8));
    const texts = all.map((m) => m.text);
    // 3 left is not yet "below 3"; 2 left is.
    expect(texts.find((t) => t.includes("3 recovery codes are left."))).not.toContain("Make new ones");
    const low = texts.find((t) => t.includes("2 recovery codes are left."));
    expect(low).toContain("Make new ones on your account page soon");
    expect(low).toContain("/account");
    expect(await auditTrail(uid, "recovery_code_used")).toHaveLength(8);
  });

  it("a wrong recovery code sends no such notice", async () => {
    const { email, uid, codes } = await enrolled("recovery-wrong");
    expect((await apiSignIn(email, "AAAA-BBBB-CCCC")).status).toBe(401);
    // A right one afterwards: its notice arrives, and it is the only one.
    expect((await apiSignIn(email, codes[0]!)).status).toBe(200);
    const found = await mailWhen(uid, email, (mail) => mail.some((m) => m.subject === "A recovery code was used"));
    expect(found.filter((m) => m.subject === "A recovery code was used")).toHaveLength(1);
  });
});
