/**
 * Reads that may lag go to the nearest D1 read replica (the Sessions API); the registry, not D1, decides
 * whether a session lives. A replica that has not yet seen an account is never final: the primary is asked.
 */
import { describe, expect, it, vi } from "vitest";
import { authtokenFor, STRONG_PASSWORD, shardForEmail, signUp, uniqueEmail, whoAmI } from "../helpers";

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
  it("GET /v3/user reads the profile from a replica", async () => {
    const email = uniqueEmail("replica");
    await signUp(email);
    const authtoken = await authtokenFor(email, STRONG_PASSWORD);
    const sessions = vi.spyOn(shardForEmail(email), "withSession");
    expect((await whoAmI(authtoken)).status).toBe(200);
    expect(sessions).toHaveBeenCalledWith("first-unconstrained");
  });

  // Fault: the replica near this person has not yet received the sign-up. They are signed in all the same.
  it("a replica that has not seen the account yet: the primary answers", async () => {
    const email = uniqueEmail("replica-lag");
    await signUp(email);
    const authtoken = await authtokenFor(email, STRONG_PASSWORD);
    const replica = laggingReplica(email);
    const response = await whoAmI(authtoken);
    expect(response.status).toBe(200);
    expect(replica).toHaveBeenCalled();
  });
});
