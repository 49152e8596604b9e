/** How the web writes a metric: its unit from the records it counts, counts as whole numbers. */
import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../web/src/i18n/format';
import { translator } from '../../../web/src/i18n/i18n';
import { formatMetricValue, metricUnitKey } from '../../../web/src/legend/metricText';

const t = translator('vi');
const fmt = createFormatters('vi');

describe('metric text', () => {
  it.each([
    ['groups_count', 'tổ'],
    ['tips_count', 'nguồn tin'],
    ['events_count', 'kết quả'],
    ['models_count', 'mô hình'],
  ] as const)('given the plain count %s, its unit is the name of its records, "%s"', (metric, unit) => {
    expect(t(metricUnitKey(metric))).toBe(unit);
  });

  it('given a rate, its unit is its own', () => {
    expect(metricUnitKey('tips_per_1k_households')).toBe('measure.tips_per_1k_households');
    expect(metricUnitKey('households_covered_pct')).toBe('measure.percent_households');
  });

  it('given 10762 groups and 34.91 groups per km², the count is whole and the density has one decimal', () => {
    expect(formatMetricValue('groups_count', 10762, fmt)).toBe('10.762');
    expect(formatMetricValue('groups_per_km2', 34.91, fmt)).toBe('34,9');
    expect(formatMetricValue('tips_per_1k_households', 20.25, fmt)).toBe('20,3');
  });
});
