import { describe, expect, it } from 'vitest';
import { giStarHotSpots, hotSpotWarnings } from '../../../server/analytics/hot-spots';

/** The 3×3 rook lattice of gi-star.test.ts: values 8 7 5 / 6 4 2 / 3 1 0. */
const VALUES = [8, 7, 5, 6, 4, 2, 3, 1, 0];
const ROOK = [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]];

describe('giStarHotSpots', () => {
  it('given the lattice without FDR, when analysed, then bins follow the hand-computed z-scores', () => {
    // z: ±2.324 (corners 0, 8) → ±2; ±1.960 (cells 1, 7, just below 1.960) → ±1; ±1.225, ±0.516, 0 → 0.
    expect(giStarHotSpots(VALUES, ROOK, { fdr: false }).map(({ bin }) => bin)).toEqual([2, 1, 0, 0, 0, 0, 0, -1, -2]);
  });

  it('given the lattice with FDR, when analysed, then only the two corners stay significant, at 90 %', () => {
    // Sorted p: 0.0201 ×2, 0.0500 ×2, 0.2207 ×2, 0.6056 ×2, 1. BH at 0.10: k = 2 passes (0.0201 ≤ 2·0.10/9
    // = 0.0222), k = 4 fails (0.0500 > 0.0444) → the corners. BH at 0.05: 0.0201 > 2·0.05/9 = 0.0111 → none.
    expect(giStarHotSpots(VALUES, ROOK, { fdr: true }).map(({ bin }) => bin)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, -1]);
  });
});

describe('hotSpotWarnings', () => {
  const features = giStarHotSpots(VALUES, ROOK, { fdr: false });

  it('given 9 units and 36 events, when checked, then only the unit count is too small', () => {
    expect(hotSpotWarnings(VALUES, features, 36).map(({ code }) => code)).toEqual(['few_units']);
  });

  it('given 29 events, when checked, then the event count is flagged too', () => {
    expect(hotSpotWarnings(VALUES, features, 29).map(({ code }) => code)).toEqual(['few_units', 'few_events']);
  });

  it('given an isolated unit, when checked, then its index is reported', () => {
    const withIsland = giStarHotSpots([...VALUES, 3], [...ROOK, []], { fdr: false });
    const warning = hotSpotWarnings([...VALUES, 3], withIsland, 40).find(({ code }) => code === 'isolated_units');
    expect(warning?.details).toEqual({ units: [9] });
  });

  it('given equal values everywhere, when checked, then no variation is reported', () => {
    const flat = VALUES.map(() => 2);
    expect(hotSpotWarnings(flat, giStarHotSpots(flat, ROOK, { fdr: false }), 40).map(({ code }) => code)).toContain('no_variation');
  });
});
