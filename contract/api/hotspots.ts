/** Getis-Ord Gi* hot and cold spots of tips or outcome events, and emerging patterns over years. */
import { z } from 'zod';
import { EMERGING_PATTERNS, HOT_SPOT_WARNING_CODES, HOTSPOT_BINS, HOTSPOT_UNITS, HOTSPOT_VALUES, TREND_DIRECTIONS } from '../analysis';
import { SENSITIVE_LAYERS } from '../layers';
import { count, periodSchema, protectionSchema, synthetic } from './common';
import { endpoint } from './endpoint';
import { booleanParam, enumParam, periodParams } from './params';
import { resolutionParam } from './grid';

export const STATISTIC_INPUTS = ['exact_counts', 'published_counts'] as const;
export type StatisticInputs = (typeof STATISTIC_INPUTS)[number];

const inputs = z.enum(STATISTIC_INPUTS).meta({ description: 'Exact counts (admin) or the counts published to this role.' });
const bin = z.union(HOTSPOT_BINS.map((b) => z.literal(b)) as [z.ZodLiteral<-3>, ...z.ZodLiteral<(typeof HOTSPOT_BINS)[number]>[]]).meta({
  description: '±3/±2/±1 = 99/95/90 % hot (+) or cold (−) spot, 0 = not significant.',
});

export const hotSpotWarningSchema = z
  .object({ code: z.enum(HOT_SPOT_WARNING_CODES), message: z.string(), details: z.record(z.string(), z.unknown()) })
  .meta({ id: 'HotSpotWarning' });
export type HotSpotWarning = z.infer<typeof hotSpotWarningSchema>;

export const hotspotFeatureSchema = z
  .object({
    code: z.string().meta({ description: 'Commune code or H3 cell.' }),
    name: z.string().optional(),
    value: z.number().nullable().meta({ description: 'The analysed value (count or rate); null when hidden for privacy.' }),
    count: count.nullable(),
    suppressed: z.literal(true).optional(),
    z: z.number(),
    p: z.number().min(0).max(1),
    bin,
    neighbours: count,
  })
  .meta({ id: 'HotspotFeature' });
export type HotspotFeature = z.infer<typeof hotspotFeatureSchema>;

export const hotspotsSchema = z
  .object({
    method: z.literal('gi_star'),
    weights: z.enum(['queen', 'h3_grid_disk']),
    neighbour_rule: z.record(z.string(), z.unknown()).meta({ description: 'The neighbour rule and its parameters.' }),
    layer: z.enum(SENSITIVE_LAYERS),
    unit: z.enum(HOTSPOT_UNITS),
    value: z.enum(HOTSPOT_VALUES),
    fdr: z.boolean(),
    period: periodSchema,
    features: z.array(hotspotFeatureSchema),
    inputs,
    warnings: z.array(hotSpotWarningSchema),
    synthetic,
    protection: protectionSchema,
  })
  .meta({ id: 'Hotspots' });
export type HotspotsResponse = z.infer<typeof hotspotsSchema>;

export const mannKendallSchema = z
  .object({
    n: count,
    s: z.number(),
    variance: z.number(),
    z: z.number(),
    p: z.number().min(0).max(1),
    trend: z.enum(TREND_DIRECTIONS),
  })
  .meta({ id: 'MannKendall' });
export type MannKendallResult = z.infer<typeof mannKendallSchema>;

export const emergingFeatureSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    pattern: z.enum(EMERGING_PATTERNS),
    trend: mannKendallSchema,
    hot_steps: count,
    cold_steps: count,
    bins: z.array(z.number().int()).meta({ description: 'Confidence bin per yearly slice, oldest first.' }),
    z: z.array(z.number()),
  })
  .meta({ id: 'EmergingFeature' });
export type EmergingFeature = z.infer<typeof emergingFeatureSchema>;

export const emergingSchema = z
  .object({
    method: z.literal('emerging_hot_spot'),
    weights: z.literal('queen'),
    layer: z.enum(SENSITIVE_LAYERS),
    fdr: z.boolean(),
    period: periodSchema,
    inputs,
    slices: z.array(periodSchema),
    min_time_steps: count,
    features: z.array(emergingFeatureSchema),
    synthetic,
    protection: protectionSchema,
  })
  .meta({ id: 'Emerging' });
export type EmergingResponse = z.infer<typeof emergingSchema>;

const layerParam = enumParam(SENSITIVE_LAYERS, 'tips').default('tips').describe('Records to test for clustering.');
const fdrParam = booleanParam(false).default(false).describe('Apply the Benjamini–Hochberg false discovery rate correction to the bins.');

export const getHotspots = endpoint({
  operationId: 'getHotspots',
  method: 'get',
  path: '/api/hotspots',
  access: 'analyst',
  summary: 'Getis-Ord Gi* hot and cold spots',
  description:
    'Gi* with binary weights, self included. Communes: queen contiguity by vertices with a 0.0005° snap. H3 cells (tips, counts only): the first grid ring.',
  tags: ['analysis'],
  query: z
    .object({
      layer: layerParam,
      unit: enumParam(HOTSPOT_UNITS, 'commune').default('commune').describe('Communes or H3 cells.'),
      value: enumParam(HOTSPOT_VALUES, 'count').default('count').describe('Raw count or count per 1,000 census households (communes only).'),
      fdr: fdrParam,
      resolution: resolutionParam.describe('H3 resolution for unit=h3.'),
      ...periodParams,
    })
    .strict(),
  responses: { 200: { description: 'Gi* per unit.', json: hotspotsSchema } },
  dataset: true,
  example: { query: { from: '2021-01-01', to: '2021-12-31' } },
});

export const getEmergingHotspots = endpoint({
  operationId: 'getEmergingHotspots',
  method: 'get',
  path: '/api/hotspots/emerging',
  access: 'analyst',
  summary: 'Emerging hot-spot categories per commune',
  description: 'Gi* on each yearly slice of the period (at least five), then the ESRI category of each series and its Mann–Kendall trend.',
  tags: ['analysis'],
  query: z.object({ layer: layerParam, fdr: fdrParam, ...periodParams }).strict(),
  responses: { 200: { description: 'Categories per commune.', json: emergingSchema } },
  dataset: true,
  example: {},
});
