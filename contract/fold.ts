/**
 * Folding of Vietnamese text for diacritic-, case- and spacing-insensitive matching:
 * "Bá Hiến", "ba hien", "BAHIEN" all fold to "bahien"; "đ" folds to "d".
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]/g;

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(NOT_ALPHANUMERIC, '');
}
