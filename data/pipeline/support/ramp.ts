/**
 * Founding dates that follow a year-by-year ramp: each year of the period gets a relative
 * weight, spread evenly over that year's days inside the period. Sampling can start later
 * than the period (a commune's launch date): the ramp is then truncated, not shifted.
 */
import type { Random } from './prng';
import { startOfYear, yearOfDay } from './dates';

interface Segment {
  start: number;
  end: number;
  weightPerDay: number;
}

export class YearRamp {
  private readonly segments: Segment[];

  constructor(
    yearWeights: Readonly<Record<string, number>>,
    private readonly period: { start: number; end: number },
  ) {
    this.segments = [];
    for (let year = yearOfDay(period.start); year <= yearOfDay(period.end); year++) {
      const start = Math.max(period.start, startOfYear(year));
      const end = Math.min(period.end, startOfYear(year + 1) - 1);
      const weight = yearWeights[String(year)] ?? 0;
      this.segments.push({ start, end, weightPerDay: weight / (end - start + 1) });
    }
  }

  /** A day in [max(from, period start), period end], density following the ramp. */
  sample(random: Random, from: number = this.period.start): number {
    const lower = Math.max(from, this.period.start);
    const masses = this.segments.map((s) => (s.end < lower ? 0 : (s.end - Math.max(s.start, lower) + 1) * s.weightPerDay));
    if (!masses.some((m) => m > 0)) {
      // The ramp has no weight left after `from` (e.g. launch in a zero-weight year): uniform.
      return random.int(lower, this.period.end);
    }
    const segment = this.segments[random.weightedIndex(masses)]!;
    return random.int(Math.max(segment.start, lower), segment.end);
  }
}
