/**
 * Query and path parameters as the API accepts them: strings on the wire, checked and turned
 * into typed values here. Each carries the OpenAPI schema a client should see (`openapi` meta,
 * applied when the document is built), because the wire form of an integer is a string.
 */
import { z } from 'zod';
import type { Bbox } from '../domain';
import { MAX_TEXT_PARAM } from '../layers';

/** The OpenAPI schema shown for a parameter instead of its string wire form. */
export interface OpenApiParameterMeta {
  openapi: Record<string, unknown>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isCalendarDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const isoDate = z
  .string()
  .regex(ISO_DATE, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a real calendar date')
  .meta({ openapi: { type: 'string', format: 'date' } });

/** GSO codes: 2-digit province, 3-digit district, 5-digit commune. */
export const unitCode = z
  .string()
  .regex(/^\d{2,5}$/, 'must be a GSO unit code (digits only)')
  .meta({ openapi: { type: 'string', pattern: '^\\d{2,5}$', examples: ['08944', '249', '26'] } });

export const districtCode = z
  .string()
  .regex(/^\d{3}$/, 'must be a 3-digit GSO district code')
  .meta({ openapi: { type: 'string', pattern: '^\\d{3}$', examples: ['249'] } });

export function integerParam(min: number, max: number, fallback?: number) {
  const schema = z
    .string()
    .regex(/^-?\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`)
    .meta({ openapi: { type: 'integer', minimum: min, maximum: max, ...(fallback === undefined ? {} : { default: fallback }) } });
  return schema;
}

export const booleanParam = (fallback: boolean) =>
  z
    .enum(['true', 'false'])
    .transform((s) => s === 'true')
    .meta({ openapi: { type: 'boolean', default: fallback } });

/** An enumerated parameter with its default, documented as such. */
export const enumParam = <const T extends readonly [string, ...string[]]>(values: T, fallback?: T[number]) =>
  z.enum(values).meta({ openapi: { type: 'string', enum: [...values], ...(fallback === undefined ? {} : { default: fallback }) } });

/** Free text (search), bounded so a parameter cannot carry a payload. */
export const textParam = (minLength: number) =>
  z
    .string()
    .min(minLength, 'must not be empty')
    .max(MAX_TEXT_PARAM)
    .meta({ openapi: { type: 'string', minLength, maxLength: MAX_TEXT_PARAM } });

/** Written-out decimals ("0.3", "2", "1e-1"); an empty or blank value is not 0. */
export const decimalParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, 'must be a number')
    .transform(Number)
    .pipe(z.number().finite().min(min, `must be ≥ ${min}`).max(max))
    .meta({ openapi: { type: 'number', minimum: min, maximum: max } });

/** bbox=minLon,minLat,maxLon,maxLat in WGS84 degrees. */
export const bboxParam = z
  .string()
  .max(MAX_TEXT_PARAM)
  .transform((s, ctx): Bbox => {
    const parts = s.split(',').map((p) => p.trim());
    const numbers = parts.map(Number);
    if (parts.length !== 4 || parts.some((p) => p === '') || numbers.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'must be four numbers minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    const [minLon, minLat, maxLon, maxLat] = numbers as Bbox;
    if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
      ctx.addIssue({ code: 'custom', message: 'must lie within [-180,180] × [-90,90]' });
      return z.NEVER;
    }
    if (minLon > maxLon || minLat > maxLat) {
      ctx.addIssue({ code: 'custom', message: 'must have min ≤ max for both longitude and latitude' });
      return z.NEVER;
    }
    return [minLon, minLat, maxLon, maxLat];
  })
  .meta({
    openapi: {
      type: 'string',
      pattern: '^[^,]+,[^,]+,[^,]+,[^,]+$',
      description: 'minLon,minLat,maxLon,maxLat in WGS84 degrees',
      examples: ['105.45,21.2,105.75,21.45'],
    },
  });

/**
 * The period every data request takes; defaults are the data set's whole range. A period reaching
 * beyond the data is answered for the part inside it (the response's `period` is that part); one
 * entirely outside is 400 period_outside_data naming the data range (server/services/filter.ts).
 */
const CLAMPED = 'A period reaching beyond the data is clamped to it (see the response period); one entirely outside the data is 400 period_outside_data.';
export const periodParams = {
  from: isoDate.optional().describe(`Start of the period, inclusive (YYYY-MM-DD). Default: the start of the data. ${CLAMPED}`),
  to: isoDate
    .optional()
    .describe(`End of the period, inclusive (YYYY-MM-DD). Default: the end of the data. Groups and models count as active on this day. ${CLAMPED}`),
};

export const filterParams = {
  ...periodParams,
  district: districtCode.optional().describe('Restrict to one district (3-digit GSO code).'),
};
