/** Durations, written once. Every clock reading is taken at the edge and passed down as `now` (epoch ms). */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** ISO-8601 for a `now`, the form D1 rows and the wire format use. */
export function isoTime(now: number): string {
  return new Date(now).toISOString();
}

/** "60 minutes", "1 minute", "24 hours", "90 minutes": as people say a link's lifetime. */
export function describeMinutes(minutes: number): string {
  if (minutes % 60 === 0 && minutes > 60) return `${minutes / 60} hours`;
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
