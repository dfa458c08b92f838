/**
 * Per-test hygiene for every file: spies are restored before each test (`restoreMocks` in vitest.config.ts),
 * each test ends on the real clock, and no spy outlives its file.
 */
import { afterAll, afterEach, vi } from "vitest";

afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => {
  vi.restoreAllMocks();
});
