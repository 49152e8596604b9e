/** A metric for every commune or district, with class breaks over the whole province. */
import { z } from 'zod';
import { CHOROPLETH_METRICS, CLASSIFICATION_SCHEMES, DEFAULT_CLASSES, MAX_CLASSES, MIN_CLASSES } from '../metrics';
import { count, periodSchema, protectionSchema, synthetic } from './common';
import { endpoint } from './endpoint';
import { enumParam, filterParams, integerParam } from './params';

export const MAP_LEVELS = ['commune', 'district'] as const;

/**
 * What the class breaks are computed over: `period`, every unit's value for the requested period
 * (the legend can change from one period to the next), or `series`, every unit's value for each
 * yearly period of the whole data range (one legend for every year, so a growth animation shows
 * growth). See `breaks_periods` in the response for the periods classified.
 */
export const BREAKS_BASES = ['period', 'series'] as const;
export type BreaksBasis = (typeof BREAKS_BASES)[number];

export const choroplethValueSchema = z
  .object({
    code: z.string(),
    value: z.number().nullable().meta({ description: 'Null when hidden for privacy.' }),
    count: count.nullable().meta({ description: 'The record count behind the value; null when hidden.' }),
    suppressed: z.boolean().optional().meta({ description: 'Hidden to protect informants (below the threshold).' }),
    estimated: z.literal(true).optional().meta({ description: 'Part of the count is estimated: it includes hidden small cells at a stand-in value.' }),
  })
  .meta({ id: 'ChoroplethValue' });
export type ChoroplethValue = z.infer<typeof choroplethValueSchema>;

export const choroplethSchema = z
  .object({
    metric: z.enum(CHOROPLETH_METRICS),
    unit: z.string().meta({ description: 'Unit of the values (English; the web app translates).' }),
    level: z.enum(MAP_LEVELS),
    scheme: z.enum(CLASSIFICATION_SCHEMES),
    classes: z.number().int(),
    period: periodSchema,
    breaks: z.array(z.number()).meta({
      description: 'b0 … bk over every unit of the province (for the period, or for every yearly period with breaks=series), so the legend does not change with the view.',
    }),
    breaks_basis: z.enum(BREAKS_BASES).meta({ description: 'What the breaks were computed over (see the `breaks` parameter).' }),
    breaks_periods: z.array(periodSchema).meta({
      description:
        'The periods whose values were classified: the requested period, or the yearly series — for stock metrics (groups, models) and for flow metrics asked from the start of the data, the running totals to the end of each year; for flow metrics asked from a later day, each calendar year (the first and last clipped to the data).',
    }),
    values: z.array(choroplethValueSchema).meta({ description: 'One row per unit of the level (of the district when filtered).' }),
    synthetic,
    protection: protectionSchema.optional().meta({ description: 'For tip and event metrics: how they were protected.' }),
  })
  .meta({ id: 'Choropleth' });
export type ChoroplethResponse = z.infer<typeof choroplethSchema>;

export const getChoropleth = endpoint({
  operationId: 'getChoropleth',
  method: 'get',
  path: '/api/choropleth',
  access: 'viewer',
  summary: 'A metric per unit with province-wide class breaks',
  description:
    'Breaks are computed over all units of the province for the requested period (breaks=period, the default), or over every yearly value of the metric across the whole data range (breaks=series): a fixed legend for a year slider. Below admin, tip and event values are the protected ones of each (whole-year) period, and hidden values take no part in the breaks.',
  tags: ['briefing'],
  query: z
    .object({
      metric: enumParam(CHOROPLETH_METRICS).describe('The metric.'),
      level: enumParam(MAP_LEVELS, 'commune').default('commune').describe('Unit level.'),
      scheme: enumParam(CLASSIFICATION_SCHEMES, 'quantile').default('quantile').describe('Classification of the breaks.'),
      classes: integerParam(MIN_CLASSES, MAX_CLASSES, DEFAULT_CLASSES).default(DEFAULT_CLASSES).describe('Number of classes.'),
      breaks: enumParam(BREAKS_BASES, 'period')
        .default('period')
        .describe('period: breaks over the requested period; series: over every yearly value of the whole data range (stable across years).'),
      ...filterParams,
    })
    .strict(),
  responses: { 200: { description: 'Values and breaks.', json: choroplethSchema } },
  dataset: true,
  example: { query: { metric: 'groups_per_1k_households' } },
});
