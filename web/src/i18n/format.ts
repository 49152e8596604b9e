/**
 * Numbers and dates per locale: 10.762 and 25/10/2022 in Vietnamese, 10,762 and 25 Oct 2022
 * in English. Formatters are built once per language.
 */
import type { Language } from '../state/atlasState';

const LOCALE_TAGS: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Vietnamese documents write dates as 25/10/2022; English readers get 25 Oct 2022. */
const DATE_OPTIONS: Record<Language, Intl.DateTimeFormatOptions> = {
  vi: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  en: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
};

export interface Formatters {
  locale: string;
  /** Integer counts. */
  count(value: number): string;
  /** Rates and densities: up to `digits` decimals. */
  decimal(value: number, digits?: number): string;
  /** Scores that can be either sign: exactly `digits` decimals, "+" before positive values. */
  signed(value: number, digits?: number): string;
  /** A share 0…1 as a percentage with exactly `digits` decimals, e.g. 37,3% (columns line up). */
  percent(share: number, digits?: number): string;
  /** ISO date (YYYY-MM-DD) to a local date. */
  date(iso: string): string;
  period(from: string, to: string): string;
}

/** One decimal is enough for rates per 1,000 households and densities per km². */
const DEFAULT_DECIMALS = 1;
/** Gap scores and their parts are in standard deviations: hundredths tell neighbours apart. */
const DEFAULT_SIGNED_DECIMALS = 2;

export function createFormatters(lang: Language): Formatters {
  const locale = LOCALE_TAGS[lang];
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimals = new Map<number, Intl.NumberFormat>();
  const dateFormat = new Intl.DateTimeFormat(locale, DATE_OPTIONS[lang]);
  const decimalFormat = (digits: number) => {
    let format = decimals.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
      decimals.set(digits, format);
    }
    return format;
  };
  const signedFormats = new Map<number, Intl.NumberFormat>();
  const signedFormat = (digits: number) => {
    let format = signedFormats.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' });
      signedFormats.set(digits, format);
    }
    return format;
  };
  const percentFormat = new Map<number, Intl.NumberFormat>();
  const percent = (share: number, digits: number) => {
    let format = percentFormat.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
      percentFormat.set(digits, format);
    }
    return format.format(share);
  };
  const date = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));
  return {
    locale,
    count: (value) => integer.format(value),
    decimal: (value, digits = DEFAULT_DECIMALS) => decimalFormat(digits).format(value),
    signed: (value, digits = DEFAULT_SIGNED_DECIMALS) => signedFormat(digits).format(value),
    percent: (share, digits = DEFAULT_DECIMALS) => percent(share, digits),
    date,
    period: (from, to) => `${date(from)} – ${date(to)}`,
  };
}
