/**
 * Errors are values with a code, an HTTP status and a human sentence, raised where input
 * enters and turned into the contract's error shape in one place (app.onError).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '#contract/api';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new ApiError(400, code, message, details);
