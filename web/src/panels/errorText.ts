/**
 * A request error in the reader's language. Known codes have a sentence of their own (with the
 * detail the server gave, e.g. the period to ask for instead); other errors keep the server's
 * sentence in the reader's language when it gave both ("Vietnamese / English"), and otherwise
 * only the code inside a sentence of ours, so no English sentence lands in the Vietnamese UI.
 */
import { ApiRequestError } from '../api/client';
import { createFormatters } from '../i18n/format';
import type { MessageKey, Translate } from '../i18n/i18n';
import type { Language } from '../state/atlasState';

/** Codes whose whole meaning a sentence of ours says better than the server's. */
const CODE_KEYS: Readonly<Record<string, MessageKey>> = {
  unauthenticated: 'error.session',
  forbidden: 'error.forbidden',
  csrf_failed: 'error.csrf',
  rate_limited: 'error.rateLimited',
  data_preparing: 'error.preparing',
  data_unavailable: 'error.unavailable',
  unknown_unit: 'error.unknownUnit',
  invalid_period: 'error.invalidPeriod',
  period_outside_data: 'error.periodOutsideData',
  too_few_time_steps: 'error.tooFewTimeSteps',
  invalid_parameter: 'error.invalidRequest',
  unknown_value: 'error.invalidRequest',
  unknown_parameter: 'error.invalidRequest',
  repeated_parameter: 'error.invalidRequest',
  invalid_json: 'error.invalidRequest',
};

const STATUS_TIMEOUT = 408;
const STATUS_TOO_MANY_REQUESTS = 429;
const STATUS_SERVER_ERROR = 500;

/** Messages written in both languages, Vietnamese first. */
const BILINGUAL_SEPARATOR = ' / ';

function isPeriod(value: unknown): value is { from: string; to: string } {
  return typeof value === 'object' && value !== null && typeof (value as { from?: unknown }).from === 'string' && typeof (value as { to?: unknown }).to === 'string';
}

/** The server's sentence in the reader's language, or null when it has none in that language. */
function serverSentence(message: string, lang: Language): string | null {
  const parts = message.split(BILINGUAL_SEPARATOR);
  if (parts.length === 2) return (lang === 'vi' ? parts[0] : parts[1])?.trim() ?? null;
  // One language only: the server's own messages are English unless they are split.
  return lang === 'en' ? message : null;
}

export function errorText(error: Error, t: Translate): string {
  if (!(error instanceof ApiRequestError)) return t('error.generic', { detail: error.message });
  if (error.status === 0) return t('error.network');
  // The catalogue names its own language, so the caller's translator is all this needs.
  const lang: Language = t('language.code') === 'en' ? 'en' : 'vi';
  if (error.code === 'reporting_calendar') {
    const suggestion = error.details.suggestion;
    return isPeriod(suggestion)
      ? t('error.reportingCalendar', { period: createFormatters(lang).period(suggestion.from, suggestion.to) })
      : t('error.reportingCalendarPlain');
  }
  const key = CODE_KEYS[error.code];
  if (key) return t(key);
  if (error.status === 401) return t('error.session');
  if (error.status === 403) return t('error.forbidden');
  const sentence = serverSentence(error.message, lang);
  return sentence ? t('error.generic', { detail: sentence }) : t('error.coded', { code: error.code });
}

/** Whether trying the same request again can help: not for a refusal of the request itself (4xx). */
export function canRetry(error: Error): boolean {
  if (!(error instanceof ApiRequestError)) return true;
  return error.status === 0 || error.status === STATUS_TIMEOUT || error.status === STATUS_TOO_MANY_REQUESTS || error.status >= STATUS_SERVER_ERROR;
}
