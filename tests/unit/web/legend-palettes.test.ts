import { describe, expect, it } from 'vitest';
import type { ChoroplethResponse } from '#contract/api';
import { createFormatters } from '../../../web/src/i18n/format';
import { translator } from '../../../web/src/i18n/i18n';
import { buildLegend, type LegendSection } from '../../../web/src/legend/legendModel';
import { tipCellColor } from '../../../web/src/style/layerColors';
import { classIndex } from '#contract';
import { choroplethPalette, SUPPRESSED_COLOR } from '../../../web/src/style/palettes';

const choropleth: ChoroplethResponse = {
  metric: 'tips_count',
  unit: 'tips',
  level: 'commune',
  scheme: 'quantile',
  classes: 4,
  period: { from: '2017-01-01', to: '2022-10-25' },
  breaks: [0, 10, 25, 40, 120],
  breaks_basis: 'series',
  breaks_periods: [
    { from: '2017-01-01', to: '2017-12-31' },
    { from: '2017-01-01', to: '2022-10-25' },
  ],
  values: [
    { code: '08707', value: 12, count: 12 },
    { code: '08710', value: null, count: null, suppressed: true },
  ],
  synthetic: true,
};

describe('class breaks', () => {
  it.each([
    [0, 0],
    [10, 0],
    [10.5, 1],
    [40, 2],
    [120, 3],
    [500, 3],
  ])('places %d in class %d', (value, expected) => {
    expect(classIndex(value, choropleth.breaks)).toBe(expected);
  });
});

describe('tip hexagon classes', () => {
  const legend = buildLegend({ choropleth: null, privacyK: 5, visibleLayers: new Set(['tipHex']), t: translator('vi'), fmt: createFormatters('vi') });
  const section = legend[0] as Extract<LegendSection, { kind: 'swatches' }>;
  const lineOf = (count: number) => section.items.find((item) => item.color === tipCellColor({ h3: '88415c9b5bfffff', count, suppressed: false }))?.label;

  it.each([
    [1, '1 – 4'],
    [4, '1 – 4'],
    [5, '5 – 9'],
    [9, '5 – 9'],
    [10, '10 – 19'],
    [19, '10 – 19'],
    [20, '20 – 39'],
    [39, '20 – 39'],
    [40, '≥ 40'],
    [311, '≥ 40'],
  ])('given a hexagon of %d tips, it is drawn in the colour of the legend line "%s"', (count, line) => {
    expect(lineOf(count)).toBe(line);
  });
});

describe('palettes', () => {
  it('gives as many distinct colours as classes, light to dark', () => {
    const colors = choroplethPalette(5);
    expect(new Set(colors.map((c) => c.join())).size).toBe(5);
    const lightness = colors.map(([r, g, b]) => r + g + b);
    expect([...lightness].sort((a, b) => b - a)).toEqual(lightness);
  });
});

describe('legend model', () => {
  it('lists each class in real units and a suppressed entry when a value is hidden', () => {
    const [section] = buildLegend({
      choropleth,
      privacyK: 5,
      visibleLayers: new Set(['choropleth']),
      t: translator('vi'),
      fmt: createFormatters('vi'),
    });
    expect(section?.kind).toBe('swatches');
    if (section?.kind !== 'swatches') return;
    expect(section.title).toBe('Số nguồn tin');
    // Whole tips: each class starts one above the break below it, so no end value is shared.
    expect(section.items.map((i) => i.label)).toEqual(['0 – 10', '11 – 25', '26 – 40', '41 – 120', 'Ẩn để bảo vệ người cung cấp tin (dưới 5)']);
    expect(section.notes?.[0]).toBe('Cùng thang màu cho mọi năm 2017–2022, nên so sánh được giữa các năm.');
    expect(section.items.at(-1)?.color).toEqual(SUPPRESSED_COLOR);
  });

  it('has no section for layers that are off', () => {
    expect(buildLegend({ choropleth, privacyK: 5, visibleLayers: new Set(), t: translator('en'), fmt: createFormatters('en') })).toEqual([]);
  });
});
