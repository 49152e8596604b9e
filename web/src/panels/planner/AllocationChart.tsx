/**
 * The allocation step by step, in plain SVG: households newly covered so far (top) and the
 * marginal gain of each step, the need-weighted households the greedy rule maximised (bottom).
 * Greedy takes the largest gains first, so the bottom profile only falls, and the top curve
 * bends down where communes run out of uncovered households.
 */
import type { AllocationStepRow } from '#contract/api';
import { useI18n } from '../../i18n/i18n';

const WIDTH = 520;
const CUMULATIVE_HEIGHT = 130;
const GAIN_HEIGHT = 50;
const PANEL_GAP = 18;
const MARGIN = { top: 14, right: 12, bottom: 22, left: 52 };
const HEIGHT = MARGIN.top + CUMULATIVE_HEIGHT + PANEL_GAP + GAIN_HEIGHT + MARGIN.bottom;
/** Viridis' dark blue and teal (style/palettes): distinct from each other in every colour vision. */
const CUMULATIVE_STROKE = '#3b528b';
const GAIN_FILL = '#21918c';

function linePath(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
}

export function AllocationChart({ steps }: { steps: AllocationStepRow[] }) {
  const { t, fmt } = useI18n();
  const n = steps.length;
  const total = steps.at(-1)?.cumulativeNewlyCovered ?? 0;
  const gains = steps.map((s) => s.weightedGain);
  const maxGain = Math.max(1, ...gains);
  const minGain = n > 0 ? Math.min(...gains) : 0;
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const x = (step: number) => MARGIN.left + (step / Math.max(1, n)) * innerWidth;
  const yCumulative = (v: number) => MARGIN.top + CUMULATIVE_HEIGHT - (v / Math.max(1, total)) * CUMULATIVE_HEIGHT;
  const gainTop = MARGIN.top + CUMULATIVE_HEIGHT + PANEL_GAP;
  const yGain = (v: number) => gainTop + GAIN_HEIGHT - (v / maxGain) * GAIN_HEIGHT;
  const cumulative = linePath([[x(0), yCumulative(0)], ...steps.map((s): [number, number] => [x(s.step), yCumulative(s.cumulativeNewlyCovered)])]);
  // Each step's gain as a flat segment over [step − 1, step]: a step function, closed to an area.
  const gainOutline = steps.flatMap((s): [number, number][] => [
    [x(s.step - 1), yGain(s.weightedGain)],
    [x(s.step), yGain(s.weightedGain)],
  ]);
  const gainArea = n > 0 ? `${linePath([[x(0), yGain(0)], ...gainOutline, [x(n), yGain(0)]])}Z` : '';
  const label = t('allocate.chartLabel', {
    steps: fmt.count(n),
    households: fmt.count(total),
    min: fmt.decimal(minGain),
    max: fmt.decimal(maxGain),
  });
  return (
    <figure className="chart allocation-chart" data-testid="allocation-chart">
      <figcaption>{t('allocate.chartTitle')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <title>{label}</title>
        <line className="chart__axis-line" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={yCumulative(0)} y2={yCumulative(0)} />
        <line className="chart__axis-line" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={yGain(0)} y2={yGain(0)} />
        <path d={cumulative} fill="none" stroke={CUMULATIVE_STROKE} strokeWidth={2} data-testid="allocation-cumulative" />
        {gainArea && <path d={gainArea} fill={GAIN_FILL} fillOpacity={0.75} stroke="none" />}
        <text x={MARGIN.left - 6} y={yCumulative(total) + 4} textAnchor="end" className="chart__axis">
          {fmt.count(total)}
        </text>
        <text x={MARGIN.left - 6} y={yCumulative(0)} textAnchor="end" className="chart__axis">
          0
        </text>
        <text x={MARGIN.left - 6} y={yGain(maxGain) + 8} textAnchor="end" className="chart__axis">
          {fmt.decimal(maxGain)}
        </text>
        <text x={MARGIN.left} y={MARGIN.top - 4} className="chart__note">
          {t('allocate.col.cumulative')} ({t('allocate.chartAxisHouseholds')})
        </text>
        <text x={MARGIN.left} y={gainTop - 4} className="chart__note">
          {t('allocate.chartGain')}
        </text>
        <text x={x(0)} y={HEIGHT - 6} className="chart__axis">
          0
        </text>
        <text x={x(n)} y={HEIGHT - 6} textAnchor="end" className="chart__axis">
          {`${fmt.count(n)} ${t('allocate.chartAxisSteps')}`}
        </text>
      </svg>
    </figure>
  );
}
