/**
 * A commune's gap score taken apart: its six factor contributions as one stacked bar around 0,
 * those that raise the priority to the right, those that lower it to the left, on a scale shared
 * by every row so bars compare. Colours per factor (style/palettes FACTOR_COLORS), named in the
 * legend above the table and in the bar's own text alternative.
 */
import { PLANNER_FACTORS, type PlannerFactor } from '#contract';
import type { PlannerRow } from '#contract/api';
import { useI18n } from '../../i18n/i18n';
import { cssColor, FACTOR_COLORS } from '../../style/palettes';
import { FACTOR_KEYS } from './WeightsPanel';

const WIDTH = 104;
const HEIGHT = 14;
const CENTRE = WIDTH / 2;

/** Half the bar's width stands for this much: the largest one-sided sum of any row. */
export function contributionScale(rows: readonly PlannerRow[]): number {
  let largest = 0;
  for (const row of rows) {
    let up = 0;
    let down = 0;
    for (const factor of PLANNER_FACTORS) {
      const c = row.contributions[factor];
      if (c > 0) up += c;
      else down -= c;
    }
    largest = Math.max(largest, up, down);
  }
  return largest > 0 ? largest : 1;
}

interface Segment {
  factor: PlannerFactor;
  x: number;
  width: number;
}

function segments(contributions: Record<PlannerFactor, number>, scale: number): Segment[] {
  const pixels = (value: number) => (Math.abs(value) / scale) * CENTRE;
  const out: Segment[] = [];
  let right = CENTRE;
  let left = CENTRE;
  for (const factor of PLANNER_FACTORS) {
    const c = contributions[factor];
    const width = pixels(c);
    if (width < 0.25) continue;
    if (c > 0) {
      out.push({ factor, x: right, width });
      right += width;
    } else {
      left -= width;
      out.push({ factor, x: left, width });
    }
  }
  return out;
}

export function ContributionBar({ row, scale }: { row: PlannerRow; scale: number }) {
  const { t, fmt } = useI18n();
  const label = PLANNER_FACTORS.map((f) => `${t(FACTOR_KEYS[f])} ${fmt.signed(row.contributions[f])}`).join('; ');
  return (
    <svg className="contribution-bar" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label} data-testid="contribution-bar">
      <title>{label}</title>
      {segments(row.contributions, scale).map((s) => (
        <rect key={s.factor} x={s.x} y={1} width={s.width} height={HEIGHT - 2} fill={cssColor(FACTOR_COLORS[s.factor])} data-factor={s.factor} />
      ))}
      <line x1={CENTRE} x2={CENTRE} y1={0} y2={HEIGHT} className="contribution-bar__zero" />
    </svg>
  );
}

/** Which colour is which factor, with the direction each side of the bar means. */
export function ContributionLegend() {
  const { t } = useI18n();
  return (
    <div className="contribution-legend" data-testid="contribution-legend">
      <p className="contribution-legend__axis">
        <span>◀ {t('planner.barLowers')}</span>
        <span>{t('planner.barRaises')} ▶</span>
      </p>
      <ul>
        {PLANNER_FACTORS.map((factor) => (
          <li key={factor}>
            <span className="contribution-legend__chip" style={{ background: cssColor(FACTOR_COLORS[factor]) }} aria-hidden="true" />
            {t(FACTOR_KEYS[factor])}
          </li>
        ))}
      </ul>
    </div>
  );
}
