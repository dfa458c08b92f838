/**
 * Attack: fire many password guesses for one account at the same moment. If the lock were only checked
 * before the (slow) password hash and counted after it, every parallel guess would pass the check.
 */
import { describe, expect, it, vi } from "vitest";
import { api, json, STRONG_PASSWORD, shardForEmail, signIn, signUp, uniqueEmail } from "../helpers";

describe("parallel sign-in guesses for one email", () => {
  it("at most 5 of 25 simultaneous wrong guesses are checked; the rest get 429; then the account is locked", async () => {
    const email = uniqueEmail("parallel");
    await signUp(email);
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signIn(email, `wrong-guess-number-${i}-abcdef`)),
    );
    const statuses = responses.map((r) => r.status);
    const checked = statuses.filter((s) => s === 422).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBe(25 - checked);
    for (const response of responses.filter((r) => r.status === 429)) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await json(response)).toMatchObject({ error_code: 429 });
    }
  });

  it("unknown emails behave the same (no enumeration through the slot)", async () => {
    const email = uniqueEmail("parallel-nobody");
    const statuses = (
      await Promise.all(Array.from({ length: 25 }, () => signIn(email, "wrong-guess-for-nobody-123")))
    ).map((r) => r.status);
    const checked = statuses.filter((s) => s === 422).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBe(25 - checked);
  });

  it("sequential sign-ins of one person are never refused as busy", async () => {
    const email = uniqueEmail("sequential");
    await signUp(email);
    for (let i = 0; i < 3; i++) expect((await signIn(email, STRONG_PASSWORD)).status).toBe(200);
    expect((await api("/v3/user-session", { body: { user: { email, password: STRONG_PASSWORD } } })).status).toBe(200);
  });

  // Invariant 12: the failure count, its lock and the freed slot land together. If the lock were written
  // after the slot was freed, a guess arriving in between would be checked although the count had reached
  // the lock: one extra guess per lock step.
  it("a guess arriving the moment the 5th failure is recorded meets the lock, not a free slot", async () => {
    const email = uniqueEmail("slot-race");
    const ip = "198.51.100.222";
    await signUp(email);
    for (let i = 0; i < 4; i++) expect((await signIn(email, `distinct-guess-${i}-xyz`, { ip })).status).toBe(422);
    const throttles = shardForEmail(email);
    const realBatch = throttles.batch.bind(throttles);
    let batches = 0;
    let squeezed: number | undefined;
    vi.spyOn(throttles, "batch").mockImplementation(async (statements) => {
      const result = await realBatch(statements);
      // The 5th attempt's second batch records its failure; a guess runs right after it commits.
      if (++batches === 2) squeezed = (await signIn(email, "the-squeezed-in-guess-99", { ip })).status;
      return result;
    });
    expect((await signIn(email, "distinct-guess-4-xyz", { ip })).status).toBe(422);
    expect(squeezed).toBe(429);
  });
});
