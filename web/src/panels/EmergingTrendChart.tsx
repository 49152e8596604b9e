/**
 * A commune's yearly Gi* z-scores as bars up (hot) or down (cold) from zero, each coloured by its
 * confidence bin as the Gi* layer colours communes: the series the emerging pattern was read from.
 * The scale reaches at least |z| = 3, so noise near zero never fills the chart.
 */
import type { EmergingFeature } from '#contract/api';
import { useI18n } from '../i18n/i18n';
import { hotspotColor } from '../style/layerColors';
import { cssColor } from '../style/palettes';

const WIDTH = 220;
const HEIGHT = 78;
const MARGIN = { top: 4, right: 2, bottom: 14, left: 2 };
const BAR_GAP_RATIO = 0.3;
const MIN_SCALE_Z = 3;
const BAR_STROKE = '#6b6b6b';

export function EmergingTrendChart({ feature, years }: { feature: Pick<EmergingFeature, 'z' | 'bins'>; years: readonly number[] }) {
  const { t, fmt } = useI18n();
  const title = t('tooltip.emergingChart');
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const half = (HEIGHT - MARGIN.top - MARGIN.bottom) / 2;
  const zero = MARGIN.top + half;
  const scale = Math.max(MIN_SCALE_Z, ...feature.z.map((z) => Math.abs(z)));
  const band = innerWidth / Math.max(1, feature.z.length);
  const barWidth = band * (1 - BAR_GAP_RATIO);
  return (
    <figure className="tooltip__chart" data-testid="emerging-trend" data-z={feature.z.map((z) => z.toFixed(3)).join(',')}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={title}>
        {feature.z.map((z, i) => {
          const h = (Math.abs(z) / scale) * half;
          const x = MARGIN.left + i * band + (band - barWidth) / 2;
          const year = years[i];
          return (
            <g key={year ?? i}>
              <title>{`${year ?? ''}: z = ${fmt.signed(z)}`}</title>
              <rect x={x} y={z >= 0 ? zero - h : zero} width={barWidth} height={Math.max(1, h)} fill={cssColor(hotspotColor(feature.bins[i] ?? 0))} stroke={BAR_STROKE} strokeWidth={0.5} />
              <text x={x + barWidth / 2} y={HEIGHT - 3} textAnchor="middle" className="chart__axis">
                {year}
              </text>
            </g>
          );
        })}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={zero} y2={zero} stroke={BAR_STROKE} strokeWidth={0.75} />
      </svg>
    </figure>
  );
}
