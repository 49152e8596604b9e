import { describe, expect, it } from 'vitest';
import type { ProtectedCell } from '../../../server/privacy/perturbation';
import { sumOfCells } from '../../../server/privacy/protected-sum';

const PARAMETERS = { threshold: 5, noiseBound: 3 };
const zero: ProtectedCell = { kind: 'zero' };
const hidden: ProtectedCell = { kind: 'hidden' };
const published = (value: number): ProtectedCell => ({ kind: 'published', value });

describe('sums of protected cells', () => {
  it('given only published and zero cells, then the plain sum of the published values, not estimated', () => {
    expect(sumOfCells([published(7), zero, published(12)], PARAMETERS, 'distinct')).toEqual({ value: 19, estimate: 19 });
  });

  it('given only zero cells, then 0', () => {
    expect(sumOfCells([zero, zero], PARAMETERS, 'distinct')).toEqual({ value: 0, estimate: 0 });
  });

  it('given one hidden cell alone, then the sum is hidden like the cell (its stand-in 2.5 is below 5)', () => {
    expect(sumOfCells([hidden, zero], PARAMETERS, 'distinct')).toEqual({ value: null, estimate: 2.5 });
  });

  it('given hidden cells beside published ones, then each counts as 2.5 and the rounded sum is marked estimated', () => {
    expect(sumOfCells([published(9), hidden, hidden], PARAMETERS, 'distinct')).toEqual({ value: 14, estimated: true, estimate: 14 });
  });

  it('given the difference of two sums that differ by one hidden cell, then it is the stand-in, whatever the hidden count is', () => {
    const longer = sumOfCells([published(9), published(6), hidden], PARAMETERS, 'distinct');
    const shorter = sumOfCells([published(9), published(6)], PARAMETERS, 'distinct');
    expect(longer.estimate - shorter.estimate).toBe(2.5);
  });

  it('given a table that merges empty cells with small ones, then those count as nothing and a sum of them alone is hidden', () => {
    expect(sumOfCells([published(8), hidden, hidden], PARAMETERS, 'merged')).toEqual({ value: 8, estimated: true, estimate: 8 });
    expect(sumOfCells([hidden, hidden, hidden], PARAMETERS, 'merged')).toEqual({ value: null, estimate: 0 });
  });
});
