/** The contract's error shape, and the promise that no response ever carries a stack trace. */
import { expect } from 'vitest';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** Lines of a V8 stack, source paths, or Node error class names leaking out of a handler. */
const STACK_TRACE = /(\bat\s+\S+\s+\(.*:\d+:\d+\))|(\bat\s+(file:|node:|\/)\S*:\d+)|node_modules|\/work\/|\.ts:\d+|TypeError:|ReferenceError:|SyntaxError: /;

export function hasStackTrace(text: string): boolean {
  return STACK_TRACE.test(text);
}

/** Checks one error body: code and message are non-empty strings, details (if any) an object. */
export function checkErrorBody(body: unknown): body is ErrorBody {
  const error = (body as ErrorBody | null)?.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.code === 'string' &&
    /^[a-z][a-z0-9_]*$/.test(error.code) &&
    typeof error.message === 'string' &&
    error.message.length > 0 &&
    (error.details === undefined || (typeof error.details === 'object' && error.details !== null && !Array.isArray(error.details)))
  );
}

/**
 * Reads a response that must be a 4xx error in the contract's shape (optionally with this
 * status and code) and returns its body.
 */
export async function expectApiError(res: Response, status?: number, code?: string, context = ''): Promise<ErrorBody> {
  const text = await res.text();
  const where = `${context} → ${res.status} ${text.slice(0, 300)}`;
  if (status !== undefined) expect(res.status, where).toBe(status);
  else expect(res.status >= 400 && res.status < 500, where).toBe(true);
  expect(res.headers.get('content-type') ?? '', where).toMatch(/^application\/json/);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`not JSON: ${where}`);
  }
  expect(checkErrorBody(body), where).toBe(true);
  expect(hasStackTrace(text), where).toBe(false);
  if (code !== undefined) expect((body as ErrorBody).error.code, where).toBe(code);
  return body as ErrorBody;
}
