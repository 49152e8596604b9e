/**
 * Every name and code a register may use for a place, indexed once per import: the 137
 * communes of 2019 (GSO code, name), names they took later (renames in the unit changes file),
 * units merged into them, the 9 districts, and the 36 units of 1 Jul 2025 (crosswalk). Names are
 * folded like the search (foldForSearch); a leading type word (Xã, Phường, Thị trấn; Huyện,
 * Thành phố, Thị xã) may be there or not.
 */
import { foldForSearch } from '#contract';
import type { Commune, ReferenceData } from '../../pipeline/reference/types';
import type { UnitChanges } from './unit-changes';

const COMMUNE_TYPE_WORDS = ['thitran', 'phuong', 'xa'] as const;
const DISTRICT_TYPE_WORDS = ['thanhpho', 'huyen', 'thixa', 'tp'] as const;
const COMMUNE_TYPE_OF_WORD: Record<(typeof COMMUNE_TYPE_WORDS)[number], string> = { thitran: 'Thị trấn', phuong: 'Phường', xa: 'Xã' };

/** The folded forms of a name to look up, most literal first: as written, then without its type word. */
export function foldedForms(text: string, typeWords: readonly string[]): { form: string; typeWord?: string }[] {
  const folded = foldForSearch(text);
  const forms: { form: string; typeWord?: string }[] = [{ form: folded }];
  for (const word of typeWords) {
    if (folded.startsWith(word) && folded.length > word.length) forms.push({ form: folded.slice(word.length), typeWord: word });
  }
  return forms;
}

export interface Unit2025Ref {
  code: string;
  name: string;
  type: string;
  oldCodes: string[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class Gazetteer {
  readonly communes: readonly Commune[];
  private readonly communeByCode = new Map<string, number>();
  private readonly communesByName = new Map<string, number[]>();
  private readonly districtByCode = new Map<string, string>();
  private readonly districtByName = new Map<string, string>();
  private readonly unitByCode = new Map<string, Unit2025Ref>();
  private readonly unitByName = new Map<string, Unit2025Ref>();
  private readonly absorbed = new Map<number, { index: number; effectiveDay: number }[]>();

  constructor(reference: ReferenceData, changes: UnitChanges) {
    this.communes = reference.communes;
    reference.communes.forEach((c, i) => {
      this.communeByCode.set(c.code, i);
      push(this.communesByName, foldForSearch(c.name), i);
    });
    for (const rename of changes.renames) {
      const index = this.communeByCode.get(rename.code);
      const form = foldedForms(rename.nameAfter, COMMUNE_TYPE_WORDS).at(-1)!.form;
      if (index !== undefined && !(this.communesByName.get(form) ?? []).includes(index)) push(this.communesByName, form, index);
    }
    for (const merger of changes.mergers) {
      const receiving = this.communeByCode.get(merger.receivingCode);
      const absorbed = this.communeByCode.get(merger.absorbedCode);
      if (receiving !== undefined && absorbed !== undefined) push(this.absorbed, receiving, { index: absorbed, effectiveDay: merger.effectiveDay });
    }
    for (const d of reference.districts) {
      this.districtByCode.set(d.code, d.code);
      this.districtByName.set(foldForSearch(d.name), d.code);
    }
    for (const u of reference.units2025) {
      const ref = { code: u.code, name: u.name, type: u.type, oldCodes: u.oldCodes };
      this.unitByCode.set(u.code, ref);
      this.unitByName.set(foldForSearch(u.name), ref);
    }
  }

  communeByGsoCode(code: string): number | undefined {
    return this.communeByCode.get(code);
  }

  /** Communes a name may mean, with the type word it was written with (if any). */
  communesNamed(text: string): { indices: number[]; type?: string } {
    for (const { form, typeWord } of foldedForms(text, COMMUNE_TYPE_WORDS)) {
      const indices = this.communesByName.get(form);
      if (indices) return { indices, ...(typeWord ? { type: COMMUNE_TYPE_OF_WORD[typeWord as keyof typeof COMMUNE_TYPE_OF_WORD] } : {}) };
    }
    return { indices: [] };
  }

  district(text: string): string | undefined {
    const code = /^\d{1,3}$/.test(text) ? text.padStart(3, '0') : undefined;
    if (code) return this.districtByCode.get(code);
    for (const { form } of foldedForms(text, DISTRICT_TYPE_WORDS)) {
      const found = this.districtByName.get(form);
      if (found) return found;
    }
    return undefined;
  }

  unit2025(text: string): Unit2025Ref | undefined {
    if (/^\d{1,5}$/.test(text)) return this.unitByCode.get(text.padStart(5, '0'));
    for (const { form } of foldedForms(text, COMMUNE_TYPE_WORDS)) {
      const found = this.unitByName.get(form);
      if (found) return found;
    }
    return undefined;
  }

  /** Communes merged into this one by `day` (so a point in them still belongs to it). */
  absorbedBy(index: number, day: number): number[] {
    return (this.absorbed.get(index) ?? []).filter((a) => a.effectiveDay <= day).map((a) => a.index);
  }

  /** "Xã Bá Hiến (08944, Bình Xuyên)" for messages. */
  describe(index: number): string {
    const c = this.communes[index]!;
    return `${c.type} ${c.name} (${c.code}, ${c.districtName})`;
  }
}
