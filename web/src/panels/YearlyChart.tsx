/**
 * A year-by-year bar chart in plain SVG. A year whose value is hidden for privacy gets an
 * outlined empty bar marked as suppressed, never a zero-height bar that would read as "none".
 */
import { useI18n } from '../i18n/i18n';

export interface YearValue {
  year: number;
  value: number | null;
}

const WIDTH = 280;
const HEIGHT = 120;
const MARGIN = { top: 16, right: 4, bottom: 20, left: 4 };
const BAR_GAP_RATIO = 0.25;
const BAR_FILL = '#3b528b';
const SUPPRESSED_STROKE = '#777777';

export function YearlyChart({ title, series, testId }: { title: string; series: YearValue[]; testId: string }) {
  const { t, fmt } = useI18n();
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...series.map((d) => d.value ?? 0));
  const band = innerWidth / Math.max(1, series.length);
  const barWidth = band * (1 - BAR_GAP_RATIO);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        {series.map((d, i) => {
          const x = MARGIN.left + i * band + (band - barWidth) / 2;
          const label = d.value === null ? t('chart.suppressed') : fmt.count(d.value);
          if (d.value === null) {
            return (
              <g key={d.year}>
                <title>{`${d.year}: ${label}`}</title>
                <rect x={x} y={MARGIN.top} width={barWidth} height={innerHeight} fill="none" stroke={SUPPRESSED_STROKE} strokeDasharray="3 2" />
                <text x={x + barWidth / 2} y={MARGIN.top + innerHeight / 2} textAnchor="middle" className="chart__note">
                  {t('chart.suppressedShort')}
                </text>
                <text x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle" className="chart__axis">
                  {d.year}
                </text>
              </g>
            );
          }
          const h = (d.value / max) * innerHeight;
          return (
            <g key={d.year}>
              <title>{`${d.year}: ${label}`}</title>
              <rect x={x} y={MARGIN.top + innerHeight - h} width={barWidth} height={h} fill={BAR_FILL} />
              <text x={x + barWidth / 2} y={MARGIN.top + innerHeight - h - 3} textAnchor="middle" className="chart__value">
                {label}
              </text>
              <text x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle" className="chart__axis">
                {d.year}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
