import { describe, expect, it } from 'vitest';
import { confidenceBin, confidenceBins, countSignificant, fdrConfidenceBins } from '../../../server/analytics/confidence-bins';
import { twoSidedPValue } from '../../../server/analytics/normal';

const withP = (zScores: number[]) => zScores.map((z) => ({ z, p: twoSidedPValue(z) }));

describe('confidenceBin', () => {
  it.each([
    [2.576, 3],
    [2.5759, 2],
    [1.96, 2],
    [1.9595917942265424, 1], // the 3×3 lattice's edge cell in gi-star.test.ts
    [1.645, 1],
    [1.6449, 0],
    [0, 0],
    [-1.645, -1],
    [-1.96, -2],
    [-3.1, -3],
  ])('given z = %s, when binned, then the bin is %s', (z, bin) => {
    expect(confidenceBin(z)).toBe(bin);
  });

  it('given several z-scores, when binned together, then each gets its own bin', () => {
    expect(confidenceBins([2.32379000772445, -0.5, -2.0])).toEqual([2, 0, -2]);
  });
});

describe('fdrConfidenceBins', () => {
  it('given one z = 2.0 among nine zeros, when FDR-corrected, then it loses its 95 % bin', () => {
    // p(2.0) = 0.0455; with m = 10 the smallest BH threshold is α/10, so 0.0455 is rejected at no level.
    const results = withP([2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(confidenceBins(results.map(({ z }) => z))[0]).toBe(2);
    expect(fdrConfidenceBins(results)[0]).toBe(0);
  });

  it('given four z = ±3 among five units, when FDR-corrected, then they keep ±3', () => {
    // p(3) = 0.0027 ≤ 4·0.01/5 = 0.008, so BH at 0.01 rejects all four.
    expect(fdrConfidenceBins(withP([3, 3, -3, 3, 0]))).toEqual([3, 3, -3, 3, 0]);
  });

  it('given z = 1.6449 everywhere (p just under 0.10), when FDR-corrected, then the bin stays 0 like the uncorrected one', () => {
    // BH at 0.10 alone would reject all five (p ≤ 5·0.10/5), but |z| < 1.645: FDR never adds significance.
    expect(twoSidedPValue(1.6449)).toBeLessThan(0.1);
    expect(fdrConfidenceBins(withP([1.6449, 1.6449, 1.6449, 1.6449, 1.6449]))).toEqual([0, 0, 0, 0, 0]);
  });

  it('given 200 pseudo-random z-sets, when binned both ways, then no unit is ever more significant with FDR', () => {
    let seed = 20221025;
    const nextUniform = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let set = 0; set < 200; set += 1) {
      const zScores = Array.from({ length: 30 }, () => (nextUniform() - 0.5) * 8);
      const uncorrected = confidenceBins(zScores);
      const corrected = fdrConfidenceBins(withP(zScores));
      corrected.forEach((bin, unit) => {
        expect(Math.abs(bin)).toBeLessThanOrEqual(Math.abs(uncorrected[unit]!));
        if (bin !== 0) expect(Math.sign(bin)).toBe(Math.sign(uncorrected[unit]!));
      });
    }
  });
});

describe('countSignificant', () => {
  it('given bins, when counted, then hot and cold units are counted separately', () => {
    expect(countSignificant([3, 1, 0, -2, 0, 2])).toEqual({ hot: 3, cold: 1 });
  });
});
