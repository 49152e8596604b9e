/**
 * The value rules of an import: dates in every accepted form and the refused ones (month
 * first, impossible, future), flags, whole numbers, and legacy-encoded text (TCVN3 computed by
 * iconv outside this code, VNI as typed) against genuine Unicode Vietnamese.
 */
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../data/pipeline/support/dates';
import { parseDate } from '../../data/import/values/dates';
import { parseFlag } from '../../data/import/values/flags';
import { legacyEncodingOf } from '../../data/import/values/legacy-text';
import { wholeNumberIn } from '../../data/import/values/numbers';
import { AREA_CLASS_LABELS, MODEL_SETTING_LABELS, OUTCOME_KIND_LABELS, TIP_CATEGORY_LABELS } from '../../data/import/vocabulary';
import { TCVN3_NAMES } from './fixtures/tcvn3-names';

const TODAY = dayFromIso('2026-12-01');

describe('dates', () => {
  it.each([
    ['2022-10-25', '2022-10-25'],
    ['25/10/2022', '2022-10-25'],
    ['5/3/2018', '2018-03-05'],
    ['05/03/2018', '2018-03-05'],
    ['25-10-2022', '2022-10-25'],
    ['25.10.2022', '2022-10-25'],
    ['  1/1/2017 ', '2017-01-01'],
    ['29/02/2020', '2020-02-29'],
  ])('given "%s", when parsed, then it is %s', (text, iso) => {
    expect(parseDate(text, TODAY)).toEqual({ ok: true, day: dayFromIso(iso) });
  });

  it('given an Excel date cell (midnight UTC of its day), when parsed, then it is that calendar day', () => {
    expect(parseDate(new Date(Date.UTC(2019, 6, 31)), TODAY)).toEqual({ ok: true, day: dayFromIso('2019-07-31') });
  });

  it('given a month-first date 10/25/2022, when parsed, then it is refused as DATE_MONTH_FIRST with the day-first spelling as the fix', () => {
    const result = parseDate('10/25/2022', TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('DATE_MONTH_FIRST');
    expect(result.problem.message.vi).toContain('25/10/2022');
  });

  it.each(['31/02/2022', '29/02/2023', '2022-13-01', '00/01/2022', '01/01/0022', 'hôm qua', '2022/10/25', '44859', ''])('given "%s", when parsed, then it is DATE_INVALID', (text) => {
    const result = parseDate(text, TODAY);
    expect(result.ok ? 'ok' : result.problem.code).toBe('DATE_INVALID');
  });

  it('given a plain number cell (not a date cell), when parsed, then it is refused rather than guessed as a serial', () => {
    const result = parseDate(44859, TODAY);
    expect(result.ok ? 'ok' : result.problem.code).toBe('DATE_INVALID');
  });

  it('given the day after today, when parsed, then it is DATE_FUTURE; today itself is fine', () => {
    const tomorrow = parseDate('02/12/2026', TODAY);
    expect(tomorrow.ok ? 'ok' : tomorrow.problem.code).toBe('DATE_FUTURE');
    expect(parseDate('01/12/2026', TODAY)).toEqual({ ok: true, day: TODAY });
  });
});

describe('flags and numbers', () => {
  it.each([
    ['có', true],
    ['Có', true],
    ['x', true],
    ['1', true],
    ['yes', true],
    [true, true],
    ['không', false],
    ['0', false],
    ['no', false],
    [null, false],
    ['', false],
  ] as const)('given %s, when read as a flag, then it is %s', (cell, expected) => {
    expect(parseFlag(cell)).toBe(expected);
  });

  it('given a word that is not yes or no, when read as a flag, then it is undefined', () => {
    expect(parseFlag('có lẽ')).toBeUndefined();
  });

  it.each([
    [22, 22],
    ['22', 22],
    ['22.0', 22],
    [200, 200],
    [1, 1],
  ] as const)('given %s, when read as households (1–200), then it is %s', (cell, expected) => {
    expect(wholeNumberIn(cell, 1, 200)).toBe(expected);
  });

  it.each([0, 201, 22.5, '22,5', 'hai mươi', '', null])('given %s, when read as households (1–200), then it is refused', (cell) => {
    expect(wholeNumberIn(cell, 1, 200)).toBeUndefined();
  });
});

describe('legacy Vietnamese encodings', () => {
  const windows1252 = new TextDecoder('windows-1252');

  it('given every census name typed in a TCVN3 font (bytes from iconv, read as Windows-1252), when checked, then each one with a TCVN3-only letter is flagged TCVN3', () => {
    const flagged = TCVN3_NAMES.map(({ unicode, tcvn3Hex }) => ({ unicode, legacy: windows1252.decode(Buffer.from(tcvn3Hex, 'hex')) }))
      .filter(({ unicode, legacy }) => legacy !== unicode)
      .map(({ legacy }) => legacyEncodingOf(legacy));
    expect(flagged.length).toBeGreaterThan(140);
    expect(flagged.every((e) => e === 'TCVN3')).toBe(true);
  });

  it('given the same names in Unicode, and every label of the vocabularies, when checked, then none is flagged', () => {
    const labels = [AREA_CLASS_LABELS, MODEL_SETTING_LABELS, TIP_CATEGORY_LABELS, OUTCOME_KIND_LABELS].flatMap((l) => Object.values(l));
    for (const text of [...TCVN3_NAMES.map((n) => n.unicode), ...labels, 'Thôn Nam Bản', 'Tổ dân phố số 3', 'Trường THCS Xuân Hòa']) expect(legacyEncodingOf(text), text).toBeUndefined();
  });

  it.each([
    ['Baù Hieán', 'Bá Hiến'],
    ['Ñoáng Ña', 'Đống Đa'],
    ['Phuùc Yeân', 'Phúc Yên'],
    ['Thò traán Tam Ñaûo', 'Thị trấn Tam Đảo'],
  ])('given "%s" (%s typed in a VNI font), when checked, then it is flagged VNI', (legacy) => {
    expect(legacyEncodingOf(legacy)).toBe('VNI');
  });
});
