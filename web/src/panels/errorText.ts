/** A request error in the reader's language; the server's own sentence is kept as detail. */
import { ApiRequestError } from '../api/client';
import type { Translate } from '../i18n/i18n';

const STATUS_SERVICE_UNAVAILABLE = 503;

export function errorText(error: Error, t: Translate): string {
  if (!(error instanceof ApiRequestError)) return t('error.generic', { detail: error.message });
  if (error.status === 0) return t('error.network');
  if (error.status === 401) return t('error.session');
  if (error.status === 403) return t('error.forbidden');
  if (error.status === STATUS_SERVICE_UNAVAILABLE) return t('error.preparing');
  return t('error.generic', { detail: error.message });
}
