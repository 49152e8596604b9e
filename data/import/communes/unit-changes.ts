/**
 * The changes of vinh_phuc_unit_changes_2019_2025.csv that records may reflect: a unit renamed
 * (it kept its 2019 code: "Xã Phú Thịnh" → "Xã Tân Phú" in 2020) and units merged into another
 * (Tân Cương into Tân Phú in 2020, Trưng Trắc into Trưng Nhị = Hai Bà Trưng on 1 Jan 2025). The
 * receiving unit is named in the evidence ("merged into 08740"); where it is not (2020), it is
 * the one unit renamed by a merger in the same district at the same time. Mergers whose
 * receiving unit is not documented are left out, never guessed.
 */
import path from 'node:path';
import { sourcesDir } from '../../paths';
import { parseCsv } from '../../pipeline/sources/csv';
import { decodeUtf8, readInput } from '../../pipeline/sources/files';
import { dayFromIso } from '../../pipeline/support/dates';

export const UNIT_CHANGES_FILE = 'vinh_phuc_unit_changes_2019_2025.csv';
const HEADER = ['effective', 'ward_code', 'name_before', 'name_after', 'district_code', 'district_name', 'change', 'legal_basis', 'evidence'] as const;
const MERGED_INTO = /merged into (\d{5})/;
/** "2020-02 (between GSO snapshots …)" or "2025-01-01": the month is enough, its first day counts. */
const EFFECTIVE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

export interface Rename {
  code: string;
  /** With its type word, as in the file ("Xã Tân Phú"). */
  nameAfter: string;
  effectiveDay: number;
}

export interface Merger {
  receivingCode: string;
  absorbedCode: string;
  effectiveDay: number;
}

export interface UnitChanges {
  renames: Rename[];
  mergers: Merger[];
}

export const unitChangesPath = () => path.join(sourcesDir(), UNIT_CHANGES_FILE);

export function readUnitChanges(file = unitChangesPath()): UnitChanges {
  const rows = parseCsv(decodeUtf8(readInput(file), file), file, HEADER).map((r) => r.values as Record<(typeof HEADER)[number], string>);
  const effectiveDay = (text: string) => {
    const m = EFFECTIVE.exec(text);
    if (!m) throw new Error(`${UNIT_CHANGES_FILE}: unreadable effective date "${text}"`);
    return dayFromIso(`${m[1]}-${m[2]}-${m[3] ?? '01'}`);
  };
  const renamedByMerger = rows.filter((r) => r.change === 'renamed (merger)');
  const mergers: Merger[] = rows
    .filter((r) => r.change === 'abolished (merged)' && !/not documented/i.test(r.legal_basis))
    .flatMap((r) => {
      const named = MERGED_INTO.exec(r.legal_basis)?.[1];
      const peers = renamedByMerger.filter((p) => p.effective === r.effective && p.district_code === r.district_code);
      const receivingCode = named ?? (peers.length === 1 ? peers[0]!.ward_code : undefined);
      return receivingCode ? [{ receivingCode, absorbedCode: r.ward_code, effectiveDay: effectiveDay(r.effective) }] : [];
    });
  const renames = rows
    .filter((r) => r.name_after !== '' && r.change.startsWith('renamed'))
    .map((r) => ({ code: r.ward_code, nameAfter: r.name_after, effectiveDay: effectiveDay(r.effective) }));
  return { renames, mergers };
}
