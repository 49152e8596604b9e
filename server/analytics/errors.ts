/**
 * Errors raised by the pure statistics modules. Each carries a machine `code` and a human message,
 * so the HTTP layer can turn it into the contract's `{"error":{"code","message","details"}}` (a 400
 * when the input came from the request, a 500 when it came from our own data).
 */

export const ANALYTICS_ERROR_CODES = [
  /** A number is missing, not finite, negative where it must not be, or out of range. */
  'invalid_input',
  /** A neighbour list names an index outside the units, or the unit itself. */
  'invalid_neighbours',
  /** Emerging hot spots need at least MIN_TIME_STEPS time slices. */
  'too_few_time_steps',
  /** The time slices do not all cover the same units. */
  'inconsistent_time_slices',
  /** An H3 cell id is not valid, or cells of different resolutions are mixed where one is needed. */
  'invalid_h3_cell',
  /** A planner what-if names a commune code that is not among the inputs. */
  'unknown_commune',
] as const;
export type AnalyticsErrorCode = (typeof ANALYTICS_ERROR_CODES)[number];

export class AnalyticsError extends Error {
  override readonly name = 'AnalyticsError';

  constructor(
    readonly code: AnalyticsErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** True for an AnalyticsError (also across module copies, where `instanceof` can fail). */
export function isAnalyticsError(error: unknown): error is AnalyticsError {
  return error instanceof Error && error.name === 'AnalyticsError' && 'code' in error;
}

/** Throws `invalid_input` unless every value is a finite number. */
export function assertFiniteNumbers(values: readonly number[], what: string): void {
  const index = values.findIndex((value) => !Number.isFinite(value));
  if (index >= 0) {
    throw new AnalyticsError('invalid_input', `${what} must be finite numbers; item ${index} is ${String(values[index])}.`, {
      what,
      index,
    });
  }
}
