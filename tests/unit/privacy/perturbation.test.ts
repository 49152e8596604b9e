import { describe, expect, it } from 'vitest';
import { CELL_KEY_RANGE, noiseOf, perturb } from '../../../server/privacy/perturbation';

const PARAMETERS = { threshold: 5, noiseBound: 3 };
/** Evenly spread cell keys: the noise distribution as all keys see it. */
const KEYS = Array.from({ length: 16_000 }, (_, i) => Math.floor(((i + 0.5) / 16_000) * CELL_KEY_RANGE));

describe('the perturbation table', () => {
  it('given no records, then the cell is zero whatever its key', () => {
    expect(perturb(0, 12345, PARAMETERS)).toEqual({ kind: 'zero' });
  });

  it.each([1, 2, 3, 4])('given a true count of %i (below the threshold 5), then it is hidden for every key', (count) => {
    expect(KEYS.every((key) => perturb(count, key, PARAMETERS).kind === 'hidden')).toBe(true);
  });

  it.each([5, 6, 7, 8, 20, 400])('given a true count of %i, then the published value is never below 5 and at most 3 away', (count) => {
    const values = KEYS.map((key) => perturb(count, key, PARAMETERS)).map((cell) => (cell.kind === 'published' ? cell.value : NaN));
    expect(values.every((v) => v >= 5 && Math.abs(v - count) <= 3)).toBe(true);
  });

  it('given the same count and key twice, then the same value: a repeated query learns nothing', () => {
    expect(perturb(17, 987_654_321, PARAMETERS)).toEqual(perturb(17, 987_654_321, PARAMETERS));
  });

  it('given evenly spread keys, then the noise is triangular on −3…3 with weights 1,2,3,4,3,2,1 (mean 0, variance 2.5)', () => {
    const noise = KEYS.map((key) => noiseOf(key, 3));
    const share = (n: number) => noise.filter((x) => x === n).length / noise.length;
    expect([-3, -2, -1, 0, 1, 2, 3].map((n) => Math.round(share(n) * 16 * 1000) / 1000)).toEqual([1, 2, 3, 4, 3, 2, 1]);
    const mean = noise.reduce((a, b) => a + b, 0) / noise.length;
    const variance = noise.reduce((a, b) => a + (b - mean) ** 2, 0) / noise.length;
    expect(mean).toBeCloseTo(0, 6);
    expect(variance).toBeCloseTo(2.5, 6);
  });

  it('given a count well above the threshold, then the published values average to the true count over all keys (no bias)', () => {
    const values = KEYS.map((key) => perturb(40, key, PARAMETERS)).map((cell) => (cell.kind === 'published' ? cell.value : 0));
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(40, 6);
  });

  it('given the largest key, then the noise is the largest', () => {
    expect(noiseOf(CELL_KEY_RANGE - 1, 3)).toBe(3);
    expect(noiseOf(0, 3)).toBe(-3);
  });
});
