/**
 * Bounds of the what-if and allocation inputs. They mirror the server's validation
 * (server/routes/planner.ts, which does not export them): the form says what is allowed before
 * sending, and the server still checks, answering 400 with its own message if they ever drift.
 */

export interface WholeNumberLimits {
  min: number;
  max: number;
}

/** New groups per request: 0 (nothing changes) up to 5,000, half the current network. */
export const GROUPS_LIMITS: WholeNumberLimits = { min: 0, max: 5_000 };
/** Households a new group brings in: Tổ liên gia have 10–30; the server allows 5–60. */
export const HOUSEHOLDS_PER_GROUP_LIMITS: WholeNumberLimits = { min: 5, max: 60 };

/** A whole number within the limits, or null ("", "2.5", "-1", "1e9" are not). */
export function parseWholeNumber(text: string, limits: WholeNumberLimits): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= limits.min && value <= limits.max ? value : null;
}
