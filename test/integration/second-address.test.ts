/**
 * The second, verified address (issue 26): added on /account with the current password and a link to the
 * address (its page confirms with a button: a mail scanner's GET changes nothing); adding and removing are
 * told to both addresses; a reset can be asked from either address, and the link goes to the one that asked.
 */
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import {
  auditTrail,
  mailbox,
  NEW_PASSWORD,
  requestReset,
  resetPassword,
  STRONG_PASSWORD,
  signUp,
  tokenFrom,
  uniqueEmail,
} from "../helpers";
import { PageBrowser } from "../page-browser";

const ADDED = "A second address was added to your account";
const REMOVED = "A second address was removed from your account";

/** The subjects at `address` once `subject` has arrived (each look runs the owner's registry alarm: its outbox). */
async function arrived(uid: string, address: string, subject: string) {
  return vi.waitFor(
    async () => {
      await runDurableObjectAlarm(env.SESSION_REGISTRY.getByName(uid));
      const found = await mailbox(address);
      if (!found.some((m) => m.subject === subject)) throw new Error(`no "${subject}" at ${address}`);
      return found;
    },
    { timeout: 10_000, interval: 100 },
  );
}

/** The verification link in the newest "Confirm your second address" email at `address`. */
async function verificationLink(uid: string, address: string): Promise<string> {
  const found = await arrived(uid, address, "Confirm your second address");
  const text = found.find((m) => m.subject === "Confirm your second address")!.text;
  return /https?:\/\/\S+\/second-address\/confirm\?token=(\S+)/.exec(text)![1]!;
}

/** An account signed in on a page, and a second address added and confirmed through its link. */
async function withSecondAddress(label: string) {
  const email = uniqueEmail(label);
  const second = uniqueEmail(`${label}-second`);
  const { uid } = await signUp(email);
  const browser = new PageBrowser();
  expect((await browser.request("/login", { email, password: STRONG_PASSWORD })).status).toBe(303);
  const asked = await browser.request("/account/second-address", {
    second_address: second,
    second_address_password: STRONG_PASSWORD,
  });
  expect(asked.status).toBe(200);
  expect(await asked.text()).toContain(`We sent a confirmation link to ${second}.`);
  const token = await verificationLink(uid, second);
  // Opening the link (or a scanner fetching it) shows a button and changes nothing.
  const opened = await new PageBrowser().request(`/second-address/confirm?token=${token}`);
  expect(opened.status).toBe(200);
  expect(await opened.text()).toContain('action="/second-address/confirm"');
  expect(await auditTrail(uid, "second_address_added")).toHaveLength(0);
  const confirmed = await new PageBrowser().request("/second-address/confirm", { token });
  expect(confirmed.status).toBe(200);
  expect(await confirmed.text()).toMatch(/is now your account&#39;s second address\./);
  return { email, second, uid, browser, token };
}

describe("a second address", () => {
  it("is added only through its link, after the current password; both addresses are told", async () => {
    const { email, second, uid, browser } = await withSecondAddress("second-add");
    for (const address of [email, second]) {
      const found = await arrived(uid, address, ADDED);
      expect(found.find((m) => m.subject === ADDED)!.text).toContain(second);
    }
    expect(await (await browser.request("/account")).text()).toContain(second);
    expect(await auditTrail(uid, /^second_address/)).toEqual(["second_address_requested", "second_address_added"]);
  });

  it("a wrong current password adds nothing and sends no link (counted like a failed sign-in)", async () => {
    const email = uniqueEmail("second-wrong");
    const second = uniqueEmail("second-wrong-other");
    const { uid } = await signUp(email);
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    const refused = await browser.request("/account/second-address", {
      second_address: second,
      second_address_password: "not-the-password-at-all",
    });
    expect(refused.status).toBe(422);
    expect(await auditTrail(uid, "sign_in_failed")).toHaveLength(1);
    expect(await mailbox(second)).toHaveLength(0);
  });

  it("a forged or altered link confirms nothing", async () => {
    const { token } = await withSecondAddress("second-forged");
    const [userId, , expires, mac] = token.split(".");
    const other = Buffer.from(uniqueEmail("attacker")).toString("base64url");
    const forged = `${userId}.${other}.${expires}.${mac}`;
    expect((await new PageBrowser().request(`/second-address/confirm?token=${forged}`)).status).toBe(404);
    const posted = await new PageBrowser().request("/second-address/confirm", { token: forged });
    expect(posted.status).toBe(422);
  });

  it("another account's own address cannot be claimed", async () => {
    const email = uniqueEmail("second-taken");
    const victim = uniqueEmail("second-victim");
    await signUp(victim);
    const { uid } = await signUp(email);
    const browser = new PageBrowser();
    await browser.request("/login", { email, password: STRONG_PASSWORD });
    await browser.request("/account/second-address", {
      second_address: victim,
      second_address_password: STRONG_PASSWORD,
    });
    const token = await verificationLink(uid, victim);
    const posted = await new PageBrowser().request("/second-address/confirm", { token });
    expect(posted.status).toBe(422);
    expect(await posted.text()).toContain("This address cannot be used as a second address.");
  });

  it("a reset asked from the second address sends the link there, and it works", async () => {
    const { email, second } = await withSecondAddress("second-reset");
    expect((await requestReset(second)).status).toBe(200);
    const link = await vi.waitFor(
      async () => {
        const found = (await mailbox(second)).find((m) => m.subject === "Reset your password");
        if (found === undefined) throw new Error("no reset email yet");
        return found;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect((await mailbox(email)).some((m) => m.subject === "Reset your password")).toBe(false);
    expect((await resetPassword(tokenFrom(link), NEW_PASSWORD)).status).toBe(200);
  });

  it("removing it asks the password, and both addresses are told", async () => {
    const { email, second, uid, browser } = await withSecondAddress("second-remove");
    const removed = await browser.request("/account/second-address/remove", {
      second_address_password: STRONG_PASSWORD,
    });
    expect(removed.status).toBe(200);
    expect(await removed.text()).toContain("The second address was removed.");
    for (const address of [email, second]) await arrived(uid, address, REMOVED);
    expect(await auditTrail(uid, "second_address_removed")).toHaveLength(1);
  });
});
