/** The briefing's big numbers for the province or one district. */
import { OUTCOME_KINDS } from '#contract';
import type { SummaryOutcomeKey, SummaryResponse } from '#contract/api';
import type { Dataset } from '../dataset/dataset';
import type { DataFilter } from '../queries/filters';
import { provinceSummary } from '../queries/summary';
import type { Figure, FigureSource } from './figures/figure-source';
import { publishedComparison } from './published-comparison';

const OUTCOME_KEYS: SummaryOutcomeKey[] = ['security_tips_provided', ...OUTCOME_KINDS];

/** Tips and outcome events of the scope from the role's figures; all null off the reporting calendar. */
async function outcomeFigures(dataset: Dataset, figures: FigureSource, filter: DataFilter): Promise<Record<SummaryOutcomeKey, Figure | null>> {
  if (!figures.reportable(filter.period)) return Object.fromEntries(OUTCOME_KEYS.map((key) => [key, null])) as Record<SummaryOutcomeKey, null>;
  const tips = filter.district
    ? (await figures.districts('tips', filter.period))[dataset.districts.findIndex((d) => d.code === filter.district)]!
    : await figures.province('tips', filter.period);
  return { security_tips_provided: tips, ...(await figures.outcomes(filter.district, filter.period)) };
}

export async function summaryOf(dataset: Dataset, figures: FigureSource, filter: DataFilter): Promise<SummaryResponse> {
  const [province, outcomeFigure, published] = await Promise.all([
    provinceSummary(dataset, filter.period),
    outcomeFigures(dataset, figures, filter),
    // Real data only: the simulated demo data reproduce the published figures by construction.
    dataset.synthetic ? null : publishedComparison(dataset, figures),
  ]);
  const { to_lien_gia, bon_an_toan } = province.numbers(filter.district);
  const scope = filter.district ? dataset.unitByCode.get(filter.district) : dataset.province;
  const outcomes = Object.fromEntries(OUTCOME_KEYS.map((key) => [key, outcomeFigure[key]?.value ?? null])) as SummaryResponse['outcomes'];
  const suppressed = OUTCOME_KEYS.filter((key) => outcomes[key] === null);
  const estimated = OUTCOME_KEYS.filter((key) => outcomeFigure[key]?.estimated);
  return {
    period: filter.period,
    synthetic: dataset.synthetic,
    district: filter.district,
    to_lien_gia,
    bon_an_toan,
    outcomes,
    census: { population: scope?.population ?? 0, households: scope?.households ?? 0 },
    ...(suppressed.length > 0 ? { suppressed } : {}),
    ...(estimated.length > 0 ? { estimated } : {}),
    protection: figures.protection(filter.period),
    published,
  };
}
