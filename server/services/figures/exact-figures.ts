/** Exact informant figures for admins: every count as it is, for any period. */
import { OUTCOME_KINDS, type H3Resolution, type OutcomeKind, type Period, type SensitiveLayer } from '#contract';
import type { Dataset } from '../../dataset/dataset';
import { rollupTotals, type MeasureColumn } from '../../queries/commune-totals';
import { gridCounts } from '../../queries/grid';
import { exactFigure, type Figure, type FigureSource } from './figure-source';
import { EXACT_FIGURES, EXACT_NOTE } from './protection-notes';

const COLUMN = { tips: 'tips_n', events: 'events_n' } as const;
const kindColumn = (kind: OutcomeKind) => `events_${kind}` as const;

export function exactFigures(dataset: Dataset): FigureSource {
  const whole = (period: Period) => ({ period, district: null });
  const byDistrict = (columns: MeasureColumn[], period: Period) => rollupTotals(dataset, whole(period), columns, 'district');
  return {
    protection: () => ({ method: 'exact', threshold: 0, noise_bound: 0, calendar: 'any', reportable: true, exact: EXACT_FIGURES, note: EXACT_NOTE }),
    reportable: () => true,
    assertReportable: () => {},
    async communes(layer: SensitiveLayer, period: Period) {
      const totals = await rollupTotals(dataset, whole(period), [COLUMN[layer]]);
      return dataset.communes.map((c) => exactFigure(totals.get(c.code)?.[COLUMN[layer]] ?? 0));
    },
    async districts(layer: SensitiveLayer, period: Period) {
      const totals = await byDistrict([COLUMN[layer]], period);
      return dataset.districts.map((d) => exactFigure(totals.get(d.code)?.[COLUMN[layer]] ?? 0));
    },
    async province(layer: SensitiveLayer, period: Period) {
      const totals = await byDistrict([COLUMN[layer]], period);
      return exactFigure([...totals.values()].reduce((sum, row) => sum + (row[COLUMN[layer]] ?? 0), 0));
    },
    async outcomes(district: string | null, period: Period) {
      const totals = await byDistrict(OUTCOME_KINDS.map(kindColumn), period);
      const rows = district === null ? [...totals.values()] : [totals.get(district) ?? {}];
      return Object.fromEntries(
        OUTCOME_KINDS.map((kind) => [kind, exactFigure(rows.reduce((sum, row) => sum + (row[kindColumn(kind)] ?? 0), 0))]),
      ) as Record<OutcomeKind, Figure>;
    },
    async cells(resolution: H3Resolution, period: Period) {
      const cells = await gridCounts(dataset.db, 'tips', resolution, whole(period));
      return new Map(cells.map((cell) => [cell.h3, exactFigure(cell.n)]));
    },
  };
}
