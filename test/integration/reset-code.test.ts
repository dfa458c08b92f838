/**
 * The code beside the link: right, wrong (five from one network stop that network, twenty in all kill the
 * code), used, replaced, expired, through the API's extension and the page; the same answers for an address
 * without an account; using the code uses the link up and the other way round.
 */
import { describe, expect, it, vi } from "vitest";
import { normalizeResetCode } from "../../src/core/password-reset-token";
import {
  api,
  json,
  NEW_PASSWORD,
  page,
  requestReset,
  resetPassword,
  signIn,
  signUp,
  tokenFrom,
  uniqueEmail,
  waitForMail,
} from "../helpers";

/** The newest reset email's link token and code. */
async function linkAndCode(email: string, count = 1) {
  const [message] = await waitForMail(email, count);
  const code = /\n([0-9A-Z]{4}-[0-9A-Z]{4})\n/.exec(message!.text)?.[1];
  if (code === undefined) throw new Error(`no code in: ${message!.text}`);
  return { token: tokenFrom(message!), code };
}

async function freshAccount(label: string) {
  const email = uniqueEmail(label);
  await signUp(email);
  expect((await requestReset(email)).status).toBe(200);
  return { email, ...(await linkAndCode(email)) };
}

function resetWithCode(email: string, code: string, password = NEW_PASSWORD, ip?: string) {
  return api("/v3/user/reset_password", {
    body: { user: { email, reset_password_code: code, password, password_confirmation: password } },
    ...(ip === undefined ? {} : { ip }),
  });
}

/** Addresses of one IPv6 /64 (one network, as core/client-info.ts counts them), each request its own address. */
function oneNetwork(): (i: number) => string {
  const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
  return (i) => `${prefix}::${(i + 1).toString(16)}`;
}

describe("codes: unit", () => {
  it("forgives case, dashes, spaces, O for 0 and I or L for 1; refuses other shapes", () => {
    expect(normalizeResetCode("abcd-efgh")).toBe("ABCDEFGH");
    expect(normalizeResetCode(" o1i l-2345 ")).toBe("0111" + "2345");
    expect(normalizeResetCode("ABCD-EFG")).toBeNull();
    expect(normalizeResetCode("ABCD-EFGU")).toBeNull();
  });
});

