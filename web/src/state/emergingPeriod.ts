/**
 * Whether a period is long enough for emerging hot spots: the API cuts it into calendar years
 * (a partial first or last year is a slice too) and needs at least EMERGING_MIN_TIME_STEPS of
 * them, so the app does not ask for what would answer 400 and says so instead.
 */
import { EMERGING_MIN_TIME_STEPS, type Period } from '#contract';

export function calendarYears(period: Period): number {
  return Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4)) + 1;
}

export function hasEnoughYears(period: Period): boolean {
  return calendarYears(period) >= EMERGING_MIN_TIME_STEPS;
}
