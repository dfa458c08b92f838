/** Durations, written once. Every clock reading is taken at the edge and passed down as `now` (epoch ms). */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** ISO-8601 for a `now`, the form D1 rows and the wire format use. */
export function isoTime(now: number): string {
  return new Date(now).toISOString();
}
