/**
 * How an informant figure (tips, outcome events) reads below admin: the server protects them
 * with the cell key method (small noise, counts 1…threshold−1 hidden, whole years only), except
 * the province's totals for the whole programme, which are exact. The UI writes a protected
 * number as "≈ n", a hidden one as hidden and a figure for a period off the calendar as not
 * published — never as 0.
 */
import type { Period } from '#contract';
import type { SummaryOutcomeKey, SummaryResponse } from '#contract/api';

export type FigureState =
  | { kind: 'exact'; value: number }
  | { kind: 'approximate'; value: number }
  | { kind: 'hidden' }
  | { kind: 'notReportable' };

/** Whether figures of this response are exact: admin, or the province over the whole data range. */
export function exactFigures(summary: Pick<SummaryResponse, 'protection' | 'district' | 'period'>, dataPeriod: Period): boolean {
  if (summary.protection.method === 'exact') return true;
  return summary.district === null && summary.period.from === dataPeriod.from && summary.period.to === dataPeriod.to;
}

export function figureState(summary: SummaryResponse, key: SummaryOutcomeKey, dataPeriod: Period): FigureState {
  const value = summary.outcomes[key];
  if (value === null) return summary.suppressed?.includes(key) ? { kind: 'hidden' } : { kind: 'notReportable' };
  const estimated = summary.estimated?.includes(key) ?? false;
  return !estimated && exactFigures(summary, dataPeriod) ? { kind: 'exact', value } : { kind: 'approximate', value };
}
