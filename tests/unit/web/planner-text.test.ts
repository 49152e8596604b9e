import { describe, expect, it } from 'vitest';
import type { AllocationStepRow, PlannerRow, Units2025Response } from '#contract/api';
import type { UnitCollection } from '#contract/api';
import { createFormatters } from '../../../web/src/i18n/format';
import { translator } from '../../../web/src/i18n/i18n';
import { buildLegend } from '../../../web/src/legend/legendModel';
import { hatchImage, unmappedCommunes } from '../../../web/src/map/units2025Style';
import { stepRuns } from '../../../web/src/panels/planner/allocationSteps';
import { GROUPS_LIMITS, HOUSEHOLDS_PER_GROUP_LIMITS, parseWholeNumber } from '../../../web/src/panels/planner/scenarioInputs';
import { whyText } from '../../../web/src/panels/planner/whyText';
import { classIndex } from '#contract';
import { GAP_SCORE_BREAKS, gapScoreClasses } from '../../../web/src/style/gapScore';
import { GAP_SCORE_RAMP, UNMAPPED_HATCH_COLOR } from '../../../web/src/style/palettes';

const vi = { t: translator('vi'), fmt: createFormatters('vi') };
const en = { t: translator('en'), fmt: createFormatters('en') };

describe('the "why" column in words', () => {
  it.each([
    [
      { factor: 'incidents_per_1k_households' as const, contribution: 0.42, value: 81.706, standardised: 1.4 },
      'nhiều nguồn tin, vụ việc / 1.000 hộ: 81,7 (+0,42)',
      'many tips and events per 1,000 households: 81.7 (+0.42)',
    ],
    [
      // Coverage counts against the gap: a low share (below the mean) raises the priority.
      { factor: 'households_covered_share' as const, contribution: 0.421, value: 0.37307, standardised: -1.68 },
      'ít hộ tham gia tổ liên gia: 37,3% (+0,42)',
      'few households in groups: 37.3% (+0.42)',
    ],
    [
      { factor: 'households_covered_share' as const, contribution: -0.23, value: 0.852, standardised: 0.92 },
      'nhiều hộ đã vào tổ: 85,2% (-0,23)',
      'many households already in groups: 85.2% (-0.23)',
    ],
    [
      { factor: 'hotspot_bin' as const, contribution: 0.435, value: 2, standardised: 2.18 },
      'điểm nóng nguồn tin, tin cậy 95% (+0,44)',
      'tip hot spot, 95% confidence (+0.44)',
    ],
    [
      { factor: 'hotspot_bin' as const, contribution: -0.03, value: 0, standardised: -0.15 },
      'không phải điểm nóng nguồn tin (-0,03)',
      'not a tip hot spot (-0.03)',
    ],
    [
      { factor: 'trend' as const, contribution: 0.17, value: 1.72, standardised: 1.7 },
      'nguồn tin tăng nhanh hơn trung bình tỉnh: z = 1,72 (+0,17)',
      'tips rising faster than the province average: z = 1.72 (+0.17)',
    ],
    [
      // A rising series (z > 0) that rises less than most reads as "slower", not "falling".
      { factor: 'trend' as const, contribution: -0.1, value: 1.17, standardised: -0.4 },
      'nguồn tin tăng chậm hơn trung bình tỉnh (hoặc giảm): z = 1,17 (-0,10)',
      'tips rising slower than the province average (or falling): z = 1.17 (-0.10)',
    ],
  ])('names %o in both languages', (item, inVietnamese, inEnglish) => {
    expect(whyText(item, vi.t, vi.fmt)).toBe(inVietnamese);
    expect(whyText(item, en.t, en.fmt)).toBe(inEnglish);
  });
});

describe('gap score classes and legend', () => {
  it.each([
    [-1.5, 0],
    [-1, 0],
    [-0.6, 1],
    [0, 3],
    [0.2, 3],
    [0.21, 4],
    [0.9, 5],
    [2.02, 6],
  ])('places a gap score of %d in class %d of the fixed edges', (score, expected) => {
    expect(classIndex(score, GAP_SCORE_BREAKS)).toBe(expected);
  });

  it('gives the layer one value per ranked commune', () => {
    const rows = [{ code: '08740', gapScore: 2.02 }, { code: '08707', gapScore: -0.4 }] as PlannerRow[];
    expect(gapScoreClasses(rows).values).toEqual([
      { code: '08740', value: 2.02 },
      { code: '08707', value: -0.4 },
    ]);
  });

  it('in the planner, replaces the metric legend with the gap classes, highest first, open at both ends', () => {
    const [section] = buildLegend({ choropleth: null, planning: true, privacyK: 5, visibleLayers: new Set(['choropleth']), ...en });
    expect(section?.kind).toBe('swatches');
    if (section?.kind !== 'swatches') return;
    expect(section.title).toBe('Gap score (need against coverage)');
    expect(section.items.map((i) => i.label)).toEqual([
      '> +1.00',
      '+0.50 – +1.00',
      '+0.20 – +0.50',
      '-0.20 – +0.20',
      '-0.50 – -0.20',
      '-1.00 – -0.50',
      '≤ -1.00',
    ]);
    expect(section.items.map((i) => i.color)).toEqual([...GAP_SCORE_RAMP].reverse());
  });
});

