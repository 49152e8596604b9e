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

export const protectionSchema = z
  .object({
    method: z.enum(['exact', 'cell_key']).meta({ description: 'exact: admin sees true counts; cell_key: counts are protected by the cell key method.' }),
    threshold: z.number().int().min(0).meta({ description: 'Counts from 1 to threshold − 1 are never published (cell_key).' }),
    noise_bound: z.number().int().min(0).meta({ description: 'Published counts differ from the true ones by at most this much (cell_key).' }),
    calendar: z.enum(['any', 'calendar_years']).meta({ description: 'Periods informant figures are published for: any (admin) or whole calendar years of the data range.' }),
    reportable: z.boolean().meta({ description: "Whether this response's period is on the calendar; when false its informant figures are null." }),
    exact: z.string().meta({ description: 'Which informant figures are exact nevertheless.' }),
    note: z.object({ vi: z.string(), en: z.string() }).meta({ description: 'What the protection means, for people.' }),
  })
  .meta({ id: 'Protection', description: 'How the tip and outcome-event figures of this response were protected.' });
export type Protection = z.infer<typeof protectionSchema>;
