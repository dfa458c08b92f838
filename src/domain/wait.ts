/** How long someone must wait, in words: "1 second", "45 seconds", "5 minutes" (rounded up). */
import { MINUTE_MS, SECOND_MS } from "../core/time";

/** `ms` rounded up to whole seconds under a minute, else to whole minutes. */
export function describeWait(ms: number): string {
  if (ms < MINUTE_MS) {
    const seconds = Math.max(1, Math.ceil(ms / SECOND_MS));
    return seconds === 1 ? "1 second" : `${seconds} seconds`;
  }
  const minutes = Math.ceil(ms / MINUTE_MS);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
