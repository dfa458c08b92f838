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
import { api, auditTrail, json, STRONG_PASSWORD, shardForUser, signUp, uniqueEmail } from "../helpers";
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
  const { email, uid, codes } = await enrolledWithKey(label);
  return { email, uid, codes };
}

/** The same, with the authenticator's key. */
async function enrolledWithKey(label: string) {
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
  return { email, uid, codes, key };
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

const NEW_DEVICE = "A sign-in from a new device";

/** The new-device notices in `email`'s mailbox, after the registry's alarm ran (so one due would be there). */
async function newDeviceMail(uid: string, email: string): Promise<Mail[]> {
  await runDurableObjectAlarm(env.SESSION_REGISTRY.getByName(uid));
  const { messages } = await json(await api(`/dev/mailbox?to=${encodeURIComponent(email)}`));
  return (messages as Mail[]).filter((m) => m.subject === NEW_DEVICE);
}

/** An account that has signed in once, from its first browser (no notice for a first sign-in: no device is old). */
async function usedAccount(label: string) {
  const email = uniqueEmail(label);
  const { uid } = await signUp(email);
  const first = new PageBrowser();
  expect((await first.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
  expect(await newDeviceMail(uid, email)).toHaveLength(0);
  return { email, uid, first };
}

describe("a sign-in from a new device", () => {
  it("a browser with no device cookie from a new network is told once; that browser again, and the network again, are not", async () => {
    const { email, uid } = await usedAccount("new-device");
    const stranger = new PageBrowser();
    expect((await stranger.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
    const told = await mailWhen(uid, email, (found) => found.some((m) => m.subject === NEW_DEVICE));
    const notice = told.find((m) => m.subject === NEW_DEVICE)!;
    expect(notice.text).toContain(stranger.ip);
    expect(notice.text).toContain("If this wasn't you, someone has your password: reset it right away at");
    expect(notice.text).toContain("/account");
    expect(await auditTrail(uid, "new_device_sign_in")).toHaveLength(1);
    // The same browser again: it holds a device cookie now.
    expect((await stranger.request("/account/sign-out", {})).status).toBe(303);
    expect((await stranger.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
    // Another browser on the network the account has just used.
    const sameNetwork = Object.assign(new PageBrowser(), { ip: stranger.ip });
    expect((await sameNetwork.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
    expect(await newDeviceMail(uid, email)).toHaveLength(1);
    expect(await auditTrail(uid, "new_device_sign_in")).toHaveLength(1);
  });

  it("the API's sign-ins are not told (no client of it has a device cookie)", async () => {
    const { email, uid } = await usedAccount("new-device-api");
    const response = await api("/v3/user-session", { body: { user: { email, password: STRONG_PASSWORD } } });
    expect(response.status).toBe(200);
    expect(await newDeviceMail(uid, email)).toHaveLength(0);
  });

  it("the owner turns it off on /account (audited): no notice; on again: notices again", async () => {
    const { email, uid, first } = await usedAccount("new-device-off");
    const page = await (await first.request("/account")).text();
    expect(page).toContain("Sign-ins from new devices");
    const off = await first.request("/account/new-device-notices", { notices: "off" });
    expect(off.status).toBe(200);
    expect(await off.text()).toContain("Emails about sign-ins from new devices are off.");
    expect((await new PageBrowser().request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
    expect(await newDeviceMail(uid, email)).toHaveLength(0);
    expect((await first.request("/account/new-device-notices", { notices: "on" })).status).toBe(200);
    expect((await new PageBrowser().request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
    await mailWhen(uid, email, (found) => found.some((m) => m.subject === NEW_DEVICE));
    expect(await auditTrail(uid, /^new_device/)).toEqual([
      "new_device_notices_off",
      "new_device_notices_on",
      "new_device_sign_in",
    ]);
  });

  it("with two-factor on, the notice comes with the session, after the code", async () => {
    const { email, uid, key } = await enrolledWithKey("new-device-2fa");
    const stranger = new PageBrowser();
    expect((await stranger.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
    expect(await newDeviceMail(uid, email)).toHaveLength(0);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 30_000);
    const step = await stranger.request("/login/two-factor", { code: codeAt(key) });
    expect(step.headers.get("location")).toBe("/account");
    await mailWhen(uid, email, (found) => found.some((m) => m.subject === NEW_DEVICE));
  });
});

describe("a second, verified address", () => {
  // NIST SP 800-63B rev 4 asks for two notification addresses: an attacker who controls one mailbox (or
  // whose change made the first one bounce) cannot keep the owner from hearing of it at the other.
  it("every security notice goes to both addresses, each once", async () => {
    const { email, uid, first } = await usedAccount("second-address");
    const second = uniqueEmail("second-address-other");
    await shardForUser(uid).prepare("UPDATE users SET second_email = ? WHERE id = ?").bind(second, uid).run();
    expect((await new PageBrowser().request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
    for (const address of [email, second]) {
      await mailWhen(uid, address, (found) => found.some((m) => m.subject === NEW_DEVICE));
    }
    const html = await (await first.request("/account/two-factor")).text();
    const key = decodeBase32IgnorePadding(
      /<code id="setup-key">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, ""),
    );
    expect((await first.request("/account/two-factor", { code: codeAt(key), password: STRONG_PASSWORD })).status).toBe(
      200,
    );
    for (const address of [email, second]) {
      const found = await mailWhen(uid, address, (mail) => mail.some((m) => m.subject === "Two-factor sign-in is on"));
      expect(found.filter((m) => m.subject === NEW_DEVICE)).toHaveLength(1);
    }
  });
});
