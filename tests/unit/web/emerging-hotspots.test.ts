/**
 * The emerging hot-spot view's pure parts: the fixed pattern palette (hot reds, cold blues, all
 * distinct), the legend built from an answer (only the patterns it contains, in order, with
 * counts and the drawn colours; a sentence instead when the period is too short), the period
 * rule, the layer exclusivity with the other commune fills, and that viewers never get the layer.
 */
import { describe, expect, it } from 'vitest';
import { EMERGING_MIN_TIME_STEPS, EMERGING_PATTERNS, type EmergingPattern } from '#contract';
import type { EmergingFeature, EmergingResponse } from '#contract/api';
import { createFormatters } from '../../../web/src/i18n/format';
import { translator } from '../../../web/src/i18n/i18n';
import vi from '../../../web/src/i18n/vi.json';
import en from '../../../web/src/i18n/en.json';
import { patternCounts } from '../../../web/src/legend/emergingCounts';
import { EMERGING_PATTERN_KEYS } from '../../../web/src/legend/emergingText';
import { buildLegend } from '../../../web/src/legend/legendModel';
import { DEFAULT_STATE, toggleLayer } from '../../../web/src/state/atlasState';
import { calendarYears, hasEnoughYears } from '../../../web/src/state/emergingPeriod';
import { canSeeLayer, restrictToRole } from '../../../web/src/state/permissions';
import { EMERGING_NO_PATTERN_ALPHA, EMERGING_PATTERN_ALPHA, EMERGING_PATTERN_COLORS, emergingFill } from '../../../web/src/style/emergingPalette';

const WHOLE = { from: '2017-01-01', to: '2022-10-25' };
const t = translator('vi');
const fmt = createFormatters('vi');

function feature(code: string, pattern: EmergingPattern): EmergingFeature {
  return {
    code,
    name: code,
    pattern,
    trend: { n: 6, s: 9, variance: 28.33, z: 1.5, p: 0.13, trend: 'no_trend' },
    hot_steps: 2,
    cold_steps: 0,
    bins: [0, 0, 0, 0, 2, 3],
    z: [0.1, 0.2, 0.3, 0.4, 2.1, 2.9],
  };
}

