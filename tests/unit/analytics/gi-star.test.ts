import { describe, expect, it } from 'vitest';
import { giStar } from '../../../server/analytics/gi-star';
import { thrownCode } from './thrown-code';

/*
 * A 3×3 lattice, cells numbered row by row:     values:
 *   0 1 2                                          8 7 5
 *   3 4 5                                          6 4 2
 *   6 7 8                                          3 1 0
 * n = 9, Σx = 36, X̄ = 4, Σx² = 204, S² = 204/9 − 16 = 20/3, S = √(20/3).
 */
const LATTICE_VALUES = [8, 7, 5, 6, 4, 2, 3, 1, 0];
/** Rook contiguity (shared edges), self not listed. */
const ROOK = [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]];
/** Queen contiguity (shared edges or corners), self not listed. */
const QUEEN = [
  [1, 3, 4],
  [0, 2, 3, 4, 5],
  [1, 4, 5],
  [0, 1, 4, 6, 7],
  [0, 1, 2, 3, 5, 6, 7, 8],
  [1, 2, 4, 7, 8],
  [3, 4, 7],
  [3, 4, 5, 6, 8],
  [4, 5, 7],
];

describe('giStar on a 3×3 rook lattice (hand-computed)', () => {
  const results = giStar(LATTICE_VALUES, ROOK);

  it('given the top-left corner, when Gi* is computed, then z = 9/√15', () => {
    // W = Σw = 3 (self + cells 1 and 3); Σwx = 8 + 7 + 6 = 21; X̄·W = 12; numerator = 9.
    // (n·W − W²)/(n − 1) = (27 − 9)/8 = 2.25, √ = 1.5; denominator = √(20/3)·1.5 = √15.
    // z = 9/√15 = 2.32379000772445; two-sided p = 0.02013675155034634.
    expect(results[0]!.z).toBeCloseTo(2.32379000772445, 12);
    expect(results[0]!.p).toBeCloseTo(0.02013675155034634, 12);
  });

  it('given the top edge cell, when Gi* is computed, then z = 8/√(50/3), just under 1.96', () => {
    // W = 4; Σwx = 7 + 8 + 5 + 4 = 24; X̄·W = 16; numerator = 8.
    // (36 − 16)/8 = 2.5; denominator = √(20/3)·√2.5 = √(50/3); z = 1.9595917942265424.
    expect(results[1]!.z).toBeCloseTo(1.9595917942265424, 12);
    expect(results[1]!.p).toBeCloseTo(0.050043521248705106, 12);
  });

  it('given the centre, when its neighbourhood mean equals the global mean, then z = 0', () => {
    // W = 5; Σwx = 4 + 7 + 6 + 2 + 1 = 20 = X̄·W.
    expect(results[4]!.z).toBe(0);
    expect(results[4]!.p).toBe(1);
  });

  it('given the lattice, when Gi* is computed for every cell, then all nine z-scores match the hand values', () => {
    const cornerZ = 9 / Math.sqrt(15);
    const edgeUnit = 1 / Math.sqrt(50 / 3);
    const expected = [cornerZ, 8 * edgeUnit, (2 / 9) * cornerZ, 5 * edgeUnit, 0, -5 * edgeUnit, (-2 / 9) * cornerZ, -8 * edgeUnit, -cornerZ];
    results.forEach((result, cell) => expect(result.z).toBeCloseTo(expected[cell]!, 12));
  });

  it('given rook neighbours, when Gi* is computed, then each result reports its neighbour count without the cell itself', () => {
    expect(results.map((result) => result.neighbourCount)).toEqual([2, 3, 2, 3, 4, 3, 2, 3, 2]);
  });
});

