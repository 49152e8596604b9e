/**
 * Seeded pseudo-random numbers for the demo data. Every generator stage draws from its own
 * named stream (`createRandom(seed, 'villages')`), so adding or changing one stage never
 * shifts the numbers another stage sees. Never Math.random: the same seed must give
 * byte-identical outputs.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer uniform in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** exp(N(0, sigma)): a positive multiplier with median 1. */
  logNormal(sigma: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** Index drawn with probability proportional to weights (all ≥ 0, some > 0). */
  weightedIndex(weights: readonly number[]): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[];
}

const UINT32 = 0x1_0000_0000;

/** 128-bit seed material from a string (cyrb128), to seed sfc32. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: small, fast, passes PractRand; plenty for simulation. */
function sfc32(seed: [number, number, number, number]): () => number {
  let [a, b, c, d] = seed;
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / UINT32;
  };
}

/** Burn-in draws so that similar seeds do not start with correlated outputs. */
const WARM_UP_DRAWS = 15;

export function createRandom(seed: number, stream: string): Random {
  const source = sfc32(hashSeed(`${seed}:${stream}`));
  for (let i = 0; i < WARM_UP_DRAWS; i++) source();

  const random: Random = {
    next: source,
    uniform: (min, max) => min + (max - min) * source(),
    int: (min, max) => min + Math.floor(source() * (max - min + 1)),
    normal: () => {
      // 1 - u keeps the logarithm finite.
      const u = 1 - source();
      const v = source();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    logNormal: (sigma) => Math.exp(sigma * random.normal()),
    chance: (p) => source() < p,
    weightedIndex: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      if (!(total > 0)) throw new RangeError('weightedIndex needs at least one positive weight');
      let target = source() * total;
      for (let i = 0; i < weights.length; i++) {
        target -= weights[i] ?? 0;
        if (target < 0) return i;
      }
      // Floating-point leftovers land on the last positive weight.
      for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] ?? 0) > 0) return i;
      return weights.length - 1;
    },
    shuffled: (items) => {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(source() * (i + 1));
        const tmp = copy[i] as (typeof copy)[number];
        copy[i] = copy[j] as (typeof copy)[number];
        copy[j] = tmp;
      }
      return copy;
    },
  };
  return random;
}

/**
 * Many draws from one fixed discrete distribution: cumulative weights + binary search,
 * O(log n) per draw (1M groups at scale 100).
 */
export class WeightedSampler {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] ?? 0;
      if (!(w >= 0)) throw new RangeError(`weight ${i} is not a non-negative number`);
      sum += w;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  get isEmpty(): boolean {
    return !(this.total > 0);
  }

  sample(random: Random): number {
    if (this.isEmpty) throw new RangeError('cannot sample from an all-zero distribution');
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
