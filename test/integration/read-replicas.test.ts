/**
 * Reads that may lag go to the nearest D1 read replica (the Sessions API); the registry, not D1, decides
 * whether a session lives. A replica that has not yet seen an account is never final: the primary is asked.
 * (GET /v3/user reads no replica: its profile is the registry's copy, else D1's primary: profile-snapshot.test.ts.)
 */
import { describe, expect, it, vi } from "vitest";
import { authtokenFor, page, STRONG_PASSWORD, shardForEmail, signUp, uniqueEmail } from "../helpers";

/** A replica that is behind: it has no rows at all yet. */
function laggingReplica(email: string) {
  const empty = { first: async () => null, all: async () => ({ results: [], success: true, meta: {} }) };
  return vi.spyOn(shardForEmail(email), "withSession").mockImplementation(
    () =>
      ({
        prepare: () => ({ bind: () => empty, ...empty }),
        batch: async () => [],
        getBookmark: () => null,
      }) as unknown as D1DatabaseSession,
  );
}

describe("read replicas", () => {
  it("/account reads the profile from a replica", async () => {
    const email = uniqueEmail("replica");
    await signUp(email);
    const authtoken = await authtokenFor(email, STRONG_PASSWORD);
    const sessions = vi.spyOn(shardForEmail(email), "withSession");
    expect((await page("/account", { cookie: authtoken })).status).toBe(200);
    expect(sessions).toHaveBeenCalledWith("first-unconstrained");
  });

  // Fault: the replica near this person has not yet received the sign-up. They are signed in all the same.
  it("a replica that has not seen the account yet: the primary answers", async () => {
    const email = uniqueEmail("replica-lag");
    await signUp(email);
    const authtoken = await authtokenFor(email, STRONG_PASSWORD);
    const replica = laggingReplica(email);
    const response = await page("/account", { cookie: authtoken });
    expect(response.status).toBe(200);
    expect(replica).toHaveBeenCalled();
  });
});