describe('giStar on a 3×3 queen lattice', () => {
  it('given the top-left corner with 3 queen neighbours, when Gi* is computed, then z = 9/√(50/3)', () => {
    // W = 4; Σwx = 8 + 7 + 6 + 4 = 25; X̄·W = 16; numerator = 9; denominator √(50/3).
    expect(giStar(LATTICE_VALUES, QUEEN)[0]!.z).toBeCloseTo(2.2045407685048604, 12);
  });

  it('given the centre neighbouring every cell, when Gi* is computed, then z = 0 and p = 1 instead of 0/0', () => {
    // W = n = 9: numerator Σx − X̄·n = 0 and denominator √((81 − 81)/8) = 0.
    expect(giStar(LATTICE_VALUES, QUEEN)[4]).toEqual({ z: 0, p: 1, neighbourCount: 8 });
  });
});

describe('giStar agrees with the PySAL esda G_Local(star=True) moment formulation', () => {
  it('given irregular values and neighbours, when z is computed both ways, then they agree to 1e-12', () => {
    // esda: G = Σwx/Σx, E[G] = W/n, Var[G] = W(n − W)/(n − 1) · (1/n²) · S²/X̄², z = (G − E)/√Var.
    const values = [12, 3, 0, 7, 25, 4, 9, 1, 16, 2, 5];
    const neighbours = [[1, 4], [0, 2, 5], [1], [4, 8], [0, 3, 8, 10], [1, 6], [5, 7], [6], [3, 4, 9], [8], [4]];
    const n = values.length;
    const sum = values.reduce((a, b) => a + b, 0);
    const mean = sum / n;
    const variance = values.reduce((a, b) => a + b * b, 0) / n - mean * mean;
    const expected = neighbours.map((list, i) => {
      const weight = list.length + 1;
      const g = (values[i]! + list.reduce((a, j) => a + values[j]!, 0)) / sum;
      const varianceOfG = ((weight * (n - weight)) / (n - 1)) * (1 / (n * n)) * (variance / (mean * mean));
      return (g - weight / n) / Math.sqrt(varianceOfG);
    });
    giStar(values, neighbours).forEach((result, i) => expect(result.z).toBeCloseTo(expected[i]!, 12));
  });
});

describe('giStar edge cases', () => {
  it('given all values equal, when Gi* is computed, then every z is 0 and every p is 1', () => {
    expect(giStar([5, 5, 5], [[1], [0, 2], [1]]).map(({ z, p }) => [z, p])).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
  });

  it('given an isolated unit, when Gi* is computed, then its z is its standardised value (xᵢ − X̄)/S', () => {
    // values 1, 2, 3, 4, 10: X̄ = 4, S² = (9 + 4 + 1 + 0 + 36)/5 = 10; unit 4 alone: z = 6/√10.
    const result = giStar([1, 2, 3, 4, 10], [[1], [0, 2], [1, 3], [2], []])[4]!;
    expect(result.z).toBeCloseTo(1.8973665961010275, 12);
    expect(result.neighbourCount).toBe(0);
  });

  it('given a neighbour listed twice, when Gi* is computed, then it counts once (binary weights)', () => {
    expect(giStar(LATTICE_VALUES, [[1, 3, 1], ...ROOK.slice(1)])[0]!.z).toBeCloseTo(9 / Math.sqrt(15), 12);
  });

  it('given a unit listed as its own neighbour, when Gi* is computed, then it throws invalid_neighbours', () => {
    expect(thrownCode(() => giStar([1, 2], [[0, 1], [0]]))).toBe('invalid_neighbours');
  });

  it('given a neighbour index out of range, when Gi* is computed, then it throws invalid_neighbours', () => {
    expect(thrownCode(() => giStar([1, 2], [[2], [0]]))).toBe('invalid_neighbours');
  });

  it('given a NaN value, when Gi* is computed, then it throws invalid_input', () => {
    expect(thrownCode(() => giStar([1, Number.NaN], [[1], [0]]))).toBe('invalid_input');
  });

  it('given fewer neighbour lists than values, when Gi* is computed, then it throws invalid_input', () => {
    expect(thrownCode(() => giStar([1, 2, 3], [[1], [0]]))).toBe('invalid_input');
  });
});
