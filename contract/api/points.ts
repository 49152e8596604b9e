/** Group and model locations: never tips or outcome events (informant privacy). */
import { z } from 'zod';
import { POINT_LAYERS, POINT_LIMITS, POINTS_DAY_EPOCH } from '../layers';
import { count, periodSchema, synthetic } from './common';
import { endpoint } from './endpoint';
import { bboxParam, enumParam, filterParams, integerParam } from './params';

export const POINT_FORMATS = ['arrow', 'json'] as const;

export const pointRecordSchema = z
  .object({
    id: z.string(),
    lon: z.number(),
    lat: z.number(),
    founded_on: z.string().meta({ format: 'date' }),
    kind: z.string().meta({ description: 'Area class of a group or setting of a model.' }),
    commune_code: z.string(),
    households: z.number().int().optional(),
    ethnic_minority: z.boolean().optional(),
    religious: z.boolean().optional(),
    name: z.string().optional(),
  })
  .meta({ id: 'PointRecord' });

/** The two forms of an answer: the points one by one, or counts per grid cell beyond the limit. */
export const POINT_FORMS = ['points', 'clusters'] as const;
export type PointForm = (typeof POINT_FORMS)[number];

const form = <F extends PointForm>(value: F) => z.literal(value).meta({ description: 'points: every record; clusters: more records matched than limit, counted per grid cell.' });

export const pointClusterSchema = z
  .object({
    lon: z.number().meta({ description: 'Mean longitude of the records in the cell.' }),
    lat: z.number().meta({ description: 'Mean latitude of the records in the cell.' }),
    count: count.min(1).meta({ description: 'Records in the cell.' }),
    kind: z.string().meta({ description: 'The most common area class (groups) or setting (models) in the cell; ties go to the first in the list.' }),
    first_founded_on: z.string().meta({ format: 'date', description: 'Founding date of the oldest record in the cell.' }),
  })
  .meta({ id: 'PointCluster' });

const pointsFormSchema = z
  .object({ layer: z.enum(POINT_LAYERS), form: form('points'), count, period: periodSchema, synthetic, points: z.array(pointRecordSchema) })
  .meta({ id: 'Points' });

const clustersFormSchema = z
  .object({
    layer: z.enum(POINT_LAYERS),
    form: form('clusters'),
    count: count.meta({ description: 'Records matched (the sum of the cluster counts).' }),
    cell_degrees: z.number().positive().meta({ description: 'Side of the square grid cells, in degrees; cells are aligned on multiples of it.' }),
    period: periodSchema,
    synthetic,
    clusters: z.array(pointClusterSchema).meta({ description: 'Cells with at least one record, at most limit of them, west to east, then south to north.' }),
  })
  .meta({ id: 'PointClusters' });

export const pointsJsonSchema = z.discriminatedUnion('form', [pointsFormSchema, clustersFormSchema]).meta({ id: 'PointsAnswer' });
export type PointsJsonResponse = z.infer<typeof pointsJsonSchema>;

export const getPoints = endpoint({
  operationId: 'getPoints',
  method: 'get',
  path: '/api/points',
  access: 'analyst',
  summary: 'Group or model locations',
  description:
    `Active at the end of the period, inside the bbox. Arrow IPC stream by default: columns lon, lat (Float32), day (Uint16, days since ${POINTS_DAY_EPOCH} of founding) and kind (Uint8, index into the area classes of groups or the settings of models, named in X-Kinds), one row per record. ` +
    'When more records match than limit, the answer is still 200 but in the clusters form (X-Points-Form: clusters): one row per cell of a square grid (X-Cluster-Cell-Degrees) at the finest size that needs at most limit cells over the bbox, with lon, lat the mean position of its records, day the earliest founding, kind the most common kind and a fifth column count (Uint32). The first four columns keep their meaning, so a client that ignores count still draws where the records are.',
  tags: ['maps'],
  query: z
    .object({
      layer: enumParam(POINT_LAYERS).describe('Records.'),
      bbox: bboxParam.optional().describe('minLon,minLat,maxLon,maxLat; default the whole world.'),
      limit: integerParam(1, POINT_LIMITS.max, POINT_LIMITS.default)
        .default(POINT_LIMITS.default)
        .describe('Most records sent one by one, and most clusters sent when more records match.'),
      format: enumParam(POINT_FORMATS, 'arrow').default('arrow').describe('Binary Arrow or JSON.'),
      ...filterParams,
    })
    .strict(),
  responses: {
    200: {
      description: 'The points, or their clusters when more than limit match.',
      json: pointsJsonSchema,
      media: { 'application/vnd.apache.arrow.stream': { kind: 'binary', description: 'Arrow IPC stream (format=arrow).' } },
      headers: {
        'X-Points-Form': { description: 'points or clusters.', schema: z.enum(POINT_FORMS) },
        'X-Total-Count': { description: 'Records matched (in the clusters form: the sum of the counts).', schema: z.string() },
        'X-Cluster-Count': { description: 'Rows of the clusters form.', schema: z.string() },
        'X-Cluster-Cell-Degrees': { description: 'Grid cell side of the clusters form, in degrees.', schema: z.string() },
        'X-Synthetic': { description: 'true for the simulated demo data.', schema: z.string() },
      },
    },
  },
  dataset: true,
  example: { query: { layer: 'models' } },
});
