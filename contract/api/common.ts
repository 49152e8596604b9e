/** Schemas many responses share: the period, the error shape, the synthetic-data flag. */
import { z } from 'zod';

export const periodSchema = z
  .object({
    from: z.string().meta({ format: 'date', description: 'First day, inclusive (YYYY-MM-DD).' }),
    to: z.string().meta({ format: 'date', description: 'Last day, inclusive (YYYY-MM-DD).' }),
  })
  .meta({ id: 'Period', description: 'An inclusive period.', examples: [{ from: '2017-01-01', to: '2022-10-25' }] });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Machine-readable code, e.g. invalid_parameter, unknown_value, unauthenticated.' }),
      message: z.string().meta({ description: 'A human sentence saying what was wrong and how to fix it.' }),
      details: z.record(z.string(), z.unknown()).optional().meta({ description: 'Structured detail: parameters, allowed values, limits.' }),
    }),
  })
  .meta({
    id: 'Error',
    description: 'Every error, whatever the status.',
    examples: [{ error: { code: 'unknown_value', message: 'Invalid request: metric must be one of: groups_count, … .' } }],
  });
export type ApiErrorBody = z.infer<typeof errorSchema>;

export const synthetic = z.boolean().meta({ description: 'True when the records are the SIMULATED demo data set.' });

/** A bounding box [minLon, minLat, maxLon, maxLat] in WGS84 degrees. */
export const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]).meta({ description: '[minLon, minLat, maxLon, maxLat], WGS84 degrees.' });

export const count = z.number().int().min(0);
