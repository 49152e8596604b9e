/**
 * Diacritic-, case- and spacing-insensitive search over unit names: "ba hien", "BAHIEN" and
 * "Bá Hiến" all find Bá Hiến; "d" matches "đ". A query may carry the unit type ("xa ba hien",
 * "tp vinh yen"). Best match first: exact, then prefix, then word-start, then anywhere.
 */
import { foldForSearch } from '#contract';
import type { SearchHit } from '#contract/api';
import type { UnitRecord } from './unit-record';

interface IndexedUnit {
  unit: UnitRecord;
  folded: string;
  /** Folded name with its type in front, e.g. "xabahien", "thanhphovinhyen". */
  foldedWithType: string;
  /** Folded start of every word, to rank "hien" in "Bá Hiến" above a match mid-word. */
  wordStarts: string[];
}

const LEVEL_ORDER: Record<string, number> = { province: 0, district: 1, commune: 2 };

/** Common abbreviations of unit types in Vietnamese writing. */
const TYPE_ABBREVIATIONS: [RegExp, string][] = [
  [/^tp(?=[a-z])/, 'thanhpho'],
  [/^tt(?=[a-z])/, 'thitran'],
  [/^p(?=[a-z])/, 'phuong'],
  [/^x(?=[a-z])/, 'xa'],
  [/^h(?=[a-z])/, 'huyen'],
];

export class UnitSearch {
  private readonly index: IndexedUnit[];

  constructor(units: UnitRecord[]) {
    this.index = units.map((unit) => {
      const words = unit.name.split(/\s+/).map(foldForSearch);
      const folded = foldForSearch(unit.name);
      return {
        unit,
        folded,
        foldedWithType: foldForSearch(unit.type) + folded,
        wordStarts: words.map((_, i) => words.slice(i).join('')),
      };
    });
  }

  search(query: string, limit: number): SearchHit[] {
    const needle = foldForSearch(query);
    if (needle.length === 0) return [];
    const variants = [needle, ...TYPE_ABBREVIATIONS.filter(([re]) => re.test(needle)).map(([re, full]) => needle.replace(re, full))];
    const scored: { entry: IndexedUnit; score: number }[] = [];
    for (const entry of this.index) {
      const score = Math.min(...variants.map((v) => this.score(entry, v)));
      if (Number.isFinite(score)) scored.push({ entry, score });
    }
    scored.sort(
      (a, b) =>
        a.score - b.score ||
        (LEVEL_ORDER[a.entry.unit.level] ?? 0) - (LEVEL_ORDER[b.entry.unit.level] ?? 0) ||
        a.entry.folded.length - b.entry.folded.length ||
        a.entry.unit.code.localeCompare(b.entry.unit.code),
    );
    return scored.slice(0, limit).map(({ entry: { unit } }) => ({
      code: unit.code,
      name: unit.name,
      level: unit.level,
      type: unit.type,
      district_name: unit.district_name,
      bbox: unit.bbox,
    }));
  }

  /** Lower is better; Infinity = no match. */
  private score(entry: IndexedUnit, needle: string): number {
    if (entry.folded === needle || entry.foldedWithType === needle) return 0;
    if (entry.folded.startsWith(needle) || entry.foldedWithType.startsWith(needle)) return 1;
    if (entry.wordStarts.some((w) => w.startsWith(needle))) return 2;
    if (entry.folded.includes(needle)) return 3;
    return Infinity;
  }
}