const answer: EmergingResponse = {
  method: 'emerging_hot_spot',
  weights: 'queen',
  layer: 'tips',
  fdr: true,
  period: WHOLE,
  inputs: 'published_counts',
  slices: [2017, 2018, 2019, 2020, 2021].map((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` })).concat([{ from: '2022-01-01', to: '2022-10-25' }]),
  min_time_steps: EMERGING_MIN_TIME_STEPS,
  features: [
    feature('1', 'no_pattern'),
    feature('2', 'sporadic_cold_spot'),
    feature('3', 'consecutive_hot_spot'),
    feature('4', 'no_pattern'),
    feature('5', 'consecutive_hot_spot'),
    feature('6', 'new_hot_spot'),
  ],
  synthetic: true,
  protection: {
    method: 'cell_key',
    threshold: 5,
    noise_bound: 2,
    calendar: 'calendar_years',
    reportable: true,
    exact: 'none',
    note: { vi: 'Số liệu được bảo vệ.', en: 'Figures are protected.' },
  },
};

const HOT = EMERGING_PATTERNS.filter((p) => p.endsWith('_hot_spot'));
const COLD = EMERGING_PATTERNS.filter((p) => p.endsWith('_cold_spot'));

describe('emerging pattern palette', () => {
  it('gives every pattern its own colour', () => {
    const colours = new Set(EMERGING_PATTERNS.map((p) => EMERGING_PATTERN_COLORS[p].join(',')));
    expect(colours.size).toBe(EMERGING_PATTERNS.length);
  });

  it('draws hot-spot patterns red-dominant and cold-spot patterns blue-dominant, as ESRI does', () => {
    expect(HOT).toHaveLength(8);
    expect(COLD).toHaveLength(8);
    for (const p of HOT) expect(EMERGING_PATTERN_COLORS[p][0], p).toBeGreaterThan(EMERGING_PATTERN_COLORS[p][2]);
    for (const p of COLD) expect(EMERGING_PATTERN_COLORS[p][2], p).toBeGreaterThan(EMERGING_PATTERN_COLORS[p][0]);
  });

  it('fills patterns almost opaquely and "no pattern" as a light wash', () => {
    expect(emergingFill('new_hot_spot')).toEqual([...EMERGING_PATTERN_COLORS.new_hot_spot, EMERGING_PATTERN_ALPHA]);
    const [r, g, b, a] = emergingFill('no_pattern');
    expect(Math.min(r, g, b)).toBeGreaterThan(230);
    expect(a).toBe(EMERGING_NO_PATTERN_ALPHA);
    expect(a).toBeLessThan(EMERGING_PATTERN_ALPHA);
  });

  it('names every pattern in Vietnamese and English', () => {
    for (const p of EMERGING_PATTERNS) {
      expect(vi[EMERGING_PATTERN_KEYS[p]], p).toBeTruthy();
      expect(en[EMERGING_PATTERN_KEYS[p]], p).toBeTruthy();
      expect(vi[EMERGING_PATTERN_KEYS[p]]).not.toBe(en[EMERGING_PATTERN_KEYS[p]]);
    }
  });
});

describe('emerging legend', () => {
  it('counts only the patterns present, hot before cold before none', () => {
    expect(patternCounts(answer)).toEqual([
      ['new_hot_spot', 1],
      ['consecutive_hot_spot', 2],
      ['sporadic_cold_spot', 1],
      ['no_pattern', 2],
    ]);
  });

  it('lists them with the layer colours, the number of years and the protection note', () => {
    const [section] = buildLegend({ choropleth: null, privacyK: 5, emerging: { response: answer, period: WHOLE }, visibleLayers: new Set(['emerging']), t, fmt });
    expect(section?.kind).toBe('swatches');
    if (section?.kind !== 'swatches') return;
    expect(section.id).toBe('emerging');
    expect(section.title).toBe('Điểm nóng mới nổi');
    expect(section.unit).toContain('6 năm');
    expect(section.items.map((i) => i.label)).toEqual(['Điểm nóng mới (1)', 'Điểm nóng liên tiếp (2)', 'Điểm lạnh rải rác (1)', 'Không có mẫu hình (2)']);
    expect(section.items.map((i) => i.color)).toEqual(
      (['new_hot_spot', 'consecutive_hot_spot', 'sporadic_cold_spot', 'no_pattern'] as const).map((p) => EMERGING_PATTERN_COLORS[p]),
    );
    expect(section.notes).toContain('Số liệu được bảo vệ.');
  });

  it('says why the map is empty when the period has fewer calendar years than the analysis needs', () => {
    const year = { from: '2021-01-01', to: '2021-12-31' };
    const [section] = buildLegend({ choropleth: null, privacyK: 5, emerging: { response: null, period: year }, visibleLayers: new Set(['emerging']), t, fmt });
    expect(section?.kind === 'swatches' && section.items).toEqual([]);
    expect(section?.notes).toEqual([`Cần ít nhất ${EMERGING_MIN_TIME_STEPS} năm dương lịch; kỳ đang chọn có 1 năm. Chọn "Cả giai đoạn 2017–2022" hoặc một kỳ dài hơn.`]);
  });

  it('has no section while the layer is off', () => {
    expect(buildLegend({ choropleth: null, privacyK: 5, emerging: { response: answer, period: WHOLE }, visibleLayers: new Set(['labels']), t, fmt })).toEqual([]);
  });
});

describe('emerging period rule', () => {
  it.each([
    [WHOLE, 6, true],
    [{ from: '2017-01-01', to: '2021-12-31' }, 5, true],
    [{ from: '2017-01-01', to: '2020-12-31' }, 4, false],
    [{ from: '2022-01-01', to: '2022-10-25' }, 1, false],
  ])('%o has %d calendar years (enough: %s)', (period, years, enough) => {
    expect(calendarYears(period)).toBe(years);
    expect(hasEnoughYears(period)).toBe(enough);
  });
});

describe('emerging layer toggling and roles', () => {
  it('switches the choropleth and the Gi* fills off when it comes on, and goes off when either comes back', () => {
    const on = toggleLayer(['choropleth', 'hotspots', 'labels'], 'emerging', true);
    expect(on).toEqual(['emerging', 'labels']);
    expect(toggleLayer(on, 'choropleth', true)).toEqual(['choropleth', 'labels']);
    expect(toggleLayer(on, 'hotspots', true)).toEqual(['hotspots', 'labels']);
    expect(toggleLayer(['choropleth', 'hotspots'], 'models', true)).toEqual(['choropleth', 'hotspots', 'models']);
  });

  it('is an analyst layer: a viewer never gets it, even from a shared link', () => {
    expect(canSeeLayer('viewer', 'emerging')).toBe(false);
    expect(canSeeLayer('analyst', 'emerging')).toBe(true);
    expect(canSeeLayer('admin', 'emerging')).toBe(true);
    expect(restrictToRole({ ...DEFAULT_STATE, layers: ['emerging', 'labels'] }, 'viewer').layers).toEqual(['labels']);
  });
});
