/** The briefing's big numbers. */
import { z } from 'zod';
import { MODEL_SETTINGS, OUTCOME_KINDS } from '../domain';
import { count, periodSchema, protectionSchema, synthetic } from './common';
import { endpoint } from './endpoint';
import { filterParams } from './params';

export const SUMMARY_OUTCOME_KEYS = ['security_tips_provided', ...OUTCOME_KINDS] as const;
export type SummaryOutcomeKey = (typeof SUMMARY_OUTCOME_KEYS)[number];

const outcomeValue = count.nullable().meta({ description: 'Null when hidden for privacy (see `suppressed`).' });

const publishedFigure = z
  .object({
    published: count.meta({ description: 'The figure published on 25 Oct 2022 (context/published_totals.json), as published.' }),
    qualifier: z.enum(['more_than']).nullable().meta({ description: 'more_than: published as "more than" the figure (tips).' }),
    imported: count.nullable().meta({ description: 'The same figure from the imported records; null when hidden for privacy (tips and outcomes below admin off the reporting calendar).' }),
    difference: z.number().int().nullable().meta({ description: 'imported − published; null when imported is hidden.' }),
  })
  .meta({ id: 'PublishedFigure' });
export type PublishedFigure = z.infer<typeof publishedFigure>;

const figuresOf = <const K extends readonly string[]>(keys: K) => z.object(Object.fromEntries(keys.map((k) => [k, publishedFigure])) as Record<K[number], typeof publishedFigure>);

export const PUBLISHED_GROUP_KEYS = ['total_active', 'rural', 'urban', 'ethnic_minority_areas', 'religious_areas'] as const;

const publishedSchema = z
  .object({
    source: z.string().meta({ description: 'Where the published figures come from.' }),
    to_lien_gia: z.object({ period: periodSchema, figures: figuresOf(PUBLISHED_GROUP_KEYS) }),
    bon_an_toan: z.object({ period: periodSchema, figures: figuresOf(['total'] as const) }),
    outcomes: z.object({ period: periodSchema, figures: figuresOf(SUMMARY_OUTCOME_KEYS) }),
  })
  .meta({
    id: 'PublishedComparison',
    description:
      'Real data only: each published figure beside the imported one, for the province over the published programme period (groups and models active on its last day, tips and outcomes within it), whatever the filters of the request. The two are never forced equal.',
  });
export type PublishedComparison = z.infer<typeof publishedSchema>;

export const summarySchema = z
  .object({
    period: periodSchema,
    synthetic,
    district: z.string().nullable().meta({ description: 'The district filter, or null for the province.' }),
    to_lien_gia: z.object({
      total_active: count,
      rural: count,
      urban: count,
      unclassified: count.meta({ description: 'Groups the published rural/urban split leaves out.' }),
      ethnic_minority_areas: count,
      religious_areas: count,
      households_in_groups: count,
      founded_in_period: count,
    }),
    bon_an_toan: z.object({
      total: count,
      by_setting: z.object(Object.fromEntries(MODEL_SETTINGS.map((s) => [s, count])) as Record<(typeof MODEL_SETTINGS)[number], typeof count>),
    }),
    outcomes: z.object(
      Object.fromEntries(SUMMARY_OUTCOME_KEYS.map((k) => [k, outcomeValue])) as Record<SummaryOutcomeKey, typeof outcomeValue>,
    ),
    suppressed: z.array(z.enum(SUMMARY_OUTCOME_KEYS)).optional().meta({ description: 'Outcome keys hidden for privacy.' }),
    estimated: z.array(z.enum(SUMMARY_OUTCOME_KEYS)).optional().meta({ description: 'Outcome keys whose figure counts hidden small cells at a stand-in value.' }),
    protection: protectionSchema,
    census: z.object({ population: count, households: count }),
    published: publishedSchema.nullable().meta({ description: 'Null for the simulated demo data (it reproduces the published figures) or when the published figures are not installed.' }),
  })
  .meta({ id: 'Summary' });
export type SummaryResponse = z.infer<typeof summarySchema>;

export const getSummary = endpoint({
  operationId: 'getSummary',
  method: 'get',
  path: '/api/summary',
  access: 'viewer',
  summary: 'Briefing totals',
  description:
    'Groups and models active at the end of the period, tips and outcome events inside it, for the province or one district. With the demo data and no filters each figure equals the one published on 25 Oct 2022.',
  tags: ['briefing'],
  query: z.object(filterParams).strict(),
  responses: { 200: { description: 'The totals.', json: summarySchema } },
  dataset: true,
  example: {},
});