describe("POST /v3/user/reset_password with email + reset_password_code", () => {
  it("a right code resets the password, and the link is used up with it", async () => {
    const { email, token, code } = await freshAccount("code-right");
    expect((await resetWithCode(email, code.toLowerCase())).status).toBe(200);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    expect((await resetPassword(token, "another-fresh-passphrase-91")).status).toBe(422);
    expect((await resetWithCode(email, code, "another-fresh-passphrase-91")).status).toBe(422);
  });

  it("using the link uses the code up", async () => {
    const { email, token, code } = await freshAccount("code-after-link");
    expect((await resetPassword(token)).status).toBe(200);
    expect((await resetWithCode(email, code, "another-fresh-passphrase-91")).status).toBe(422);
  });

  // Attack (issue 30): a stranger kills the owner's emailed code with five wrong guesses. Now five wrong codes
  // stop only the network they came from; the owner's code still works from anywhere else.
  it("five wrong codes from one network at the reset code, and the code still works from another", async () => {
    const { email, code } = await freshAccount("code-network");
    const ghost = uniqueEmail("code-network-ghost");
    for (const address of [email, ghost]) {
      const stranger = oneNetwork();
      for (let i = 0; i < 5; i++) {
        const response = await resetWithCode(address, `ZZZZ-ZZZ${i}`, NEW_PASSWORD, stranger(i));
        expect(response.status).toBe(422);
        expect(await json(response)).toMatchObject({ error_code: 162 });
      }
      // That network is stopped: even the right code is refused unchecked from it, and its further guesses
      // are not added to the address's total (they cannot kill the code for everyone).
      if (address === email) expect((await resetWithCode(email, code, NEW_PASSWORD, stranger(5))).status).toBe(422);
      for (let i = 6; i < 26; i++) await resetWithCode(address, `ZZZZ-ZZ${i}`, NEW_PASSWORD, stranger(i));
    }
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(422);
    expect((await resetWithCode(email, code)).status).toBe(200);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });

  // Attack: guessing the code from many networks. Twenty wrong tries in all kill it, even the right one after.
  it("twenty wrong codes in all and the code is dead, for a known and an unknown address alike", async () => {
    const { email, code } = await freshAccount("code-wrong");
    const ghost = uniqueEmail("code-ghost");
    for (const address of [email, ghost]) {
      for (let i = 0; i < 20; i++) {
        const response = await resetWithCode(address, `ZZZZ-Z${String(i).padStart(3, "0").replace(/[01]/g, "Z")}`);
        expect(response.status).toBe(422);
        expect(await json(response)).toMatchObject({ error_code: 162 });
      }
    }
    expect((await resetWithCode(email, code)).status).toBe(422);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(422);
  });

  // Attack: guesses sent all at once, hoping each reads the count before any is written.
  it("twenty guesses at once still kill the code: each attempt is counted before it is checked", async () => {
    const { email, code } = await freshAccount("code-burst");
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        resetWithCode(email, `ZZZZ-Z${String(i).padStart(3, "0").replace(/[01]/g, "Z")}`),
      ),
    );
    expect(answers.every((r) => r.status === 422)).toBe(true);
    expect((await resetWithCode(email, code)).status).toBe(422);
  });

  it("a code replaced by a newer email, and an expired one, are refused", async () => {
    const { email, code: older } = await freshAccount("code-replaced");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 60_000 });
    try {
      expect((await requestReset(email)).status).toBe(200);
      const { code: newer } = await linkAndCode(email, 2);
      expect(newer).not.toBe(older);
      expect((await resetWithCode(email, older)).status).toBe(422);
      vi.setSystemTime(Date.now() + 61 * 60_000);
      expect((await resetWithCode(email, newer)).status).toBe(422);
    } finally {
      vi.useRealTimers();
    }
  });

  it("Contentstack's own body keeps its error when neither a token nor a code is sent", async () => {
    const response = await api("/v3/user/reset_password", {
      body: { user: { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD } },
    });
    expect(response.status).toBe(422);
    expect((await json(response)).errors).toEqual({ reset_password_token: ["is required."] });
  });
});

describe("/reset-password/code", () => {
  const post = (email: string, code: string) => page("/reset-password/code", { form: { email, code } });

  it("a right code leads to the Reset Password form with the link's token in the reset cookie", async () => {
    const { email, code } = await freshAccount("code-page");
    const response = await post(email, code);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/reset-password");
    expect(response.headers.get("set-cookie")).toMatch(
      /^__Host-reset_token=blt(?:[0-9a-f]{4})?[0-9a-f]{24}\.[A-Za-z0-9_-]{43};/,
    );
  });

  it("a wrong code says so, the same for an address without an account; a network's fifth says to use the link", async () => {
    const { email } = await freshAccount("code-page-wrong");
    const ghost = uniqueEmail("code-page-ghost");
    const [mine, theirs] = [oneNetwork(), oneNetwork()];
    const post = (address: string, code: string, ip: string) =>
      page("/reset-password/code", { form: { email: address, code }, ip });
    for (let i = 0; i < 4; i++) {
      const [a, b] = [await post(email, `ZZZZ-ZZZ${i}`, mine(i)), await post(ghost, `ZZZZ-ZZZ${i}`, theirs(i))];
      expect([a.status, b.status]).toEqual([422, 422]);
      expect(withoutNonce((await a.text()).replace(email, ""))).toBe(withoutNonce((await b.text()).replace(ghost, "")));
    }
    const [a, b] = [await post(email, "ZZZZ-ZZZ9", mine(4)), await post(ghost, "ZZZZ-ZZZ9", theirs(4))];
    const [textA, textB] = [await a.text(), await b.text()];
    expect(textA).toContain("Too many wrong codes from this network");
    expect(withoutNonce(textA.replace(email, ""))).toBe(withoutNonce(textB.replace(ghost, "")));
  });

  it("the confirmation page offers the code form", async () => {
    const email = uniqueEmail("code-offer");
    const response = await page("/forgot-password", { form: { email } });
    expect(await response.text()).toContain(`href="/reset-password/code?email=${encodeURIComponent(email)}"`);
  });
});

/** A page without its scripts' CSP nonce, which is fresh on every response. */
function withoutNonce(html: string): string {
  return html.replace(/ nonce="[^"]*"/g, "");
}
