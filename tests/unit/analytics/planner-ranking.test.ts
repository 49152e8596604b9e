import { describe, expect, it } from 'vitest';
import { PLANNER_FACTORS } from '#contract';
import { defaultHouseholdsPerGroup, rankCommunes } from '../../../server/analytics/planner';
import { HIGH_NEED, LOW_NEED, SIX_COMMUNES } from './planner-fixture';
import { thrownCode } from './thrown-code';

describe('rankCommunes: the gap score', () => {
  it('given two communes differing in every input, when ranked with default weights, then the gap scores are +1 and −1', () => {
    // Each input standardises to ±1, so gap = Σ weights = 0.3 + 0.2 + 0.1 + 0.25 + 0.1 + 0.05 = 1 for the
    // needier, less covered commune, and −1 for the other.
    const [first, second] = rankCommunes([LOW_NEED, HIGH_NEED]).communes;
    expect(first!.code).toBe(HIGH_NEED.code);
    expect(first!.gapScore).toBeCloseTo(1, 12);
    expect(second!.gapScore).toBeCloseTo(-1, 12);
  });

  it('given the same two communes, when ranked, then "why" names the three largest contributions, largest first', () => {
    const why = rankCommunes([LOW_NEED, HIGH_NEED]).communes[0]!.why;
    expect(why.map(({ factor }) => factor)).toEqual(['incidents_per_1k_households', 'households_covered_share', 'hotspot_bin']);
    expect(why[0]!.contribution).toBeCloseTo(0.3, 12);
    expect(why[0]!.value).toBe(60); // (50 tips + 10 events) per 1,000 households
  });

  it('given the same two communes, when ranked, then the lower-ranked one is explained by what lowers its priority', () => {
    const why = rankCommunes([LOW_NEED, HIGH_NEED]).communes[1]!.why;
    expect(why.map(({ contribution }) => Math.sign(contribution))).toEqual([-1, -1, -1]);
  });

  it('given six communes, when ranked, then every row\'s contributions sum to its gap score', () => {
    for (const row of rankCommunes(SIX_COMMUNES).communes) {
      const sum = PLANNER_FACTORS.reduce((total, factor) => total + row.contributions[factor], 0);
      expect(sum).toBeCloseTo(row.gapScore, 12);
    }
  });

  it('given six communes, when ranked, then ranks run 1…6 in order of falling gap score', () => {
    const rows = rankCommunes(SIX_COMMUNES).communes;
    expect(rows.map(({ rank }) => rank)).toEqual([1, 2, 3, 4, 5, 6]);
    rows.slice(1).forEach((row, index) => expect(row.gapScore).toBeLessThanOrEqual(rows[index]!.gapScore));
  });

  it('given the six communes in reverse order, when ranked, then the ranking is the same', () => {
    const forward = rankCommunes(SIX_COMMUNES).communes.map(({ code }) => code);
    expect(rankCommunes([...SIX_COMMUNES].reverse()).communes.map(({ code }) => code)).toEqual(forward);
  });

  it('given two communes identical except for their codes, when ranked, then the lower code ranks first', () => {
    const twin = { ...SIX_COMMUNES[0]!, code: '08700' };
    const codes = rankCommunes([...SIX_COMMUNES, twin]).communes.map(({ code }) => code);
    expect(codes.indexOf('08700')).toBe(codes.indexOf('08707') - 1);
  });

  it('given all weight on the incident rate, when ranked, then the order is by tips + events per 1,000 households', () => {
    const rows = rankCommunes(SIX_COMMUNES, {
      incidents_per_1k_households: 1,
      hotspot_bin: 0,
      trend: 0,
      households_covered_share: 0,
      groups_per_1k_households: 0,
      models_per_1k_households: 0,
    }).communes;
    // 08710: 69/2.1 = 32.9; 08707: 107/4.2 = 25.5; 08722: 29/2.6 = 11.2; 08713: 32/3.3 = 9.7;
    // 08719: 45/5.1 = 8.8; 08716: 9/1.8 = 5.0.
    expect(rows.map(({ code }) => code)).toEqual(['08710', '08707', '08722', '08713', '08719', '08716']);
  });

  it('given all default weights doubled, when ranked, then the scores do not change (weights are relative)', () => {
    const doubled = rankCommunes(SIX_COMMUNES, {
      incidents_per_1k_households: 0.6,
      hotspot_bin: 0.4,
      trend: 0.2,
      households_covered_share: 0.5,
      groups_per_1k_households: 0.2,
      models_per_1k_households: 0.1,
    }).communes;
    rankCommunes(SIX_COMMUNES).communes.forEach((row, index) => expect(doubled[index]!.gapScore).toBeCloseTo(row.gapScore, 12));
  });

  it('given a commune with 8 tips and 1 event, when ranked, then it is flagged low-confidence (fewer than 20)', () => {
    const row = rankCommunes(SIX_COMMUNES).communes.find(({ code }) => code === '08716')!;
    expect(row.lowConfidence).toBe(true);
  });

  it('given exactly 20 tips + events, when ranked, then the commune is not low-confidence', () => {
    const rows = rankCommunes([{ ...LOW_NEED, tips: 19, events: 1 }, HIGH_NEED]).communes;
    expect(rows.find(({ code }) => code === LOW_NEED.code)!.lowConfidence).toBe(false);
  });
});

describe('rankCommunes: invalid input', () => {
  it('given more households in groups than households, when ranked, then it throws invalid_input', () => {
    expect(thrownCode(() => rankCommunes([{ ...LOW_NEED, householdsInGroups: 1001 }]))).toBe('invalid_input');
  });

  it('given a code listed twice, when ranked, then it throws invalid_input', () => {
    expect(thrownCode(() => rankCommunes([LOW_NEED, { ...HIGH_NEED, code: LOW_NEED.code }]))).toBe('invalid_input');
  });

  it('given a commune with 0 households, when ranked, then it throws invalid_input', () => {
    expect(thrownCode(() => rankCommunes([{ ...LOW_NEED, households: 0, householdsInGroups: 0 }]))).toBe('invalid_input');
  });

  it('given a negative weight, when ranked, then it throws invalid_input', () => {
    expect(thrownCode(() => rankCommunes(SIX_COMMUNES, { trend: -0.1 }))).toBe('invalid_input');
  });

  it('given an unknown weight name, when ranked, then it throws invalid_input', () => {
    expect(thrownCode(() => rankCommunes(SIX_COMMUNES, { crime: 1 }))).toBe('invalid_input');
  });
});

describe('defaultHouseholdsPerGroup', () => {
  it('given six communes, when the default is derived, then it is the median average group size, rounded', () => {
    // Average sizes 21.67, 22.5, 20, 20, 22.5, 21.67 → median (21.67 + 21.67)/2 = 21.67 → 22 households.
    expect(defaultHouseholdsPerGroup(SIX_COMMUNES)).toBe(22);
  });

  it('given no commune with groups, when the default is derived, then it is 20, the middle of 10–30 households', () => {
    expect(defaultHouseholdsPerGroup([{ ...LOW_NEED, groups: 0, householdsInGroups: 0 }])).toBe(20);
  });
});
