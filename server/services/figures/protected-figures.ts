/**
 * Informant figures below admin: only for whole calendar years of the data range, every figure
 * a sum of the release tables' protected cells, the province's whole-programme totals exact.
 * This is the one place where privacy is applied; see data/README.md#informant-privacy for the
 * method and its reasoning.
 */
import { OUTCOME_KINDS, type H3Resolution, type OutcomeKind, type Period, type SensitiveLayer } from '#contract';
import type { Dataset } from '../../dataset/dataset';
import { ApiError } from '../../errors';
import type { ProtectedCell } from '../../privacy/perturbation';
import { sumOfCells } from '../../privacy/protected-sum';
import type { ReleaseTable } from '../../privacy/release';
import { calendarYears, enclosingYears } from '../../privacy/reporting-calendar';
import type { Figure, FigureSource } from './figure-source';
import { EXACT_FIGURES, protectedNote } from './protection-notes';
import { releaseTables, type PrivacySettings } from './release-tables';
import { exactFigures } from './exact-figures';

const LAYER_TABLE = { tips: 'tips_commune_year', events: 'events_commune_year' } as const;
const H3_TABLE = { 7: 'tips_h3r7_year', 8: 'tips_h3r8_year' } as const;

export function protectedFigures(dataset: Dataset, settings: PrivacySettings): FigureSource {
  const exact = exactFigures(dataset);
  const range = dataset.period;
  const isWholeProgramme = (period: Period) => period.from === range.from && period.to === range.to;
  const years = (period: Period): number[] => {
    const found = calendarYears(period, range);
    if (!found) throw notOnCalendar(period, range);
    return found;
  };
  const sum = (table: ReleaseTable, cells: ProtectedCell[]) => sumOfCells(cells, settings, table.empty);
  const communeCells = (table: ReleaseTable, code: string, period: Period) => years(period).map((y) => table.cell(code, y));

  const source: FigureSource = {
    protection: (period) => ({
      method: 'cell_key',
      threshold: settings.threshold,
      noise_bound: settings.noiseBound,
      calendar: 'calendar_years',
      reportable: source.reportable(period),
      exact: EXACT_FIGURES,
      note: protectedNote(settings.threshold, settings.noiseBound),
    }),
    reportable: (period) => calendarYears(period, range) !== null,
    assertReportable: (period) => void years(period),
    async communes(layer: SensitiveLayer, period: Period) {
      const table = (await releaseTables(dataset, settings)).tables[LAYER_TABLE[layer]];
      return dataset.communes.map((c) => sum(table, communeCells(table, c.code, period)));
    },
    async districts(layer: SensitiveLayer, period: Period) {
      const table = (await releaseTables(dataset, settings)).tables[LAYER_TABLE[layer]];
      return dataset.districts.map((d) =>
        sum(table, dataset.communes.filter((c) => c.district_code === d.code).flatMap((c) => communeCells(table, c.code, period))),
      );
    },
    async province(layer: SensitiveLayer, period: Period) {
      if (isWholeProgramme(period)) return exact.province(layer, period);
      const table = (await releaseTables(dataset, settings)).tables[LAYER_TABLE[layer]];
      return sum(table, dataset.communes.flatMap((c) => communeCells(table, c.code, period)));
    },
    async outcomes(district: string | null, period: Period) {
      if (district === null && isWholeProgramme(period)) return exact.outcomes(null, period);
      const { tables } = await releaseTables(dataset, settings);
      const table = district === null ? tables.kinds_province_year : tables.kinds_district_year;
      const unit = district ?? '';
      return Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, sum(table, years(period).map((y) => table.cell(unit, y, kind)))])) as Record<
        OutcomeKind,
        Figure
      >;
    },
    async cells(resolution: H3Resolution, period: Period) {
      const released = await releaseTables(dataset, settings);
      const table = released.tables[H3_TABLE[resolution]];
      const shown = new Map<string, Figure>();
      for (const h3 of released.h3Cells[resolution]) {
        const figure = sum(table, years(period).map((y) => table.cell(h3, y)));
        if (figure.value !== null) shown.set(h3, figure);
      }
      return shown;
    },
  };
  return source;
}

function notOnCalendar(period: Period, range: Period): ApiError {
  const suggestion = enclosingYears(period, range);
  return new ApiError(
    403,
    'reporting_calendar',
    `Tip and outcome-event figures are published to your role for whole calendar years of the data (${range.from} … ${range.to}) only; ask for ${suggestion.from} … ${suggestion.to} instead of ${period.from} … ${period.to}.`,
    { period, suggestion, data_range: range },
  );
}
