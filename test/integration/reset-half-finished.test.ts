/**
 * Invariant 10, the cases only a real network shows: a reset whose D1 write committed but whose reply was
 * lost, and a reset whose last registry step (completeCredentialChange) failed. Neither may leave a used link
 * working, break the next reset, or skip the "password changed" email.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import {
  api,
  authtokenFor,
  json,
  MINUTE,
  NEW_PASSWORD,
  resetPassword,
  resetTokenFor,
  STRONG_PASSWORD,
  signIn,
  signUp,
  uniqueEmail,
  waitForMail,
  whoAmI,
} from "../helpers";
import { tapD1 } from "../support/d1";

/** D1 performs the password write, then the reply is lost `times` times (the caller sees an error). */
function loseWriteReply(times: number, alsoFailReads = false) {
  let lost = 0;
  let readsFailing = false;
  return tapD1({
    match: (sql) => sql.includes("UPDATE users SET password_hash") || sql.startsWith("SELECT * FROM users WHERE id"),
    intercept: async ({ sql }, proceed) => {
      if (sql.startsWith("SELECT")) {
        if (readsFailing) throw new Error("D1 unreachable (simulated)");
        return proceed();
      }
      const result = await proceed();
      if (lost++ < times) {
        readsFailing = alsoFailReads;
        throw new Error("Network connection lost (simulated, after commit)");
      }
      return result;
    },
  });
}

/** Makes the registry's completeCredentialChange throw, as an unreachable object would. */
function failCompleteReset() {
  const realGetByName = env.SESSION_REGISTRY.getByName.bind(env.SESSION_REGISTRY);
  return vi.spyOn(env.SESSION_REGISTRY, "getByName").mockImplementation((name: string) => {
    const stub = realGetByName(name);
    return new Proxy(stub, {
      get: (target, property) =>
        property === "completeCredentialChange"
          ? () => Promise.reject(new Error("Durable Object unreachable (simulated)"))
          : Reflect.get(target, property),
    });
  });
}

const changedNotices = async (email: string) =>
  (await waitForMail(email, 2)).filter((m) => m.subject === "Your password was changed");

describe("invariant 10: half-finished resets", () => {
  it("the D1 write commits but its reply is lost: the reset still answers 200 and mails the notice", async () => {
    const email = uniqueEmail("lost-reply");
    await signUp(email);
    const token = await resetTokenFor(email);
    const d1 = loseWriteReply(1);
    const reset = await resetPassword(token);
    expect(reset.status).toBe(200);
    // The write's reply was lost (the 200 above is not from a write that simply went through).
    expect(d1.intercepted.filter(({ sql }) => sql.includes("UPDATE users SET password_hash"))).not.toEqual([]);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    expect(await changedNotices(email)).toHaveLength(1);
  });

  it("…and if D1 cannot even be read back: 503, then the same link and password finish it (200, notice)", async () => {
    const email = uniqueEmail("lost-reply-503");
    await signUp(email);
    const token = await resetTokenFor(email);
    const spy = loseWriteReply(1, true);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = await resetPassword(token);
    expect(failed.status).toBe(503);
    spy.mockRestore();
    // The password did change; the retry recognises its own earlier write instead of calling the link used.
    const retried = await resetPassword(token);
    expect(retried.status).toBe(200);
    expect(await changedNotices(email)).toHaveLength(1);
    // A different password through the same link is "another request won": refused.
    expect((await resetPassword(token, "someone-else-passphrase-3")).status).toBe(422);
  });

  it("completeCredentialChange fails: the used link is dead on the page, the next sign-in sends the notice, and the next reset still signs everything out", async () => {
    const email = uniqueEmail("no-complete");
    await signUp(email);
    const first = await resetTokenFor(email);
    const spy = failCompleteReset();
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await resetPassword(first)).status).toBe(200);
    spy.mockRestore();

    // The used link no longer shows the form.
    const page = await api(`/reset-password?token=${first}`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(410);
    // The notice was held since the reset began; the next sign-in shows the registry D1 has the change, which
    // finishes it and sends the notice.
    await authtokenFor(email, NEW_PASSWORD);
    expect(await changedNotices(email)).toHaveLength(1);

    // Days later (past the per-address limit of one email a minute): a new session, a new link. Its reset
    // must revoke that session and succeed.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3 * 24 * 60 * MINUTE);
    const session = await authtokenFor(email, NEW_PASSWORD);
    const second = await resetTokenFor(email);
    const reset = await resetPassword(second, "a-later-passphrase-2040");
    expect(reset.status).toBe(200);
    expect(await json(reset)).toEqual({ notice: "Your password has been reset successfully." });
    expect((await whoAmI(session)).status).toBe(401);
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(422);
    expect((await signIn(email, "a-later-passphrase-2040")).status).toBe(200);
  });

  // Two faults in a row: the first link's D1 write fails, then a newer link's reset commits but cannot
  // complete. The newer link must be used up all the same (it must not reset the password a second time).
  it("after a failed write and a failed completion, the newer link that committed is used up", async () => {
    const email = uniqueEmail("two-faults");
    await signUp(email);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const first = await resetTokenFor(email);
    const d1 = failWriteOnce();
    expect((await resetPassword(first)).status).toBe(503);
    d1.mockRestore();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 2 * MINUTE);
    const second = await resetTokenFor(email);
    const complete = failCompleteReset();
    expect((await resetPassword(second)).status).toBe(200);
    complete.mockRestore();
    expect((await resetPassword(second, "a-second-use-passphrase-1")).status).toBe(422);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });
});

/** The password write fails once, before anything is written (D1 unreachable). */
function failWriteOnce() {
  let failed = false;
  return tapD1({
    match: (sql) => sql.includes("UPDATE users SET password_hash"),
    intercept: async (_call, proceed) => {
      if (failed) return proceed();
      failed = true;
      throw new Error("D1 unreachable (simulated)");
    },
  });
}
