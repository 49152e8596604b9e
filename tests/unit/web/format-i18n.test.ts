import { describe, expect, it } from 'vitest';
import en from '../../../web/src/i18n/en.json';
import vi from '../../../web/src/i18n/vi.json';
import { createFormatters } from '../../../web/src/i18n/format';
import { translator } from '../../../web/src/i18n/i18n';

describe('locale formatting', () => {
  it('writes 10762 as 10.762 in Vietnamese and 10,762 in English', () => {
    expect(createFormatters('vi').count(10762)).toBe('10.762');
    expect(createFormatters('en').count(10762)).toBe('10,762');
  });

  it('writes decimals with the locale separator', () => {
    expect(createFormatters('vi').decimal(34.91)).toBe('34,9');
    expect(createFormatters('en').decimal(34.91)).toBe('34.9');
  });

  it('writes the review date as 25/10/2022 in Vietnamese and 25 Oct 2022 in English', () => {
    expect(createFormatters('vi').date('2022-10-25')).toBe('25/10/2022');
    expect(createFormatters('en').date('2022-10-25')).toBe('25 Oct 2022');
  });
});

describe('translations', () => {
  it('has the same keys in Vietnamese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const catalog of [vi, en]) for (const value of Object.values(catalog)) expect(value.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect(placeholders(en[key])).toEqual(placeholders(vi[key]));
  });

  it('fills placeholders', () => {
    expect(translator('en')('legend.suppressed', { k: 5 })).toBe('Hidden to protect informants (fewer than 5)');
  });
});
