import { describe, expect, it } from 'vitest';
import { confidenceBins, type ConfidenceBin } from '../../../server/analytics/confidence-bins';
import { classifyEmergingPattern, emergingHotSpots, MIN_TIME_STEPS } from '../../../server/analytics/emerging-hotspots';
import { thrownCode } from './thrown-code';

/** A unit's series from its yearly Gi* z-scores, binned without FDR. */
const fromZ = (z: number[]) => ({ z, bins: confidenceBins(z) });

const RISING_HOT = [2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9];
const FALLING_HOT = [...RISING_HOT].reverse();
/** Hot every year, no trend: S = −2, Var = (2250 − 3·18)/18 = 122 (three tied pairs), p = 0.93. */
const STEADY_HOT = [2.5, 2.1, 2.6, 2.0, 2.4, 2.2, 2.5, 2.1, 2.3, 2.4];

describe('classifyEmergingPattern: hot spots', () => {
  it.each([
    ['new_hot_spot', 'hot only in the final step', [0.2, -0.1, 0.3, 0.1, 2.1]],
    ['consecutive_hot_spot', 'one uninterrupted final run of two hot steps', [0.1, 0.3, -0.2, 2.0, 2.7]],
    ['intensifying_hot_spot', 'hot in all 10 steps with z rising significantly', RISING_HOT],
    ['persistent_hot_spot', 'hot in all 10 steps with no trend in z', STEADY_HOT],
    ['diminishing_hot_spot', 'hot in all 10 steps with z falling significantly', FALLING_HOT],
    ['sporadic_hot_spot', 'hot on and off (3 of 6), hot at the end, never cold', [1.7, 0.2, 0.5, 1.8, 0.9, 1.7]],
    ['oscillating_hot_spot', 'hot at the end after a cold spot (not "new")', [-2.1, 0.0, 0.4, 0.2, 2.2]],
    ['historical_hot_spot', 'hot in 9 of 10 steps but not the last', [2.2, 2.4, 2.1, 2.5, 2.3, 2.2, 2.6, 2.4, 2.1, 0.8]],
    ['no_pattern', 'hot once in the middle, not at the end', [0.1, 1.8, 0.2, 0.3, 0.1]],
  ] as const)('given %s series (%s), when classified, then the pattern is as named', (pattern, _story, z) => {
    expect(classifyEmergingPattern(fromZ([...z])).pattern).toBe(pattern);
  });

  it('given the rising series, when classified, then the Mann–Kendall trend is reported with it', () => {
    // 10 strictly rising values: S = 45, Var = 10·9·25/18 = 125, z = 44/√125 = 3.9355.
    const { trend, hotSteps, coldSteps, timeSteps } = classifyEmergingPattern(fromZ(RISING_HOT));
    expect(trend.s).toBe(45);
    expect(trend.z).toBeCloseTo(44 / Math.sqrt(125), 12);
    expect([hotSteps, coldSteps, timeSteps]).toEqual([10, 0, 10]);
  });

  it('given hot in exactly 9 of 10 steps including the last, when classified, then the 90 % rule makes it persistent', () => {
    expect(classifyEmergingPattern(fromZ([0.5, ...STEADY_HOT.slice(1)])).pattern).toBe('persistent_hot_spot');
  });

  it('given hot in 8 of 10 steps including the last, when classified, then it falls below 90 % and is sporadic', () => {
    const z = [0.5, ...STEADY_HOT.slice(1)];
    z[4] = 0.3;
    expect(classifyEmergingPattern(fromZ(z)).pattern).toBe('sporadic_hot_spot');
  });
});

describe('classifyEmergingPattern: cold spots mirror hot spots', () => {
  const negate = (z: readonly number[]) => z.map((value) => -value);

  it.each([
    ['new_cold_spot', [0.2, -0.1, 0.3, 0.1, -2.1]],
    ['consecutive_cold_spot', [0.1, 0.3, -0.2, -2.0, -2.7]],
    ['intensifying_cold_spot', negate(RISING_HOT)],
    ['persistent_cold_spot', negate(STEADY_HOT)],
    ['diminishing_cold_spot', negate(FALLING_HOT)],
    ['sporadic_cold_spot', [-1.7, -0.2, -0.5, -1.8, -0.9, -1.7]],
    ['oscillating_cold_spot', [2.1, 0.0, -0.4, -2.0, -2.2]],
    ['historical_cold_spot', [-2.2, -2.4, -2.1, -2.5, -2.3, -2.2, -2.6, -2.4, -2.1, -0.8]],
  ] as const)('given a %s series, when classified, then the pattern is as named', (pattern, z) => {
    expect(classifyEmergingPattern(fromZ([...z])).pattern).toBe(pattern);
  });
});

describe('classifyEmergingPattern: input rules', () => {
  it('given FDR-corrected bins that drop a step, when classified, then the bins, not z, decide significance', () => {
    const bins: ConfidenceBin[] = [0, 0, 0, 0, 2];
    expect(classifyEmergingPattern({ z: [2.2, 2.3, 2.1, 2.4, 2.5], bins }).pattern).toBe('new_hot_spot');
  });

  it(`given ${MIN_TIME_STEPS - 1} time steps, when classified, then it throws too_few_time_steps`, () => {
    expect(thrownCode(() => classifyEmergingPattern(fromZ([0, 0, 0, 2.1])))).toBe('too_few_time_steps');
  });

  it('given more z-scores than bins, when classified, then it throws inconsistent_time_slices', () => {
    expect(thrownCode(() => classifyEmergingPattern({ z: [0, 0, 0, 0, 2.1, 2.2], bins: [0, 0, 0, 0, 2] }))).toBe('inconsistent_time_slices');
  });

  it('given a bin of 4, when classified, then it throws invalid_input', () => {
    expect(thrownCode(() => classifyEmergingPattern({ z: [0, 0, 0, 0, 3], bins: [0, 0, 0, 0, 4 as ConfidenceBin] }))).toBe('invalid_input');
  });
});

describe('emergingHotSpots over time slices', () => {
  // Three units, five yearly slices (oldest first): unit 0 becomes hot in the last year, unit 1 is
  // cold throughout with z falling, unit 2 never significant.
  const zByYear = [
    [0.1, -2.0, 0.3],
    [0.2, -2.2, -0.4],
    [-0.3, -2.5, 0.6],
    [0.4, -2.7, 0.2],
    [2.3, -3.0, -0.1],
  ];
  const slices = zByYear.map(fromZ);

  it('given five slices, when analysed, then each unit gets its own pattern', () => {
    expect(emergingHotSpots(slices).map(({ pattern }) => pattern)).toEqual(['new_hot_spot', 'intensifying_cold_spot', 'no_pattern']);
  });

  it('given a slice with a missing unit, when analysed, then it throws inconsistent_time_slices', () => {
    const broken = [...slices.slice(0, 4), fromZ([2.3, -3.0])];
    expect(thrownCode(() => emergingHotSpots(broken))).toBe('inconsistent_time_slices');
  });

  it('given four slices, when analysed, then it throws too_few_time_steps', () => {
    expect(thrownCode(() => emergingHotSpots(slices.slice(0, 4)))).toBe('too_few_time_steps');
  });
});
