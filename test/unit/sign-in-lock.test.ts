/** The sign-in lock's schedule (invariant 12): four free failures, then 5, 10 … 25 minutes, never more. */
import { describe, expect, it } from "vitest";
import { lockDurationMs } from "../../src/domain/sign-in";
import { MINUTE } from "../helpers";

describe("lockDurationMs", () => {
  it.each([
    [0, 0],
    [1, 0],
    [4, 0],
    [5, 5 * MINUTE],
    [6, 10 * MINUTE],
    [7, 15 * MINUTE],
    [8, 20 * MINUTE],
    [9, 25 * MINUTE],
    [10, 25 * MINUTE],
    [1_000_000, 25 * MINUTE],
  ])("after %i consecutive failures: %i ms", (failures, ms) => {
    expect(lockDurationMs(failures)).toBe(ms);
  });
});
