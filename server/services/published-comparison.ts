/**
 * Real data beside the figures the province published on 25 Oct 2022 (context/published_totals
 * .json): for the province over the published programme period, each imported figure, the
 * published one and the difference — never forced equal. Groups and models count as active on
 * the period's last day; tips and outcomes within it, from the role's figures (so below admin
 * they are hidden unless the period is one the reporting calendar publishes).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { publishedTotalsPath } from '../../data/paths';
import { parsePublishedTotals, type PublishedTotals } from '../../data/pipeline/sources/published-totals';
import { OUTCOME_KINDS, type Period } from '#contract';
import type { PublishedComparison, PublishedFigure, SummaryOutcomeKey } from '#contract/api';
import type { Dataset } from '../dataset/dataset';
import { provinceSummary } from '../queries/summary';
import type { FigureSource } from './figures/figure-source';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const periodsSchema = z.object({
  source: z.string(),
  periods: z.object({ to_lien_gia: z.object({ from: isoDate, to: isoDate }), bon_an_toan: z.object({ from: isoDate, to: isoDate }) }),
});

interface Published {
  source: string;
  totals: PublishedTotals;
  /** The programme period (groups, tips and outcomes 2017–2022) and the models' period. */
  programme: Period;
  models: Period;
}

let loaded: Published | null | undefined;

/** The published figures, read once; null (and said once in the log) when the file is not installed. */
function publishedFigures(): Published | null {
  if (loaded !== undefined) return loaded;
  const file = publishedTotalsPath();
  try {
    const text = readFileSync(file, 'utf8');
    const { source, periods } = periodsSchema.parse(JSON.parse(text));
    loaded = { source, totals: parsePublishedTotals(text, file), programme: periods.to_lien_gia, models: periods.bon_an_toan };
  } catch (error) {
    console.error(`published figures not available (${file}): ${(error as Error).message}; the briefing shows no comparison.`);
    loaded = null;
  }
  return loaded;
}

const figure = (published: number, imported: number | null, qualifier: PublishedFigure['qualifier'] = null): PublishedFigure => ({
  published,
  qualifier,
  imported,
  difference: imported === null ? null : imported - published,
});

/** The part of `period` the data cover, or null when they cover none of it. */
function overlap(period: Period, range: Period): Period | null {
  const from = period.from > range.from ? period.from : range.from;
  const to = period.to < range.to ? period.to : range.to;
  return from <= to ? { from, to } : null;
}

/** Tips and outcome quantities of the province within `period` for this role (null: hidden). */
async function informantFigures(dataset: Dataset, figures: FigureSource, period: Period): Promise<Record<SummaryOutcomeKey, number | null>> {
  const covered = overlap(period, dataset.period);
  const keys: SummaryOutcomeKey[] = ['security_tips_provided', ...OUTCOME_KINDS];
  if (!covered) return Object.fromEntries(keys.map((k) => [k, 0])) as Record<SummaryOutcomeKey, number>;
  if (!figures.reportable(covered)) return Object.fromEntries(keys.map((k) => [k, null])) as Record<SummaryOutcomeKey, null>;
  const [tips, outcomes] = await Promise.all([figures.province('tips', covered), figures.outcomes(null, covered)]);
  return { security_tips_provided: tips.value, ...(Object.fromEntries(OUTCOME_KINDS.map((k) => [k, outcomes[k].value])) as Record<(typeof OUTCOME_KINDS)[number], number | null>) };
}

export async function publishedComparison(dataset: Dataset, figures: FigureSource): Promise<PublishedComparison | null> {
  const published = publishedFigures();
  if (!published) return null;
  const { totals, programme, models } = published;
  const [groupsSummary, modelsSummary, informant] = await Promise.all([
    provinceSummary(dataset, programme),
    provinceSummary(dataset, models),
    informantFigures(dataset, figures, programme),
  ]);
  const groups = groupsSummary.numbers(null).to_lien_gia;
  return {
    source: published.source,
    to_lien_gia: {
      period: programme,
      figures: {
        total_active: figure(totals.groupsTotal, groups.total_active),
        rural: figure(totals.groupsRural, groups.rural),
        urban: figure(totals.groupsUrban, groups.urban),
        ethnic_minority_areas: figure(totals.groupsEthnicMinority, groups.ethnic_minority_areas),
        religious_areas: figure(totals.groupsReligious, groups.religious_areas),
      },
    },
    bon_an_toan: { period: models, figures: { total: figure(totals.modelsTotal, modelsSummary.numbers(null).bon_an_toan.total) } },
    outcomes: {
      period: programme,
      figures: {
        security_tips_provided: figure(totals.tipsMoreThan, informant.security_tips_provided, 'more_than'),
        ...(Object.fromEntries(OUTCOME_KINDS.map((k) => [k, figure(totals.outcomes[k], informant[k])])) as Record<(typeof OUTCOME_KINDS)[number], PublishedFigure>),
      },
    },
  };
}
