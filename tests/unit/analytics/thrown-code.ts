import { isAnalyticsError } from '../../../server/analytics/errors';

/** The AnalyticsError code an action throws; 'none' if it returns, 'other' for any other error. */
export function thrownCode(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return isAnalyticsError(error) ? error.code : 'other';
  }
  return 'none';
}
