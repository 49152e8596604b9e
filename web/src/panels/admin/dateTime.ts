/** Moments (ISO date-times) day first, in Vietnam's time: 02/12/2026 08:15 (vi), 2 Dec 2026 08:15 (en). */
import type { Language } from '../../state/atlasState';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const DATES: Record<Language, Intl.DateTimeFormatOptions> = {
  vi: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE },
  en: { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE },
};
const FORMATS = Object.fromEntries(
  (Object.keys(LOCALES) as Language[]).map((lang) => [
    lang,
    {
      date: new Intl.DateTimeFormat(LOCALES[lang], DATES[lang]),
      time: new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }),
    },
  ]),
) as Record<Language, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>;

/** Date, then time: vi-VN alone would put the time first. */
export function formatDateTime(iso: string, lang: Language): string {
  const moment = new Date(iso);
  return `${FORMATS[lang].date.format(moment)} ${FORMATS[lang].time.format(moment)}`;
}
