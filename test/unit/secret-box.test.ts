/**
 * Sealing (src/core/secret-box.ts): a sealed secret opens only for the owner it was sealed for, under a key
 * the Worker holds, unaltered (issue 29: each refusal of `open` has a test).
 */
import { describe, expect, it } from "vitest";
import { open, parseSealingKey, seal } from "../../src/core/secret-box";

const KEY = parseSealingKey(btoa("a-32-byte-sealing-key-for-tests!"))!;
const OTHER = parseSealingKey(btoa("another-32-byte-key-for-tests!!!"))!;
const SECRET = new TextEncoder().encode("an authenticator key");

describe("open", () => {
  it("opens what was sealed for the same owner, with the key that sealed it", async () => {
    const sealed = await seal(KEY, SECRET, "user-a");
    expect((await open([OTHER, KEY], sealed, "user-a"))?.plaintext).toEqual(SECRET);
  });

  // Attack: a sealed key copied from one account's row to another's (or a setup cookie moved between
  // accounts, or its expiry edited) must not open there.
  it("refuses another owner", async () => {
    expect(await open([KEY], await seal(KEY, SECRET, "user-a"), "user-b")).toBeNull();
  });

  it("refuses a key it does not hold, an altered ciphertext, and anything malformed", async () => {
    const sealed = await seal(KEY, SECRET, "user-a");
    expect(await open([OTHER], sealed, "user-a")).toBeNull();
    const parts = sealed.split(".");
    const last = parts[3]!;
    parts[3] = `${last.slice(0, -2)}${last.at(-2) === "A" ? "B" : "A"}${last.at(-1)}`;
    expect(await open([KEY], parts.join("."), "user-a")).toBeNull();
    for (const bad of ["", "v1", `v2.${sealed.slice(3)}`, "v1.x.y"])
      expect(await open([KEY], bad, "user-a")).toBeNull();
  });
});
