/**
 * Reads a request's query, path parameters and JSON body and checks them against the endpoint's
 * declared schemas; a failed check becomes the contract's 400 error with a readable message.
 */
import { z } from 'zod';
import type { Context } from 'hono';
import { MAX_TEXT_PARAM } from '#contract';
import type { EndpointSpec } from '#contract/api';
import { badRequest } from '../errors';

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

/** No parameters at all: what an endpoint with a body accepts in its query string. */
const NO_PARAMETERS = z.object({}).strict();

/**
 * The query string by a strict schema: unknown or repeated parameters are errors, so a typo
 * never silently falls back to a default, and no parameter is longer than MAX_TEXT_PARAM.
 */
function readQuery(c: Context, schema: z.ZodType): unknown {
  const single: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) {
      throw badRequest('repeated_parameter', `Invalid request: ${key} is given more than once.`, { parameter: key });
    }
    const value = values[0] ?? '';
    if (value.length > MAX_TEXT_PARAM) {
      throw badRequest('invalid_parameter', `Invalid request: ${key} is longer than ${MAX_TEXT_PARAM} characters.`, { parameter: key });
    }
    single[key] = value;
  }
  return parseOrThrow(schema, single);
}

async function readJson(c: Context, schema: z.ZodType): Promise<unknown> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw badRequest('invalid_json', 'The request body must be valid JSON (Content-Type: application/json).');
  }
  return parseOrThrow(schema, raw);
}

function readParams(c: Context, schema: z.ZodType): unknown {
  return parseOrThrow(schema, c.req.param());
}

export interface RequestInput {
  query: unknown;
  params: unknown;
  body: unknown;
}

/**
 * Everything the endpoint declares, checked. Body endpoints take no query parameters (a period
 * put in the URL instead of the body is an error, not silently replaced by the default);
 * endpoints that declare neither ignore the query string (cache-busting monitors).
 */
export async function readRequest(c: Context, spec: EndpointSpec): Promise<RequestInput> {
  const query = spec.query ? readQuery(c, spec.query) : spec.body ? readQuery(c, NO_PARAMETERS) : {};
  const params = spec.params ? readParams(c, spec.params) : {};
  const body = spec.body ? await readJson(c, spec.body) : undefined;
  return { query, params, body };
}
