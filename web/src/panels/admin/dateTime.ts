/** Moments (ISO date-times) day first, in Vietnam's time: 02/12/2026 08:15 (vi), 2 Dec 2026, 08:15 (en). */
import type { Language } from '../../state/atlasState';

const FORMATS: Record<Language, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }),
};

export const formatDateTime = (iso: string, lang: Language): string => FORMATS[lang].format(new Date(iso));
