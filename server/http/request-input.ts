/**
 * Input validation at the edge: zod schemas for the parameters shared by many routes, and
 * middleware that turns a failed parse into the contract's 400 error with a readable message.
 */
import { z } from 'zod';
import type { Context } from 'hono';
import { ApiError, badRequest } from './errors';
import type { Period } from '#contract';

/** Longest accepted text parameter: unit names are < 40 characters; longer input is noise or an attack. */
export const MAX_TEXT_PARAM = 200;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isoDate = z
  .string()
  .regex(ISO_DATE, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

/** GSO codes: 2-digit province, 3-digit district, 5-digit commune. */
export const unitCode = z.string().regex(/^\d{2,5}$/, 'must be a GSO unit code (digits only)');

export const districtCode = z.string().regex(/^\d{3}$/, 'must be a 3-digit GSO district code');

export const periodParams = { from: isoDate.optional(), to: isoDate.optional() };

export function integerParam(min: number, max: number) {
  return z
    .string()
    .regex(/^-?\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);
}

export const booleanParam = z.enum(['true', 'false']).transform((s) => s === 'true');

/** bbox=minLon,minLat,maxLon,maxLat in WGS84 degrees. */
export const bboxParam = z
  .string()
  .max(MAX_TEXT_PARAM)
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => p.trim());
    const numbers = parts.map(Number);
    if (parts.length !== 4 || parts.some((p) => p === '') || numbers.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'must be four numbers minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    const [minLon, minLat, maxLon, maxLat] = numbers as [number, number, number, number];
    if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
      ctx.addIssue({ code: 'custom', message: 'must lie within [-180,180] × [-90,90]' });
      return z.NEVER;
    }
    if (minLon > maxLon || minLat > maxLat) {
      ctx.addIssue({ code: 'custom', message: 'must have min ≤ max for both longitude and latitude' });
      return z.NEVER;
    }
    return [minLon, minLat, maxLon, maxLat] as [number, number, number, number];
  });

function describeIssues(error: z.ZodError): { message: string; details: Record<string, unknown> } {
  const issues = error.issues.map((issue) => {
    const name = issue.path.join('.') || '(input)';
    if (issue.code === 'unrecognized_keys') return { parameter: issue.keys.join(', '), problem: 'is not a known parameter' };
    if (issue.code === 'invalid_value') {
      return { parameter: name, problem: `must be one of: ${issue.values.map(String).join(', ')}` };
    }
    return { parameter: name, problem: issue.message };
  });
  const message = issues.map((i) => `${i.parameter} ${i.problem}`).join('; ');
  return { message: `Invalid request: ${message}.`, details: { issues } };
}

function codeFor(error: z.ZodError): string {
  if (error.issues.some((i) => i.code === 'unrecognized_keys')) return 'unknown_parameter';
  if (error.issues.some((i) => i.code === 'invalid_value')) return 'unknown_value';
  return 'invalid_parameter';
}

/** Parse `input` with `schema` or raise the contract's 400 error. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const { message, details } = describeIssues(result.error);
    throw badRequest(codeFor(result.error), message, details);
  }
  return result.data;
}

/**
 * The query string parsed by a strict schema: unknown or repeated parameters are errors, so a
 * typo never silently falls back to a default.
 */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const single: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) {
      throw badRequest('repeated_parameter', `Invalid request: ${key} is given more than once.`, { parameter: key });
    }
    const value = values[0] ?? '';
    if (value.length > MAX_TEXT_PARAM) {
      throw badRequest('invalid_parameter', `Invalid request: ${key} is longer than ${MAX_TEXT_PARAM} characters.`, {
        parameter: key,
      });
    }
    single[key] = value;
  }
  return parseOrThrow(schema, single);
}

/**
 * The JSON body parsed by `schema`. Body routes take no query parameters: a period put in the
 * URL instead of the body is an error, not silently replaced by the default.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const stray = Object.keys(c.req.queries());
  if (stray.length > 0) {
    throw badRequest('unknown_parameter', `Invalid request: ${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} not a known parameter; this endpoint reads a JSON body only.`, {
      issues: stray.map((parameter) => ({ parameter, problem: 'is not a known parameter' })),
    });
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw badRequest('invalid_json', 'The request body must be valid JSON (Content-Type: application/json).');
  }
  return parseOrThrow(schema, raw);
}

/** Inclusive period with the data range as default; reversed periods are errors. */
export function resolvePeriod(input: { from?: string; to?: string }, range: Period): Period {
  const period = { from: input.from ?? range.from, to: input.to ?? range.to };
  if (period.from > period.to) {
    throw new ApiError(400, 'invalid_period', `Invalid request: from (${period.from}) is after to (${period.to}).`, { ...period });
  }
  return period;
}