describe("today's (2025) units", () => {
  const square = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
  const communes2019: UnitCollection = {
    type: 'FeatureCollection',
    features: ['08779', '08782', '08821'].map((code, i) => ({
      type: 'Feature',
      properties: { code, name: code, type: 'Xã', population: 1, households: 1, area_km2: 1 },
      geometry: square(i),
    })),
  };
  const units2025 = {
    type: 'FeatureCollection',
    name: 'units_2025',
    synthetic: false,
    features: [],
    unmapped: [
      { code: '08779', name: 'Bạch Lưu', reason: 'not documented' },
      { code: '08821', name: 'Nhạo Sơn', reason: 'not documented' },
    ],
    note: '',
    attribution: '',
  } as Units2025Response;

  it('draws the old communes the 2025 list leaves unmapped with their 2019 boundaries', () => {
    expect(unmappedCommunes(units2025, communes2019).features.map((f) => f.properties.code)).toEqual(['08779', '08821']);
  });

  it('hatches with 2-px diagonal lines every 8 px, transparent between them', () => {
    const { width, data } = hatchImage();
    const alpha = (x: number, y: number) => data[(y * width + x) * 4 + 3];
    expect([alpha(0, 0), alpha(1, 0), alpha(2, 0), alpha(7, 1), alpha(8, 0)]).toEqual([200, 200, 0, 200, 200]);
    expect([...data.subarray(0, 3)]).toEqual([...UNMAPPED_HATCH_COLOR]);
  });

  it('says in the legend how many units are drawn and how many old communes are not mapped', () => {
    const sections = buildLegend({ choropleth: null, units2025: { units: 36, unmapped: 7 }, privacyK: 5, visibleLayers: new Set(), ...en });
    const section = sections.find((s) => s.id === 'units2025');
    expect(section?.kind === 'swatches' && section.items.map((i) => [i.pattern, i.label])).toEqual([
      ['dashedLine', "Today's commune and ward boundaries (36 units)"],
      ['hatch', 'Not mapped: receiving unit not documented (7 old communes)'],
    ]);
  });
});

describe('allocation steps and scenario inputs', () => {
  const step = (n: number, code: string, gain: number, cumulative: number): AllocationStepRow => ({
    step: n,
    code,
    name: code,
    district_name: null,
    newlyCoveredHouseholds: gain,
    needMultiplier: 2,
    weightedGain: 2 * gain,
    cumulativeNewlyCovered: cumulative,
  });

  it('groups consecutive equal steps to one commune into runs, and a smaller last group starts a new run', () => {
    const runs = stepRuns([step(1, 'A', 20, 20), step(2, 'A', 20, 40), step(3, 'A', 16, 56), step(4, 'B', 20, 76)]);
    expect(runs.map((r) => [r.firstStep, r.lastStep, r.code, r.newlyCoveredHouseholds, r.cumulativeNewlyCovered])).toEqual([
      [1, 2, 'A', 20, 40],
      [3, 3, 'A', 16, 56],
      [4, 4, 'B', 20, 76],
    ]);
  });

  it.each([
    ['0', GROUPS_LIMITS, 0],
    ['5000', GROUPS_LIMITS, 5000],
    ['5001', GROUPS_LIMITS, null],
    ['2.5', GROUPS_LIMITS, null],
    ['-1', GROUPS_LIMITS, null],
    ['', GROUPS_LIMITS, null],
    ['4', HOUSEHOLDS_PER_GROUP_LIMITS, null],
    ['60', HOUSEHOLDS_PER_GROUP_LIMITS, 60],
  ])('reads "%s" as %s', (text, limits, expected) => {
    expect(parseWholeNumber(text, limits)).toBe(expected);
  });
});
