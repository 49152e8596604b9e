/**
 * A seeded pseudo-random generator (mulberry32), so every "random" filter combination and fuzz
 * input is the same on every run and a failure can be replayed.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (probability) => next() < probability,
  };
  return random;
}

const DAY_MS = 86_400_000;

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A random period inside [first, last]: sometimes a day, sometimes weeks, sometimes years. */
export function randomPeriod(random: Random, first: string, last: string): { from: string; to: string } {
  const start = Date.parse(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  const days = Math.round((end - start) / DAY_MS);
  const length = random.pick([0, 6, 30, 90, 365, 800, days]);
  const offset = random.int(0, Math.max(0, days - length));
  const from = start + offset * DAY_MS;
  return { from: isoDay(from), to: isoDay(Math.min(end, from + length * DAY_MS)) };
}
